/** Secrets never leave the engine: secret options read as ***, and so do passwords inside URLs. */
import { OptionInfo } from '../../knowledge/options/types';
import { isSecretKey, maskUrlPasswords } from '../../text/secrets';

/** A value as it may appear in a message or a hover. */
export function shown(value: string, info?: OptionInfo, key?: string): string {
  if (info?.secret || (key !== undefined && isSecretKey('oslo', key))) return '***';
  return maskUrlPasswords(value);
}

/** Whether a value must not travel in a fix's text (the CLI prints fixes): secret options and URLs with passwords. */
export function isSecretValue(value: string, info?: OptionInfo, key?: string): boolean {
  return shown(value, info, key) !== value;
}
