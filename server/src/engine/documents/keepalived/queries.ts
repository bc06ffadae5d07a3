/** Look-ups over a parsed keepalived.conf that the rules and the workspace share. */
import { blocks, KaBlock, KaFile, stmt } from './parse';

export const instances = (f: KaFile) => blocks(f.root, 'vrrp_instance');
export const name = (b: KaBlock) => b.header[1]?.text ?? '?';
/** The addresses of an instance's virtual_ipaddress block (`10.0.0.11/24 dev eth0` -> 10.0.0.11). */
export function vips(b: KaBlock): { address: string; span: { start: number; end: number } }[] {
  return blocks(b, 'virtual_ipaddress').flatMap((v) =>
    v.statements.map((s) => ({ address: s.words[0].text.replace(/\/\d+$/, ''), span: s.words[0].span })),
  );
}
export const value = (b: KaBlock, key: string) => stmt(b, key)?.words[1];
