/**
 * Okta pagination: a bare array, and `Link` headers — `rel="self"` always, `rel="next"` only when
 * another page exists — as absolute URLs on the request's own origin. The next link keeps every
 * other query parameter and carries `after` and `limit` last, in that order, as Okta writes it.
 */
import type { Context, Env } from 'hono';

export function setLinks<E extends Env>(c: Context<E>, next: string | null, limit: number): void {
  const url = new URL(c.req.url);
  c.header('Link', `<${url.href}>; rel="self"`, { append: true });
  if (next === null) return;
  const params = new URLSearchParams(url.search);
  params.delete('after');
  params.delete('limit');
  params.append('after', next);
  params.append('limit', String(limit));
  c.header('Link', `<${url.origin}${url.pathname}?${params}>; rel="next"`, { append: true });
}

export interface LimitRule {
  /** Used when `limit` is absent. */
  readonly default: number;
  /** Larger values are lowered to this, as Okta does, rather than refused. */
  readonly max: number;
}

/** The page size to use, or null when `limit` is not a positive integer (a 400). */
export function pageLimit(raw: string | undefined, rule: LimitRule): number | null {
  if (raw === undefined || raw === '') return rule.default;
  if (!/^-?\d+$/.test(raw)) return null;
  const value = Number(raw);
  if (value < 1) return null;
  return Math.min(value, rule.max);
}
