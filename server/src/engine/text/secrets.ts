/**
 * Which settings hold credentials, per file format, in one table: their values are shown as ***
 * in every message, hover and outline, and passwords inside URLs are masked wherever text leaves
 * the engine.
 */

export type SecretFormat = 'oslo' | 'mariadb' | 'keepalived';

const SECRET_KEYS: Record<SecretFormat, { is: RegExp; not?: RegExp }> = {
  // oslo.config: password, admin_password, secret, memcache_secret_key, ... but not the auth_token middleware's names
  oslo: { is: /(password|secret|token|_key)$/i, not: /^(auth_token|token_.*)$/ },
  // my.cnf: password, wsrep_sst_auth (user:password)
  mariadb: { is: /auth|pass/i },
  // keepalived.conf: auth_pass
  keepalived: { is: /pass(word)?$|secret/i },
};

export function isSecretKey(format: SecretFormat, key: string): boolean {
  const k = SECRET_KEYS[format];
  return k.is.test(key) && !k.not?.test(key);
}

// a scheme starts where no scheme character precedes: `\b` would try every dot of a long word again (quadratic)
const URL_START = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)(\S+)/gi;
/** A host of a URL's authority: a name, an IPv4 or a bracketed IPv6 address, and its port. */
const HOST = String.raw`(?:[\w.%~-]+|\[[\da-f:.%\w]*\])(?::\d*)?`;
/** The last `@` of the token that a host follows and the path, query or the token's end after it. */
const LAST_HOST = new RegExp(String.raw`@${HOST}(?=[/?#'"\`)>\]]|$)`, 'gi');
/** Where one `user:pass@host` of a host list ends and the next begins: `@h1:5672,` then `user:`. */
const NEXT_HOST = new RegExp(String.raw`(?<=@${HOST}),(?=[^:@,/\s]*:)`, 'gi');

/**
 * Masks `user:password@` in every URL of the text, for each host of a list:
 * transport_url = rabbit://nova:pw@c1:5672,nova:pw@c2:5672/ names the password once per host.
 * A password may hold `/`, `@` or `,`: the userinfo ends at the last `@` that a host follows, so
 * rabbit://nova:pa/ss@w@rd@c1:5672/ shows rabbit://nova:***@c1:5672/ (masking too much is safe, too little is not).
 */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_START, (_, scheme: string, rest: string) => {
    let end = -1;
    for (const m of rest.matchAll(LAST_HOST)) end = m.index + m[0].length;
    if (end < 0) return scheme + rest;
    const authority = rest
      .slice(0, end)
      .split(NEXT_HOST)
      .map((seg) => {
        const at = seg.lastIndexOf('@');
        const colon = seg.indexOf(':');
        return colon >= 0 && colon < at ? `${seg.slice(0, colon)}:***${seg.slice(at)}` : seg;
      })
      .join(',');
    return scheme + authority + rest.slice(end);
  });
}

/** A setting's value as it may be shown: *** for a credential, URL passwords masked otherwise. */
export function shownValue(format: SecretFormat, key: string, value: string): string {
  return isSecretKey(format, key) ? '***' : maskUrlPasswords(value);
}

/**
 * A word that names a credential wherever it stands in a line of any format: password, passwd,
 * auth_pass, insecure-password, wsrep_sst_auth, `stats auth`, secret, token, crypto keys.
 */
// `pass` only as a suffix (auth_pass): a bare PASS is keepalived's auth_type, not a credential
const CREDENTIAL_WORD = String.raw`(?:[\w.-]*[_.-])?(?:password|passwd|pwd|secret|auth|token|key)|[\w.-]*[_-]pass`;
/** The credential word (or the attribute holding it: `name="passwd" value=...`), then `=`, `:` or blanks, then the value up to the line's end (a closing quote kept). */
const CREDENTIAL_IN_LINE = new RegExp(
  String.raw`(?<![\w.-])(${CREDENTIAL_WORD}|-p|--password)(?![\w-])(["']?\s*[=:]\s*|"?\s+)(?=\S)[^\n]*?(["'\`]?)(?=\n|$)`,
  'gi',
);

/**
 * A line of a file, or of a tool's output, as it may be quoted in a message: whatever follows a
 * word that names a credential is ***, and URL passwords are masked. A parse error quotes what it
 * cannot read, and that may be `password SECRET` or `unknown variable 'password=SECRET'`; masking a
 * harmless value too is the price of never quoting a real one.
 */
export function maskSecretsInLine(line: string): string {
  return maskUrlPasswords(line).replace(CREDENTIAL_IN_LINE, (_, key: string, sep: string, quote: string) => `${key}${sep}***${quote}`);
}

/** The value of `key value` as it may be shown, for formats without a table of their own (corosync, a keepalived one-line block). */
export function maskedValueOf(key: string, value: string): string {
  return maskSecretsInLine(`${key} ${value}`).slice(key.length + 1);
}
