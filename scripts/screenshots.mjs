// Copies the UI suites' screenshots (test-results/screenshots) to docs/images for the README.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

mkdirSync('docs/images', { recursive: true });
for (const name of ['diagnostics.png', 'hover.png', 'quick-fix.png', 'topology-what-if.png']) {
  const from = `test-results/screenshots/${name}`;
  if (!existsSync(from)) {
    console.error(`${from} is missing: run npm test first`);
    process.exit(1);
  }
  copyFileSync(from, `docs/images/${name}`);
  console.log(`docs/images/${name}`);
}
