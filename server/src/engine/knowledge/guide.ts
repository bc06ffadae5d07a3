/** Links into the OpenStack High Availability Guide (the current guide and the 2016 one). */
export const GUIDE = 'https://docs.openstack.org/ha-guide/';
export const GUIDE_2016 = 'https://github.com/openstack/ha-guide/blob/c41067857ee4/doc/ha-guide/source/';

export function guidePage(page: string): string {
  return page.startsWith('2016:') ? `${GUIDE_2016}${page.slice(5)}.rst` : `${GUIDE}${page}.html`;
}
