/**
 * The values a documented command leaves to the reader, and where the reader finds them:
 *
 * - `<API key>` and its kind: on a line of a running sandbox's banner (the table below says
 *   which sandbox and which line). A placeholder the table lacks fails the test, naming it: teach
 *   the table, or write the README with one it has.
 * - `hrg_…`, `hrc_…`: the last value with that prefix an earlier command printed (a token from
 *   `tokens create`, a link from `accounts connect-link`).
 *
 * A value goes in as it is when it holds only characters the shell takes literally, wherever it
 * stands (inside double quotes too); any other is put in single quotes.
 */

/** A standalone sandbox's banner, by its label ("BambooHR", "Okta", …). */
export interface SandboxBanner {
  readonly label: string;
  readonly text: string;
}

const fromBanner: Record<string, { readonly sandbox: string; readonly line: RegExp }> = {
  '<API key>': { sandbox: 'BambooHR', line: /API key \(emp 1\)\s+(\S+)/ },
  '<OAuth token>': { sandbox: 'BambooHR', line: /OAuth token\s+(\S+)/ },
  '<SSWS token>': { sandbox: 'Okta', line: /Authorization: SSWS (\S+)/ },
  '<key file>': { sandbox: 'Google Workspace', line: /service account\s+(\S+)/ },
  '<company uuid>': { sandbox: 'Gusto', line: /\/v1\/companies\/([0-9a-f-]{36})\// },
  '<client id>': { sandbox: 'Gusto', line: /OAuth client\s+(\S+) \// },
  '<client secret>': { sandbox: 'Gusto', line: /OAuth client\s+\S+ \/ (\S+)/ },
};

const quoted = (value: string) =>
  /^[\w./:@+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

export function fillPlaceholders(
  text: string,
  found: {
    readonly sandboxes: ReadonlyMap<string, SandboxBanner>;
    readonly outputs: readonly string[];
  },
): string {
  const filled = text
    .replace(/<[^<>]+>/g, (placeholder) => {
      const source = fromBanner[placeholder];
      if (!source) {
        throw new Error(
          `no value for ${placeholder}: test/docs/support/placeholders.ts knows ${Object.keys(fromBanner).join(', ')}`,
        );
      }
      const banner = found.sandboxes.get(source.sandbox);
      const value = banner && source.line.exec(banner.text)?.[1];
      if (!value) {
        throw new Error(
          `${placeholder} comes from the ${source.sandbox} sandbox's banner (${source.line}), but ${banner ? 'its banner has no such line' : 'none is running'}`,
        );
      }
      return quoted(value);
    })
    .replace(/\b([a-z]{3})_…/g, (placeholder, prefix: string) => {
      const pattern = new RegExp(`\\b${prefix}_[A-Za-z0-9_-]{8,}`, 'g');
      const value = found.outputs.flatMap((output) => output.match(pattern) ?? []).at(-1);
      if (!value) throw new Error(`${placeholder}: no earlier command printed a ${prefix}_ value`);
      return quoted(value);
    });
  if (filled.includes('…')) {
    throw new Error(
      `an ellipsis the test cannot fill: write a placeholder it knows (<API key>, hrg_…)`,
    );
  }
  return filled;
}
