/** Pacemaker configurations: CIB XML, crm shell files (.crm), pcs command scripts. */
export type PmSyntax = 'cib' | 'crm' | 'pcs';

export function pacemakerSyntax(path: string, text: string): PmSyntax | undefined {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base)) return undefined;
  const head = text.slice(0, 16384);
  if (/\.xml$/.test(base) && /<cib[\s>]/.test(head)) return 'cib';
  if (/\.crm$/.test(base)) return 'crm';
  // a pcs command at the start of a line, or run on a node through ssh ("sudo pcs ...")
  if (
    /\.(sh|bash|pcs)$/.test(base) &&
    /(^[^\S\r\n\u2028\u2029]*|["']\s*)(sudo\s+)?pcs\s+(-f\s+\S+\s+)?(resource|property|constraint|stonith|cluster)\b/m.test(head)
  )
    return 'pcs';
  return undefined;
}
