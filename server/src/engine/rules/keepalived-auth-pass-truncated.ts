import { defineRule } from './rule';
import { instances, name } from './keepalived/support';
import { blocks, stmt } from '../documents/keepalived/parse';

export const rule = defineRule({
  meta: {
    id: 'keepalived-auth-pass-truncated',
    severity: 'warning',
    fixable: false,
    tools: { 'keepalived -t': 'warns' },
    topic: 'keepalived',
    title: 'An auth_pass longer than 8 characters, which keepalived cuts to 8',
    why: 'VRRP\'s simple password authentication carries 8 bytes: keepalived keeps the first 8 characters of a longer auth_pass and warns (keepalived -t prints "Truncating auth_pass to 8 characters"). Two nodes whose passwords differ only after the 8th character still form one group, and the password is weaker than it looks. Use at most 8 characters; VRRP authentication is no security in any case (RFC 3768 dropped it), so keep the VRRP segment private.',
  },
  on: {
    keepalived(ctx) {
      for (const i of instances(ctx.file)) {
        for (const auth of blocks(i, 'authentication')) {
          const pass = stmt(auth, 'auth_pass')?.words[1];
          // the password itself never appears in the message
          if (pass && pass.text.length > 8)
            ctx.report({
              span: pass.span,
              message: `auth_pass of vrrp_instance ${name(i)} has ${pass.text.length} characters: keepalived uses only the first 8`,
            });
        }
      }
    },
  },
});
