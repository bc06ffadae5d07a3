import { defineRule } from './rule';

/** Example passwords printed in the HA guide; a real cluster must never carry them. */
const PLACEHOLDERS = ['my-secret-password-no-dont-use-this-one', 'secretsecret', 'my_clustercheck_password'];

export const rule = defineRule({
  meta: {
    id: 'pacemaker-placeholder-secrets',
    severity: 'error',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'pacemaker',
    title: "A password copied from the HA guide's examples",
    why: "The guide's example passwords (for the hacluster user, the resource agents' os_password, clustercheck) are published for anyone to read. A cluster that keeps one can be joined or driven by whoever knows the guide.",
  },
  on: {
    pacemaker(ctx) {
      for (const word of PLACEHOLDERS) {
        const re = new RegExp(`(?<![\\w-])${word}(?![\\w-])`, 'g');
        let m: RegExpExecArray | null;
        // The message names the place, never the password.
        while ((m = re.exec(ctx.text)))
          ctx.report({
            span: { start: m.index, end: m.index + word.length },
            message: "this password is one of the HA guide's published examples: replace it with a secret of your own",
          });
      }
    },
  },
});
