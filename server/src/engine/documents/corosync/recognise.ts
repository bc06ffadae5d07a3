/** corosync.conf by name, or a .conf file with a `totem {` block. Templates are not claimed. */
export function isCorosyncFile(path: string, text: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base)) return false;
  if (base === 'corosync.conf') return true;
  return /\.conf$/.test(base) && /^[^\S\r\n\u2028\u2029]*totem\s*\{/m.test(text.slice(0, 16384));
}
