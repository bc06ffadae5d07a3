/** The keepalived rules' look-ups live beside the parser. */
export { instances, name, vips, value } from '../../documents/keepalived/queries';
