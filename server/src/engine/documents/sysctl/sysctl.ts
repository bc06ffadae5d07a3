/** sysctl.conf and /etc/sysctl.d/*.conf: recognised by path, read as `key = value` lines. */
export function isSysctlFile(path: string): boolean {
  return /(^|[\\/])sysctl\.conf$/.test(path) || /(^|[\\/])sysctl\.d[\\/][^\\/]+\.conf$/.test(path);
}

/** The settings of a sysctl file; `net/ipv4/x` and `net.ipv4.x` are one key. Later lines win, as with `sysctl -p`. */
export function readSysctl(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^-?\s*([\w./-]+)\s*=\s*(.*)$/.exec(line);
    if (m) out.set(m[1].replace(/\//g, '.'), m[2].trim());
  }
  return out;
}
