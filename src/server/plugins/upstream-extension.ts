/**
 * `extensions.upstream` is written by several plugins (the calls made, explain's plan, the
 * budgets left): each adds its part to what the others put there, never replacing it.
 */
import type { ExecutionResult } from 'graphql';

export function withUpstream(
  result: ExecutionResult,
  part: Record<string, unknown>,
): ExecutionResult {
  const prior = result.extensions?.upstream as Record<string, unknown> | undefined;
  return { ...result, extensions: { ...result.extensions, upstream: { ...prior, ...part } } };
}
