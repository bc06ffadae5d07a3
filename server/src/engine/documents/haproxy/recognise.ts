/** haproxy.cfg by name, by folder (/etc/haproxy/, kolla's services.d), or by content in a .cfg file. Templates are not claimed. */
const SECTION_LINE = /^[^\S\r\n\u2028\u2029]*(global|defaults|frontend|backend|listen)(\s|$)/m;

export function isHaproxyFile(path: string, text: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base)) return false;
  if (base === 'haproxy.cfg') return true;
  if (/\.cfg$/.test(base) && (/[\\/]haproxy[\\/]/.test(path) || SECTION_LINE.test(text.slice(0, 8192)))) return true;
  return false;
}
