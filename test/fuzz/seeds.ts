/**
 * What the fuzzer mutates: real files of every kind (examples/, test/fixtures/, test/corpus/) and
 * one generated deployment (every kind, with its cross-file facts), each with the kind it was
 * recognised as. The fuzzer keeps that kind while it breaks the text, as an editor keeps a
 * document's language while its user types.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../../server/src/engine/languages';
import type { DocumentKind } from '../../server/src/engine/types';
import { generateWorkspace, kollaDeploymentFiles, osaDeploymentFiles } from '../../server/src/tools/gen-workspace';
import { ROOT } from '../support/paths';

export interface Seed {
  /** Its path in the fuzzing workspace. */
  path: string;
  text: string;
  kind: DocumentKind;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * The generated deployments the seeds live in: their other files are the peers and the manifest. A
 * site with an HA manifest; a kolla-ansible deployment (globals.yml, globals.d, multinode, host_vars
 * and a service override in config/, which kolla's facts bear on) and an OpenStack-Ansible one
 * (openstack_user_config.yml, conf.d, user_variables), each of 12 hosts.
 */
export function baseWorkspace(): Map<string, string> {
  const out = generateWorkspace(60);
  for (const [p, t] of kollaDeploymentFiles(1, 12, 'kolla')) out.set(p, t);
  out.set(
    'kolla/config/nova.conf',
    '[DEFAULT]\ntransport_url = rabbit://openstack:{{ rabbitmq_password }}@ctl1:5672//\n\n[database]\nmax_retries = 10\n\n[cache]\nmemcache_servers = ctl1:11211\n',
  );
  for (const [p, t] of osaDeploymentFiles(1, 12, 'osa')) out.set(p, t);
  return out;
}

export function seeds(): Seed[] {
  const out: Seed[] = [];
  for (const [p, text] of baseWorkspace()) {
    const kind = detectKind(p, text);
    if (kind) out.push({ path: p, text, kind });
  }
  for (const dir of ['examples', 'test/fixtures', 'test/corpus']) {
    for (const file of walk(path.join(ROOT, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      // corpus files are named owner__repo__path: the last part is the real file name
      const name = path.basename(rel).split('__').pop()!;
      const kind = detectKind(name, text) ?? detectKind(rel, text);
      if (kind) out.push({ path: `extra/${rel.replace(/\//g, '_')}/${name}`, text, kind });
    }
  }
  return out;
}

/**
 * Inputs that once broke a property, kept as test/fuzz/regressions/*.json ({ kind, path, text,
 * why }): JSON keeps every code unit exactly, lone surrogates and NULs included.
 */
export function regressions(): Seed[] {
  const dir = path.join(ROOT, 'test', 'fuzz', 'regressions');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => {
      const r = JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as Seed;
      return { path: r.path, text: r.text, kind: r.kind };
    });
}
