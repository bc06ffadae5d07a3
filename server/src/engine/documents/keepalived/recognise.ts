/** keepalived.conf by name or folder, or a .conf file with a vrrp_instance block. Templates are not claimed. */
export function isKeepalivedFile(path: string, text: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base)) return false;
  if (base === 'keepalived.conf') return true;
  return /\.conf$/.test(base) && /^[^\S\r\n\u2028\u2029]*(vrrp_instance|vrrp_script|virtual_server)\s+\S+\s*\{/m.test(text.slice(0, 16384));
}
