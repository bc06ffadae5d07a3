/**
 * Firewall commands in shell scripts: `iptables`, `firewall-cmd` (firewalld, closed by default) and
 * `ufw` (deny incoming by default). A script that opens ports is taken to run on a closed firewall,
 * unless it says otherwise (`--set-target=ACCEPT`, `ufw default allow incoming`).
 */
import { Span } from '../../types';
import { Command, expandBraces, expandVariable, shellCommands, Word } from '../../text/shell';
import { emptyFirewall, FIREWALLD_SERVICES, FwModel, FwOpening, portList, Proto } from './model';
import { commandIndex, iptablesCommands } from './iptables';

export function parseFirewallScript(text: string): FwModel {
  const model = emptyFirewall('script');
  const commands = shellCommands(text);
  iptablesCommands(text, commands, model);
  // a script of ip6tables commands only filters IPv6
  if (model.opens.length && model.opens.every((o) => o.family === 'ipv6')) model.family = 'ipv6';
  for (const c of commands) {
    let i = commandIndex(c, /^firewall-(offline-)?cmd$/);
    if (i >= 0) {
      firewallCmd(text, c, c.words.slice(i + 1), model);
      continue;
    }
    i = commandIndex(c, /^ufw$/);
    if (i >= 0) ufw(text, c, c.words.slice(i + 1), model);
  }
  return model;
}

/** The command's text with one word replaced by `newText`. */
function withWord(text: string, c: Command, w: Word, newText: string): string {
  return text.slice(c.span.start, w.start) + newText + text.slice(w.end, c.span.end);
}

function option(w: Word, next: Word | undefined, name: string): { value: string; consumed: boolean } | undefined {
  if (w.text.startsWith(`${name}=`)) return { value: w.text.slice(name.length + 1), consumed: false };
  if (w.text === name && next) return { value: next.text, consumed: true };
  return undefined;
}

function firewallCmd(text: string, c: Command, words: Word[], model: FwModel): void {
  const span = c.span;
  // the trusted zone accepts everything: its sources and interfaces are open on every port
  const zone = words.map((w, i) => option(w, words[i + 1], '--zone')?.value).find(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i],
      next = words[i + 1];
    const target = option(w, next, '--set-target');
    if (target) {
      if (target.value.toUpperCase() === 'ACCEPT') model.closedBy = { span, what: 'a zone target ACCEPT' };
      if (target.consumed) i++;
      continue;
    }
    const port = option(w, next, '--add-port');
    const service = option(w, next, '--add-service');
    const rich = option(w, next, '--add-rich-rule');
    const trusted = zone === 'trusted' ? (option(w, next, '--add-source') ?? option(w, next, '--add-interface')) : undefined;
    const found = port ?? service ?? rich ?? trusted;
    if (!found) continue;
    const valueWord = found.consumed ? next : w;
    if (found.consumed) i++;
    // a copy of the command with this option replaced by --add-port=PORT/PROTO
    const asPort = (p: number, proto: Proto) =>
      text.slice(span.start, w.start) + `--add-port=${p}/${proto}` + text.slice(valueWord.end, span.end);
    if (trusted) {
      model.opens.push({ proto: 'any', ports: [], sources: w.text.startsWith('--add-source') ? [trusted.value] : [], span });
    } else if (port) {
      for (const item of expandBraces(port.value)) {
        const m = /^([^/]+)\/(tcp|udp|sctp|dccp)$/.exec(item);
        const v = m ? expandVariable(m[1], c) : undefined;
        const ports = m ? portList((v?.values ?? [m[1]]).join(',')) : undefined;
        model.opens.push({
          proto: m?.[2] === 'udp' ? 'udp' : 'tcp',
          ports: m && (m[2] === 'tcp' || m[2] === 'udp') ? ports : [],
          sources: [],
          span,
          clone: v?.loop ? undefined : asPort,
        });
      }
    } else if (service) {
      for (const name of expandBraces(service.value))
        for (const o of serviceOpenings(name, [], span)) model.opens.push({ ...o, clone: asPort });
    } else if (rich) {
      const o = richRule(rich.value, span);
      if (o)
        model.opens.push({
          ...o,
          clone: (p, proto) =>
            withWord(
              text,
              c,
              valueWord,
              text
                .slice(valueWord.start, valueWord.end)
                .replace(
                  /port\s+port=(["'])[^"']*\1\s+protocol=(["'])\w+\2|service\s+name=(["'])[^"']*\3/,
                  `port port="${p}" protocol="${proto}"`,
                ),
            ),
        });
    }
  }
  // firewalld rejects what a zone does not open, unless the zone's target is ACCEPT
  model.closed = model.closedBy?.what !== 'a zone target ACCEPT';
}

/** What a firewalld service opens; a database-like service we do not know opens unknown ports, so no rule guesses. */
export function serviceOpenings(name: string, sources: string[], span: Span): FwOpening[] {
  const known = FIREWALLD_SERVICES[name];
  if (known) return known.map(([proto, port]) => ({ proto, ports: [[port, port]], sources, span }));
  return /galera|mysql|maria|percona|db/i.test(name) ? [{ proto: 'any', ports: undefined, sources, span }] : [];
}

/** `rule family="ipv4" source address="10.0.0.0/24" port port="4567" protocol="tcp" accept` */
export function richRule(rule: string, span: Span): FwOpening | undefined {
  if (!/\baccept\b/.test(rule) || /source\s+(not\s+)?address=(["'])[^"']*\2\s+invert/.test(rule)) return undefined;
  const src = /source\s+address=(["'])([^"']*)\1/.exec(rule)?.[2];
  const sources = src ? [src] : [];
  const port = /port\s+port=(["'])([^"']*)\1\s+protocol=(["'])(\w+)\3/.exec(rule);
  if (port) return { proto: port[4] === 'udp' ? 'udp' : 'tcp', ports: portList(port[2]), sources, span };
  const svc = /service\s+name=(["'])([^"']*)\1/.exec(rule)?.[2];
  if (svc) {
    const o = serviceOpenings(svc, sources, span);
    return o.length
      ? { ...o[0], ports: o.flatMap((x) => x.ports ?? []), proto: o.every((x) => x.proto === o[0].proto) ? o[0].proto : 'any' }
      : undefined;
  }
  return undefined;
}

/** ufw's `3306`, `4567:4568`, `3306,4444`, or a variable of the script. */
function portsOf(spec: string, c: Command): [number, number][] | undefined {
  const v = expandVariable(spec, c);
  const text = v ? v.values.join(',') : spec;
  return text ? portList(text.replace(/:/g, '-')) : undefined;
}

/** `ufw allow 3306/tcp`, `ufw allow from 10.0.0.0/24 to any port 4567 proto tcp`, `ufw default deny incoming`. */
function ufw(text: string, c: Command, words: Word[], model: FwModel): void {
  const t = words.map((w) => w.text);
  if (t[0] === 'default' && /^(allow|deny|reject)$/.test(t[1] ?? '') && (t[2] ?? 'incoming') === 'incoming') {
    if (t[1] === 'allow') model.closedBy = { span: c.span, what: 'ufw default allow incoming' };
    else model.closedBy = { span: c.span, what: `ufw default ${t[1]} incoming` };
    model.closed = t[1] !== 'allow';
    return;
  }
  let i = 0;
  if (t[i] === 'insert' || t[i] === 'prepend') i += t[i] === 'insert' ? 2 : 1;
  if (!/^(allow|limit)$/.test(t[i] ?? '')) return;
  i++;
  if (t[i] === 'in') i++;
  if (t[i] === 'on') i += 2;
  if (model.closedBy?.what !== 'ufw default allow incoming') model.closed = true;
  const rest = words.slice(i);
  const span = c.span;
  if (rest.length === 1) {
    // the simple form: PORT[/proto] or a service name
    const [spec, proto] = rest[0].text.split('/');
    const ports = portsOf(spec, c);
    model.opens.push({
      proto: proto === 'udp' ? 'udp' : proto === 'tcp' ? 'tcp' : 'any',
      ports,
      sources: [],
      span,
      clone: (p, pr) => withWord(text, c, rest[0], `${p}/${pr}`),
    });
    return;
  }
  let sources: string[] = [];
  let portWord: Word | undefined, protoWord: Word | undefined;
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k].text,
      next = rest[k + 1];
    if (w === 'from' && next) {
      if (next.text !== 'any') sources = [next.text];
      k++;
    } else if (w === 'to' && next) k++;
    else if (w === 'port' && next) {
      portWord = next;
      k++;
    } else if (w === 'proto' && next) {
      protoWord = next;
      k++;
    }
  }
  const proto: Proto | 'any' = protoWord?.text === 'udp' ? 'udp' : protoWord?.text === 'tcp' ? 'tcp' : 'any';
  const ports = portWord ? portsOf(portWord.text, c) : [];
  const loop = portWord && expandVariable(portWord.text, c)?.loop;
  model.opens.push({
    proto,
    ports,
    sources,
    span,
    clone:
      portWord && !loop
        ? (p, pr) => {
            let out = withWord(text, c, portWord!, String(p));
            if (protoWord && protoWord.text !== pr) out = out.replace(new RegExp(`\\bproto ${protoWord.text}\\b`), `proto ${pr}`);
            return out;
          }
        : undefined,
  });
}
