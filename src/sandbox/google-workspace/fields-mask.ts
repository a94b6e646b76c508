/**
 * The `fields` system parameter (partial response): `nextPageToken,users(id,name/fullName)`.
 * `a/b` is `a(b)`; `*` keeps everything at its level; a selection on an array applies to each
 * element. A name the response schema does not have is a 400 `Invalid field selection <name>`.
 */
import type { Shape } from './field-shapes.js';

/** name → sub-selection (null: the whole value). */
export type Selection = Map<string, Selection | null>;

class SelectionError extends Error {}

function parseItem(text: string, at: { i: number }, into: Selection): void {
  const start = at.i;
  while (at.i < text.length && !',()/'.includes(text[at.i]!)) at.i++;
  const name = text.slice(start, at.i).trim();
  if (name === '') throw new SelectionError(text.slice(start) || text);
  let sub: Selection | null = null;
  if (text[at.i] === '/') {
    at.i++;
    sub = new Map();
    parseItem(text, at, sub);
  } else if (text[at.i] === '(') {
    at.i++;
    sub = parseList(text, at);
    if (text[at.i] !== ')') throw new SelectionError(name);
    at.i++;
  }
  merge(into, name, sub);
}

function parseList(text: string, at: { i: number }): Selection {
  const selection: Selection = new Map();
  for (;;) {
    parseItem(text, at, selection);
    if (text[at.i] !== ',') return selection;
    at.i++;
  }
}

function merge(into: Selection, name: string, sub: Selection | null): void {
  if (!into.has(name)) {
    into.set(name, sub);
    return;
  }
  const prior = into.get(name);
  if (prior === null || sub === null) into.set(name, null);
  else if (prior) for (const [key, value] of sub) merge(prior, key, value);
}

function check(selection: Selection, shape: Shape | null): string | null {
  if (shape === null) return null;
  for (const [name, sub] of selection) {
    if (name === '*') continue;
    if (!shape.has(name)) return name;
    const bad = sub ? check(sub, shape.get(name) ?? null) : null;
    if (bad) return `${name}/${bad}`;
  }
  return null;
}

/** The selection, or the offending part as `{ error }`. */
export function parseFields(text: string, shape: Shape): Selection | { error: string } {
  try {
    const at = { i: 0 };
    const selection = parseList(text, at);
    if (at.i !== text.length) return { error: text.slice(at.i) };
    const bad = check(selection, shape);
    return bad ? { error: bad } : selection;
  } catch (error) {
    if (error instanceof SelectionError) return { error: error.message };
    throw error;
  }
}

export function applyFields(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((item) => applyFields(item, selection));
  if (value === null || typeof value !== 'object') return value;
  if (selection.has('*') && selection.get('*') === null && selection.size === 1) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const sub = selection.has(key) ? selection.get(key) : selection.has('*') ? null : undefined;
    if (sub === undefined) continue;
    out[key] = sub === null ? inner : applyFields(inner, sub);
  }
  return out;
}
