/**
 * `hrgraph explain --query <file>`: the provider calls an operation would make, per account,
 * asked of a running hrgraph as a dry run (the `hrgraph-explain: dry-run` header). The server
 * plans with its accounts, the token's scope and its lookup cache, and calls no provider; this
 * prints the plan for people (a table) or programs (`--json`).
 */
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { table } from '../accounts/describe.js';
import type { CallBound, PlanAssumptions, PlanPart } from '../loaders/explain/types.js';
import type { OperationPlan } from '../server/plugins/explain/plan-operation.js';
import { type CliIo, processIo } from './accounts.js';

export interface ExplainIo extends CliIo {
  /** How the server is reached. @default the global fetch */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

interface ExplainOptions {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  account?: string;
  assume?: PlanAssumptions;
  url: string;
  json?: boolean;
}

function jsonObject(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Said below, without echoing the value (it may hold personal data).
  }
  throw new InvalidArgumentError('expected a JSON object, e.g. {"account":"acme"}');
}

/** `page=20,managersOffPage=3` → the facts a plan may take as known. */
function assumptions(value: string): PlanAssumptions {
  const out: Record<string, number> = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const [name, count] = pair.split('=').map((s) => s.trim());
    const n = Number(count);
    if (!name || !Number.isSafeInteger(n) || n < 0) {
      throw new InvalidArgumentError('expected name=count pairs, e.g. page=20,managersOffPage=3');
    }
    out[name] = n;
  }
  return out;
}

const bound = ({ min, max }: CallBound) =>
  max === min ? String(min) : `${min}..${max === null ? 'unbounded' : max}`;

function human(plan: OperationPlan): string {
  const rows = plan.parts.map((part: PlanPart) => [
    part.accountId || '-',
    part.path,
    part.operation,
    bound(part.calls),
    part.reason ?? '',
  ]);
  const exact = plan.calls.min === plan.calls.max;
  return [
    `Provider calls: ${bound(plan.calls)}${exact ? ' (exact)' : ''}`,
    ...plan.accounts.map((a) => `  ${a.accountId || '(not planned)'}: ${bound(a.calls)}`),
    '',
    rows.length === 0
      ? 'No provider call.'
      : table([['ACCOUNT', 'PATH', 'OPERATION', 'CALLS', 'WHY A RANGE'], ...rows]),
    '',
  ].join('\n');
}

/** Keeps one account's parts, and its total as the total. */
function onlyAccount(plan: OperationPlan, accountId: string): OperationPlan {
  const total = plan.accounts.find((a) => a.accountId === accountId)?.calls ?? {
    min: 0,
    max: 0,
  };
  return {
    calls: total,
    accounts: plan.accounts.filter((a) => a.accountId === accountId),
    parts: plan.parts.filter((p) => p.accountId === accountId),
  };
}

export async function runExplain(options: ExplainOptions, io: ExplainIo): Promise<void> {
  const document = await readFile(options.query, 'utf8');
  const token = io.env.HRGRAPH_TOKEN;
  const send = io.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const response = await send(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      query: document,
      variables: options.variables ?? {},
      ...(options.operationName ? { operationName: options.operationName } : {}),
      extensions: {
        explain: { dryRun: true, ...(options.assume ? { assume: options.assume } : {}) },
      },
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    errors?: { message: string }[];
    extensions?: { upstream?: { plan?: OperationPlan } };
  };
  const plan = body.extensions?.upstream?.plan;
  if (!plan) {
    const reasons = body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`hrgraph at ${options.url} gave no plan: ${reasons}`);
  }
  const shown = options.account ? onlyAccount(plan, options.account) : plan;
  io.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : human(shown));
}

export function explainCommand(io: ExplainIo = processIo): Command {
  const command = new Command('explain')
    .description(
      'Print the provider calls an operation would make, per account, without making any (asks a running hrgraph for a dry run; its token in env HRGRAPH_TOKEN).',
    )
    .requiredOption('--query <file>', 'the GraphQL document')
    .option('--variables <json>', 'the variables, as a JSON object', jsonObject)
    .option('--operation-name <name>', 'which operation of the document')
    .option('--account <id>', 'show only this account')
    .option(
      '--assume <facts>',
      'what you know of the data, to make ranges exact: page, managersOnPage, managersOffPage, reports, reportsOnPage (e.g. page=20)',
      assumptions,
    )
    .option('--url <url>', 'the GraphQL endpoint', 'http://127.0.0.1:4000/graphql')
    .option('--json', 'the plan as JSON');
  command.action(async (options: ExplainOptions) => {
    await runExplain(options, io);
  });
  return command;
}
