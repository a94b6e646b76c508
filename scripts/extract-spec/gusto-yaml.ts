/**
 * Gusto's spec is the YAML Speakeasy logged, and 18 of its single-quoted descriptions close with a
 * `'` at column 0, which YAML 1.2 forbids: the `yaml` package rejects the file, Go's yaml.v3 (which
 * wrote it) accepts it. Indenting those closing lines changes no value and makes it parse.
 */

/** Indents a line that starts with the closing quote to the previous non-blank line's depth + 2. */
export function repairGustoYaml(text: string): string {
  let indent = '';
  return text
    .split('\n')
    .map(function repair(line) {
      if (line.startsWith("'")) return `${indent}  ${line}`;
      if (line.trim() !== '') indent = /^ */.exec(line)?.[0] ?? '';
      return line;
    })
    .join('\n');
}

/** The repair as the extractor applies it, with the note its header carries. */
export function repairGustoSource(text: string): { text: string; note: string } {
  const lines = text.split('\n').filter((line) => line.startsWith("'")).length;
  return {
    text: repairGustoYaml(text),
    note: `parsed after indenting ${lines} closing quotes that stood at column 0 (invalid YAML 1.2; no value changes)`,
  };
}
