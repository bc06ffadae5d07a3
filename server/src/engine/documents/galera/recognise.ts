/** MySQL/MariaDB option files: my.cnf, galera.cnf, *.cnf under a mysql or mariadb folder, or a .cnf with wsrep options. */
export function isCnfFile(path: string, text: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base) || !/\.cnf$/.test(base)) return false;
  if (base === 'my.cnf' || base === 'galera.cnf' || /[\\/](mysql|mariadb)[\\/]/.test(path)) return true;
  return (
    /^[^\S\r\n\u2028\u2029]*\[(mysqld|galera|mariadb|server)\]/m.test(text.slice(0, 16384)) &&
    /^[^\S\r\n\u2028\u2029]*wsrep[_-]/m.test(text)
  );
}
