/** The haproxy keyword catalogue (keywords.json, from Debian's HAProxy manual), typed for the rules and the language service. */
import KEYWORDS from './keywords.json';

/** The proxy sections a keyword may appear in. */
export type Where = { defaults: boolean; frontend: boolean; listen: boolean; backend: boolean };
export const PROXY_KEYWORDS = KEYWORDS.proxy as Record<string, Where>;
export const GLOBAL_KEYWORDS: readonly string[] = KEYWORDS.global;
/** The options of bind lines after the address, and whether each takes a value (`crt <cert>`). */
export const BIND_OPTIONS = KEYWORDS.bind as Record<string, boolean>;
/** The options of server and default-server lines, and whether each takes a value (`inter 2000`). */
export const SERVER_OPTIONS = KEYWORDS.server as Record<string, boolean>;
/** The HAProxy release the catalogue was read from (`2.6`), for messages. */
export const HAPROXY_VERSION = KEYWORDS.haproxy.split('-')[0];
