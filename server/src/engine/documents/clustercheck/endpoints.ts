/**
 * Where a Galera node answers HAProxy's HTTP health check (clustercheck): an xinetd service
 * (/etc/xinetd.d/galera-monitor, `port = 9200`, `server = /usr/bin/clustercheck`) or a systemd
 * socket unit (`ListenStream=9200`) that starts it. Only what the cross-file rules need.
 */

export interface CheckEndpoint {
  /** `service galera-monitor` or `clustercheck.socket`. */
  name: string;
  port?: number;
  disabled: boolean;
  /** 1-based line of the service or socket, for messages. */
  line: number;
}

/** Could this path hold a check endpoint (an xinetd service file, a systemd socket unit)? Decided without reading it. */
export function isCheckEndpointPath(path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  return /\.socket$/.test(base) || /(^|[\\/])xinetd\.d[\\/][^\\/]+$/.test(path) || /^(galera-monitor|mysqlchk|clustercheck)$/.test(base);
}

/** An xinetd service file, or a systemd socket unit that may start clustercheck. */
export function isCheckEndpointFile(path: string, text: string): boolean {
  if (!isCheckEndpointPath(path)) return false;
  return /\.socket$/.test(path)
    ? /^[^\S\r\n\u2028\u2029]*ListenStream\s*=/m.test(text)
    : /^[^\S\r\n\u2028\u2029]*service\s+\S+/m.test(text);
}

/** The clustercheck endpoints a file defines (xinetd services whose server is a cluster check, or any socket unit named after one). */
export function checkEndpoints(path: string, text: string): CheckEndpoint[] {
  const base = path.split(/[\\/]/).pop() ?? path;
  const lines = text.split(/\r?\n/);
  if (/\.socket$/.test(base)) {
    if (!/clustercheck|galera|mysqlchk|mysql-check/i.test(base + text)) return [];
    const i = lines.findIndex((l) => /^\s*ListenStream\s*=/.test(l));
    const v = i >= 0 ? /=\s*(?:.*:)?(\d+)\s*$/.exec(lines[i])?.[1] : undefined;
    return [{ name: base, port: v ? Number(v) : undefined, disabled: false, line: i + 1 }];
  }
  const out: CheckEndpoint[] = [];
  let cur: (CheckEndpoint & { server?: string }) | undefined;
  lines.forEach((raw, i) => {
    const l = raw.replace(/#.*$/, '').trim();
    const svc = /^service\s+(\S+)/.exec(l);
    if (svc) {
      cur = { name: `service ${svc[1]}`, disabled: false, line: i + 1 };
      return;
    }
    if (!cur) return;
    if (l === '}') {
      if (/clustercheck|galera|mysqlchk|check/i.test(`${cur.server ?? ''} ${cur.name}`))
        out.push({ name: cur.name, port: cur.port, disabled: cur.disabled, line: cur.line });
      cur = undefined;
      return;
    }
    const kv = /^(\w+)\s*[+-]?=\s*(.*)$/.exec(l);
    if (!kv) return;
    if (kv[1] === 'port' && /^\d+$/.test(kv[2])) cur.port = Number(kv[2]);
    if (kv[1] === 'disable') cur.disabled = /^yes$/i.test(kv[2]);
    if (kv[1] === 'server') cur.server = kv[2];
  });
  return out;
}

/**
 * A file of the clustercheck setup the product lints for its secrets: the guide's
 * /etc/sysconfig/clustercheck (Debian: /etc/default/clustercheck) and the xinetd services.
 */
export function isClustercheckFile(path: string, text: string): boolean {
  if (/(^|[\\/])(sysconfig|default)[\\/]clustercheck$/.test(path)) return !/\.(j2|jinja2?|erb|tmpl|epp)$/.test(path);
  return isCheckEndpointFile(path, text) && !/\.socket$/.test(path);
}
