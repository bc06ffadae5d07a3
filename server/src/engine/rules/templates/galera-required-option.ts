/**
 * Template: an option Galera requires in the MariaDB server's option file, and the value it needs
 * (section F of the rule catalogue). One check with parameters: the option, the value it wants,
 * whether leaving it unset is fine, and what happens otherwise; the fix sets the value.
 *
 * Used by: galera-binlog-format-row, galera-default-storage-engine-innodb,
 * galera-innodb-autoinc-lock-mode-2, galera-wsrep-provider.
 */
import { anchor, setOption, usesGalera, wsrepOnHere } from '../galera/support';
import { defineRule, DefinedRule, RuleMeta } from '../rule';

export interface RequiredOption {
  meta: RuleMeta;
  option: string;
  ok(v: string | undefined): boolean;
  want: string;
  missingOk?: boolean;
  effect: string;
  /** False where the value depends on the host (a library path differs between distributions): offered, never applied by --fix. */
  safe?: boolean;
}

export const requiredOption = (r: RequiredOption): DefinedRule =>
  defineRule({
    meta: r.meta,
    on: {
      galera(ctx) {
        if (!usesGalera(ctx)) return;
        const e = ctx.options.get(r.option);
        if (r.ok(e?.value)) return;
        if (!e && r.missingOk) return;
        ctx.report({
          span: e ? (e.value !== undefined ? e.valueSpan : e.keySpan) : anchor(ctx),
          message: `${r.option} is ${e ? (e.value ?? '(set without a value)') : 'not set'}: ${r.effect}; Galera needs ${r.option}=${r.want}`,
          fixes: [{ title: `Set ${r.option}=${r.want}`, safe: r.safe ?? true, preferred: true, edits: [setOption(ctx, r.option, r.want)] }],
          // a fragment that leaves wsrep_on to the command line passes mariadbd's check of the file alone
          ...(r.meta.tools?.mariadbd === 'refuses' && !wsrepOnHere(ctx) ? { tools: { mariadbd: 'accepts' as const } } : {}),
        });
      },
    },
  });
