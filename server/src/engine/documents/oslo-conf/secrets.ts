/** Secrets never leave the engine: secret options read as ***, and so do passwords inside URLs. */
import { OptionInfo } from '../../knowledge/options/types';

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]*)(@)/gi;

/** Masks `user:password@` in every URL of the text (transport_url lists several). */
export function maskUrlPasswords(text: string): string { return text.replace(URL_PASSWORD, '$1***$3'); }

/** A value as it may appear in a message or a hover. */
export function shown(value: string, info?: OptionInfo, key?: string): string {
  if (info?.secret || (key !== undefined && /(password|secret|token|_key)$/i.test(key) && !/^(auth_token|token_.*)$/.test(key))) return '***';
  return maskUrlPasswords(value);
}

/** Whether a value must not travel in a fix's text (the CLI prints fixes): secret options and URLs with passwords. */
export function isSecretValue(value: string, info?: OptionInfo, key?: string): boolean {
  return shown(value, info, key) !== value;
}
