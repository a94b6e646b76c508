/**
 * Whether a request asks for its plan, and how: the header `hrgraph-explain` (`1` plans beside
 * the answer, `dry-run` plans instead of it) or the request's `extensions.explain` (`true`,
 * `"dry-run"`, or `{ dryRun, assume }` with what the caller knows of the data). Anything else in
 * them is a BAD_USER_INPUT saying what is accepted, never silently taken as "no".
 */
import { badInput } from '../../../core/errors.js';
import type { PlanAssumptions } from '../../../loaders/explain/types.js';

export interface ExplainRequest {
  /** Plan only: no resolver runs, no provider is called. */
  readonly dryRun: boolean;
  readonly assume: PlanAssumptions;
}

const assumptionNames = [
  'page',
  'managersOnPage',
  'managersOffPage',
  'reports',
  'reportsOnPage',
] as const;

function fromHeader(value: string): ExplainRequest {
  if (value === '1' || value === 'true') return { dryRun: false, assume: {} };
  if (value === 'dry-run') return { dryRun: true, assume: {} };
  throw badInput('The hrgraph-explain header takes `1` (plan beside the answer) or `dry-run`.', {
    argument: 'hrgraph-explain',
  });
}

function assumptionsOf(value: unknown): PlanAssumptions {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput('`extensions.explain.assume` must be an object of counts.', {
      argument: 'extensions.explain.assume',
    });
  }
  const out: Record<string, number> = {};
  for (const [name, count] of Object.entries(value)) {
    if (!(assumptionNames as readonly string[]).includes(name)) {
      throw badInput(
        `\`extensions.explain.assume.${name}\` is not a fact explain uses; it takes: ${assumptionNames.join(', ')}.`,
        { argument: 'extensions.explain.assume' },
      );
    }
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw badInput(`\`extensions.explain.assume.${name}\` must be a non-negative integer.`, {
        argument: `extensions.explain.assume.${name}`,
      });
    }
    out[name] = count as number;
  }
  return out;
}

function fromExtension(value: unknown): ExplainRequest | null {
  if (value === undefined || value === false || value === null) return null;
  if (value === true) return { dryRun: false, assume: {} };
  if (value === 'dry-run') return { dryRun: true, assume: {} };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { dryRun = false, assume, ...rest } = value as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length === 0 && typeof dryRun === 'boolean') {
      return { dryRun, assume: assumptionsOf(assume) };
    }
  }
  throw badInput(
    '`extensions.explain` takes true, "dry-run", or { dryRun: boolean, assume: { page, managersOnPage, managersOffPage, reports, reportsOnPage } }.',
    { argument: 'extensions.explain' },
  );
}

/** What the request asks, or null when it asks no plan. */
export function explainRequestOf(
  header: string | null | undefined,
  extension: unknown,
): ExplainRequest | null {
  const fromBody = fromExtension(extension);
  if (fromBody) return fromBody;
  return header == null || header === '' ? null : fromHeader(header);
}
