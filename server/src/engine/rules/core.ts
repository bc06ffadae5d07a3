/**
 * Rules reported by the parser and the schema check rather than by a check over the model.
 * They have ids, docs and severities like every other rule, so config and suppression apply.
 */
import { RuleMeta } from './rule';

export const CORE_RULES: RuleMeta[] = [
  {
    id: 'parse-error',
    severity: 'error',
    fixable: false,
    tools: {
      'haproxy -c': 'refuses',
      'keepalived -t': 'refuses',
      'corosync -t': 'refuses',
      mariadbd: 'refuses',
      crm_verify: 'refuses',
      crmsh: 'refuses',
      'iptables-restore': 'refuses',
      nft: 'refuses',
      'oslo-config-validator': 'refuses',
    },
    title: "The file cannot be read as what it is: broken YAML, a broken block or line of a daemon's file, binary content",
    why: 'Nothing else can be checked until the file parses, and the daemon that reads it stops at the same place: an unclosed brace in keepalived.conf or corosync.conf, a line crm cannot read, a proxy HAProxy cannot declare. The message gives the reason and the range points at where reading failed.',
  },
  {
    id: 'duplicate-key',
    severity: 'error',
    fixable: false,
    title: 'A key appears twice in one mapping',
    why: 'YAML forbids duplicate keys, and tools that accept them disagree on which value wins: Ansible takes the last, others the first. Keep one.',
  },
  {
    id: 'file-too-large',
    severity: 'warning',
    fixable: false,
    title: 'The file is too large to analyse',
    why: "A manifest describes a deployment in well under a megabyte; a larger file is usually something else with a manifest's name. It is skipped so the editor stays responsive.",
  },
  {
    id: 'file-unreadable',
    severity: 'warning',
    fixable: false,
    title: 'A file or folder that could not be read, so it is not checked',
    why: 'A file without read permission, a FIFO, socket or device where a config file is expected, a symbolic link in a loop or to nothing, or a folder too deep to walk: nothing in it is checked, and a clean run would otherwise hide that. Special files are never opened, so a FIFO or /dev/zero cannot hang the run.',
  },
  {
    id: 'unknown-rule-id',
    severity: 'error',
    fixable: true,
    title: 'A rule id in .openstack-ha.yaml that no rule has',
    why: 'A setting for a rule that does not exist does nothing: a misspelt `stonith-disable: off` leaves stonith-disabled reporting, and `disable: [cluster-even-nodes]` silences nothing. The rest of the file still applies. The quick fix renames the key to the closest rule id; it is not applied by --fix, since the renamed setting changes what is enforced.',
  },
  {
    id: 'check-incomplete',
    severity: 'warning',
    fixable: false,
    title: "The file's check stopped before all its rules had run",
    why: 'The rules of one file get 1.5 s in all, so that one huge or odd file cannot hold up the editor; the rules not yet started when the time is up are named, and nothing is said about what they check. It is a warning, not an error: nothing is known to be wrong.',
  },
  {
    id: 'schema-unknown-key',
    severity: 'warning',
    fixable: true,
    title: 'A key the manifest format does not define',
    why: 'An unknown key is ignored, so a misspelt one (stonit: true) silently leaves the default in place. Keys starting with x- are yours and never reported.',
  },
  {
    id: 'schema-wrong-type',
    severity: 'error',
    fixable: true,
    title: 'A value of the wrong type',
    why: 'A list where a name belongs, or the string yes where YAML 1.2 needs true, is read as something else than you meant; the checks that use the value then see nothing.',
  },
  {
    id: 'schema-missing-field',
    severity: 'error',
    fixable: true,
    title: 'A required field is missing',
    why: 'apiVersion and kind identify the document; nodes and VIPs need their addresses, clusters their members, for any check to reason about them.',
  },
  {
    id: 'schema-invalid-value',
    severity: 'error',
    fixable: true,
    title: 'A value outside the allowed set or range',
    why: 'Modes, managers, policies and roles are fixed words; addresses must be IP addresses; ports and prefix lengths have ranges.',
  },
  {
    id: 'manifest-ambiguous',
    severity: 'warning',
    fixable: false,
    title: 'Several manifests are equally near a file, so it is checked against none',
    why: 'A stack file is checked against the deployment of the nearest HA manifest in its folder or above. Two manifests side by side (site.ha.yaml and staging.ha.yaml) leave it unclear which deployment the file belongs to, and the checks that compare it with the deployment stay off rather than guess.',
  },
];
