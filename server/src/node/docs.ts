/** Where a rule's documentation page is: shipped beside the bundle, so links work offline. */
import * as path from 'path';
import { pathToFileURL } from 'url';

/** dist/*.js and out/server/src/node/*.js both find the package root by looking for docs/rules. */
function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (require('fs').existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..');
}

const ROOT = packageRoot();

export function ruleDocPath(id: string): string {
  return path.join(ROOT, 'docs', 'rules', `${id}.md`);
}
export function ruleDocUri(id: string): string {
  return pathToFileURL(ruleDocPath(id)).toString();
}
