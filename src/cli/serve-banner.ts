/** What `hrgraph serve` prints once it listens: where, which accounts, and how it is run. */
import type { ProviderAdapter } from '../core/contract/index.js';
import type { Demo } from './demo/index.js';

export function banner(
  url: string,
  accounts: readonly ProviderAdapter[],
  demo: Demo | undefined,
  graphiql: boolean,
  workers: number,
): string {
  const lines = [
    '',
    `hrgraph is serving GraphQL at ${url}`,
    graphiql ? `  GraphiQL: open ${url} in a browser` : '  GraphiQL: off (--no-graphiql)',
    `  accounts: ${accounts.map((a) => `${a.accountId} (${a.provider}, ${a.authKind})`).join(', ') || 'none yet (hrgraph accounts add …)'}`,
    // What graphql-js saw when it loaded (commands/serve.ts sets it for a serve without --demo).
    process.env.NODE_ENV === 'production'
      ? '  mode: production (NODE_ENV=production)'
      : `  mode: development (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}): graphql-js checks every schema object's realm`,
  ];
  if (workers > 1) {
    lines.push(
      `  workers: ${workers} processes on one port; each keeps 1/${workers} of every account's request budget`,
    );
  }
  if (!demo) {
    lines.push('  every request needs an API token: hrgraph tokens create --name … --accounts …');
  }
  if (demo) {
    const loud = '*'.repeat(72);
    lines.unshift(
      loud,
      '*  DEMO MODE: one synthetic company, served by four in-process sandboxes:',
      ...demo.sandboxes.map(
        (sandbox) =>
          `*    ${sandbox.label.padEnd(17)} ${sandbox.url}  (${sandbox.accounts.map((a) => a.id).join(', ')})`,
      ),
      '*  Their keys and tokens are valid only against the sandboxes. Bound to loopback only.',
      '*  NO API TOKEN IS ASKED FOR: anyone who can reach this port can read every account.',
      loud,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
