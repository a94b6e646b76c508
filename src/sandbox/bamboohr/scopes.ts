/**
 * Coarse OAuth scope checks, taken from the spec's `security` lists of the read endpoints the
 * sandbox serves. A path names the scopes any one of which admits a token; a scope also admits
 * its narrower `family:part` scopes and its `.write` twin (so `employee:name` passes where
 * `employee` is listed). `public.integration` admits everything. Paths not listed need only a
 * valid token. Deliberately simple: field-level scope filtering is not emulated.
 */

// Tried in order; the first match decides. Paths are normalised (`/v1/…`, any version).
const RULES: [RegExp, readonly string[]][] = [
  [
    /^\/v1\/employees$/,
    [
      'employee',
      'employee:name',
      'employee:job',
      'employee_directory',
      'sensitive_employee:protected_info',
    ],
  ],
  [/^\/v1\/employees\/directory$/, ['employee_directory']],
  [/^\/v1\/employees\/changed$/, ['employee', 'public.user']],
  [/^\/v1(_\d)?\/employees\/[^/]+\/time_off(\/|$)/, ['time_off']],
  [/^\/v1(_\d)?\/employees\//, ['employee']],
  [/^\/v1\/meta\/fields$/, ['employee', 'field']],
  [/^\/v1\/meta\/(lists|tables)(\/|$)/, ['field']],
  [/^\/v1\/meta\/users$/, ['user']],
  [/^\/v1(_\d)?\/(meta\/)?time_off(\/|$)/, ['time_off']],
  [/^\/v\d(_\d)?\/(reports|custom-reports|datasets)(\/|$)/, ['report']],
  [/^\/v1\/company_information$/, ['company:info']],
  [/^\/v1\/webhooks(\/|$)/, ['webhooks']],
];

/** The scopes any one of which admits a token to `path`; null when any token will do. */
export function requiredScopes(path: string): readonly string[] | null {
  for (const [pattern, scopes] of RULES) if (pattern.test(path)) return scopes;
  return null;
}

export function scopesAdmit(
  granted: readonly string[],
  required: readonly string[] | null,
): boolean {
  if (!required || granted.includes('public.integration')) return true;
  return required.some((need) => granted.some((have) => related(have, need)));
}

function related(have: string, need: string): boolean {
  const base = (scope: string) => scope.replace(/\.write$/, '');
  const a = base(have);
  const b = base(need);
  return a === b || a.startsWith(`${b}:`) || b.startsWith(`${a}:`);
}
