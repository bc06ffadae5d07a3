/** Which proxies front Galera: port 3306, or a galera/mysql/mariadb name. */
import { HaSection } from '../../documents/haproxy/parse';
import { HaView } from '../../documents/haproxy/view';

export function galeraProxies(view: HaView): HaSection[] {
  return view.proxies().filter((s) => s.kind !== 'frontend' && view.servers(s).length && view.service(s)?.name === 'galera');
}
