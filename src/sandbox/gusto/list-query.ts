/**
 * Query parameters shared by the list routes: `page`/`per`, booleans, comma- or bracket-style
 * arrays. Invalid values are 422 `invalid_attribute_value` naming the parameter (the spec's
 * category; the status is undeclared on these GETs and a sandbox choice).
 */
import type { Context } from 'hono';
import type { GustoEnv } from './env.js';
import { badParameter } from './respond.js';

/** The headers Gusto's docs say a paged reply carries (the spec declares none). */
export const PAGING_HEADERS = ['X-Page', 'X-Per-Page', 'X-Total-Count', 'X-Total-Pages'] as const;
export type PagingHeader = (typeof PAGING_HEADERS)[number];

export interface PagingRules {
  defaultPer: number;
  maxPer: number;
  /** Which paging headers a paged reply carries. */
  headers: ReadonlySet<PagingHeader>;
}

/** null: no paging asked, the whole collection ("When unspecified, will load all objects"). */
export type Paging = {
  page: number;
  per: number;
  headers: ReadonlySet<PagingHeader>;
} | null;

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function positiveInt(name: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ParameterError(name, `${name} must be a positive integer`);
  return Number(raw);
}

/** Paging starts when `page` or `per` is sent (docs: "add a page and, optionally, a per"). */
export function parsePaging(c: Context<GustoEnv>, rules: PagingRules): Paging {
  const page = c.req.query('page');
  const per = c.req.query('per');
  if (page === undefined && per === undefined) return null;
  const parsed = {
    page: page === undefined ? 1 : positiveInt('page', page),
    per: per === undefined ? rules.defaultPer : positiveInt('per', per),
    headers: rules.headers,
  };
  if (parsed.per > rules.maxPer)
    throw new ParameterError('per', `per must be at most ${rules.maxPer}`);
  return parsed;
}

export function parseBoolean(c: Context<GustoEnv>, name: string): boolean | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ParameterError(name, `${name} must be true or false`);
}

/** `name=a,b`, `name=a&name=b` and Rails' `name[]=a&name[]=b` all work (a sandbox choice). */
export function parseList(c: Context<GustoEnv>, name: string): string[] | undefined {
  const values = [...(c.req.queries(name) ?? []), ...(c.req.queries(`${name}[]`) ?? [])];
  if (values.length === 0) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/**
 * Slices one page and sets the paging headers the sandbox was told to send (no Link header: the
 * docs name none).
 */
export function pageOf<T>(c: Context<GustoEnv>, items: readonly T[], paging: Paging): readonly T[] {
  if (paging === null) return items;
  const values: Record<PagingHeader, number> = {
    'X-Page': paging.page,
    'X-Per-Page': paging.per,
    'X-Total-Count': items.length,
    'X-Total-Pages': Math.ceil(items.length / paging.per),
  };
  for (const name of paging.headers) c.header(name, String(values[name]));
  const start = (paging.page - 1) * paging.per;
  return items.slice(start, start + paging.per);
}

/** Runs a handler, turning a ParameterError into Gusto's 422. */
export function withParameters(c: Context<GustoEnv>, handler: () => Response): Response {
  try {
    return handler();
  } catch (error) {
    if (error instanceof ParameterError) return badParameter(c, error.parameter, error.message);
    throw error;
  }
}
