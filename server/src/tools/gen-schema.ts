import { manifestJsonSchema } from '../engine/documents/manifest/json-schema';

process.stdout.write(JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
