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

const URL_NETLOC = /\b([a-z][a-z0-9+.-]*:\/\/)([^/\s]*)/gi;

/**
 * Masks `user:password@` in every URL of the text, for each host of a list:
 * transport_url = rabbit://nova:pw@c1:5672,nova:pw@c2:5672/ names the password once per host.
 */
export function maskUrlPasswords(text: string): string {
  return text.replace(
    URL_NETLOC,
    (_, scheme: string, netloc: string) => scheme + netloc.replace(/(^|,)([^:@,\s]*):([^@\s]*?)@/g, '$1$2:***@'),
  );
}

/** A setting's value as it may be shown: *** for a credential, URL passwords masked otherwise. */
export function shownValue(format: SecretFormat, key: string, value: string): string {
  return isSecretKey(format, key) ? '***' : maskUrlPasswords(value);
}
