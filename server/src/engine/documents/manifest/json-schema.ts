/** schema.ts -> JSON Schema (draft-07), shipped for Red Hat's YAML extension and other schema-aware tools. */
import { MANIFEST, Schema } from './schema';

type Json = Record<string, unknown>;

function convert(s: Schema): Json {
  const base: Json = { description: s.description };
  switch (s.type) {
    case 'string':
      if (s.const) return { ...base, const: s.const };
      return {
        ...base,
        type: 'string',
        ...(s.enum ? { enum: [...s.enum] } : {}),
        ...(s.format === 'ip' ? { anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: 'integer',
        ...(s.minimum !== undefined ? { minimum: s.minimum } : {}),
        ...(s.maximum !== undefined ? { maximum: s.maximum } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'list':
      return { ...base, type: 'array', items: convert(s.items) };
    case 'union':
      return { ...base, oneOf: s.options.map(convert) };
    case 'map': {
      const out: Json = { ...base, type: ['object', 'null'] };
      if (s.fields) {
        out.properties = Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, convert(v)]));
        out.patternProperties = { '^x-': {} };
        out.additionalProperties = false;
        if (s.required?.length) {
          out.required = [...s.required];
          out.type = 'object';
        }
      }
      if (s.values) out.additionalProperties = convert(s.values);
      return out;
    }
  }
}

export function manifestJsonSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/openstack-ha/openstack-ha/schemas/openstack-ha.schema.json',
    title: 'OpenStack HA manifest (openstack-ha/v1)',
    ...convert(MANIFEST),
    type: 'object',
  };
}
