/** Readable failure messages: Ajv errors with their instance paths and the offending values. */
import type { ErrorObject } from 'ajv/dist/2020.js';

const maxErrors = 25;

export function snippet(value: unknown, max = 400): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** The value at a JSON pointer such as Ajv's `instancePath` (`/data/0/employeeId`). */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function formatAjvErrors(errors: readonly ErrorObject[], body: unknown): string {
  // anyOf/oneOf branches repeat one failure many times; keep the first of each path+message.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const error of errors) {
    const key = `${error.instancePath} ${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      `  ${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)} [${error.schemaPath}]\n    value: ${snippet(valueAt(body, error.instancePath), 200)}`,
    );
  }
  const more = lines.length > maxErrors ? `\n  … and ${lines.length - maxErrors} more` : '';
  return lines.slice(0, maxErrors).join('\n') + more;
}
