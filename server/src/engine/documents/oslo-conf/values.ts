/** Value checks as oslo.config's types make them (oslo_config/types.py), for the catalogue's type names. */
import { OptionInfo } from '../../knowledge/options/types';
import { isIP, isIPv4, isIPv6 } from '../../text/ip';

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE = ['0', 'f', 'false', 'off', 'n', 'no'];
const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** `$name` and `${name}` are substituted by oslo.config before the type sees the value. */
export function interpolates(value: string): boolean {
  return /\$(\{?[A-Za-z_])/.test(value);
}

function checkScalar(
  v: string,
  type: string,
  o: {
    choices?: unknown[];
    min?: number;
    max?: number;
    ip_version?: number;
    schemes?: string[];
    regex?: string;
    max_length?: number;
    ignore_case?: boolean;
  },
): string | undefined {
  switch (type) {
    case 'bool':
      return TRUE.includes(v.toLowerCase()) || FALSE.includes(v.toLowerCase()) ? undefined : 'a boolean (true/false, yes/no, on/off, 1/0)';
    case 'int':
    case 'port': {
      if (!/^[+-]?\d+$/.test(v.trim())) return type === 'port' ? 'a port number (0-65535)' : 'a whole number';
      const n = Number(v);
      if (type === 'port' && (n < 0 || n > 65535)) return 'a port number (0-65535)';
      const min = o.min,
        max = o.max;
      if (min !== undefined && n < min) return `at least ${min}`;
      if (max !== undefined && n > max) return `at most ${max}`;
      if (o.choices?.length && !o.choices.map(String).includes(String(n))) return `one of ${o.choices.join(', ')}`;
      return undefined;
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return 'a number';
      const n = Number(v);
      if (o.min !== undefined && n < o.min) return `at least ${o.min}`;
      if (o.max !== undefined && n > o.max) return `at most ${o.max}`;
      return undefined;
    }
    case 'enum':
    case 'string': {
      if (o.choices?.length) {
        const choices = o.choices.map((c) => (c === null ? '' : String(c)));
        const ok = o.ignore_case ? choices.some((c) => c.toLowerCase() === v.toLowerCase()) : choices.includes(v);
        if (!ok) return `one of ${choices.filter((c) => c !== '').join(', ')}`;
      }
      if (o.max_length !== undefined && v.length > o.max_length) return `at most ${o.max_length} characters`;
      if (o.regex) {
        try {
          if (!new RegExp(o.regex).test(v)) return `text matching ${o.regex}`;
        } catch {
          /* a Python-only pattern: not checked */
        }
      }
      return undefined;
    }
    case 'ip':
      if (o.ip_version === 4) return isIPv4(v) ? undefined : 'an IPv4 address';
      if (o.ip_version === 6) return isIPv6(v) ? undefined : 'an IPv6 address';
      return isIP(v) ? undefined : 'an IP address';
    case 'hostaddress':
      return isIP(v) || HOSTNAME.test(v) ? undefined : 'an IP address or host name';
    case 'hostname':
    case 'hostdomain':
      return HOSTNAME.test(v) ? undefined : 'a host name';
    case 'uri': {
      const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/[^\s]*$/.exec(v);
      if (!m) return 'a URI (scheme://...)';
      if (o.schemes?.length && !o.schemes.includes(m[1])) return `a URI with scheme ${o.schemes.join(' or ')}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** What the value should have been, or undefined when it is valid (or cannot be judged). */
export function checkValue(value: string, o: OptionInfo): string | undefined {
  if (interpolates(value)) return undefined;
  const t = o.type;
  if (t === 'list') {
    if (value.trim() === '') return undefined;
    const items = value
      .replace(/^\[(.*)\]$/s, '$1')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const it of items) {
      const bad = checkScalar(it, o.item_type ?? 'string', { choices: o.item_choices, min: o.item_min, max: o.item_max });
      if (bad) return `a comma-separated list, each item ${bad} ('${it}' is not)`;
    }
    return undefined;
  }
  if (t === 'dict') {
    if (value.trim() === '') return undefined;
    const bad = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .find((kv) => !kv.includes(':'));
    return bad ? `a comma-separated list of key:value pairs ('${bad}' has no ':')` : undefined;
  }
  if (t === 'multistr' || t === 'multi')
    return o.item_type && o.item_type !== 'string' && o.item_type !== 'multistr' ? checkScalar(value, o.item_type, {}) : undefined;
  return checkScalar(value.trim(), t, o);
}

/** `value # note`: oslo.config keeps the note in the value. Returns where the note starts. */
export function trailingComment(raw: string): number | undefined {
  const m = /\s[#;]/.exec(raw);
  return m ? m.index : undefined;
}
