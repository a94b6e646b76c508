/**
 * listUsers `fields`: `id,status,profile:(firstName,city)`. Top-level names are comma-separated,
 * profile attributes go inside `profile:(…)`; `id` is always kept (parameter description).
 * Unknown names are left out rather than refused, as a projection only narrows.
 */
import { ExpressionError } from './expression.js';

export interface Projection {
  readonly top: ReadonlySet<string>;
  /** null: the whole profile (when `profile` is named bare), or none when `top` lacks it. */
  readonly profile: ReadonlySet<string> | null;
}

export function parseFields(text: string): Projection {
  const top = new Set<string>(['id']);
  let profile: Set<string> | null = null;
  const inner = /profile\s*:\s*\(([^)]*)\)/g;
  const rest = text.replace(inner, (_whole, names: string) => {
    profile ??= new Set();
    for (const name of names.split(',')) if (name.trim()) profile.add(name.trim());
    top.add('profile');
    return '';
  });
  if (/[()]/.test(rest)) throw new ExpressionError(`malformed fields '${text}'`);
  for (const name of rest.split(',')) if (name.trim()) top.add(name.trim());
  return { top, profile };
}

export function project<T extends { profile: Record<string, unknown> }>(
  user: T,
  projection: Projection,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) {
    if (!projection.top.has(key)) continue;
    if (key === 'profile' && projection.profile) {
      const profile: Record<string, unknown> = {};
      for (const name of projection.profile)
        if (name in user.profile) profile[name] = user.profile[name];
      out.profile = profile;
    } else out[key] = value;
  }
  return out;
}
