/**
 * Issue 15, item 3: "a provider is one module … nothing outside the folder names the provider".
 * No code of src/ outside a provider's own folders (src/providers/<name>/, src/sandbox/<name>/)
 * names it — neither its name as a string nor its label — so adding a provider is its two folders
 * and one registry line. Comments may mention providers as examples; code may not.
 */
import { describe, expect, it } from 'vitest';
import { providerDefinitions } from '../../src/providers/registry.js';
import { sourceFiles } from './source-files.js';

describe('a provider is named only in its own folders', () => {
  const files = sourceFiles();
  it.each(providerDefinitions.map((d) => [d.name, d.label] as const))(
    'no code outside src/providers/%s/ and its sandbox names it or its label (%s)',
    (name, label) => {
      const own = (path: string) =>
        path.startsWith(`src/providers/${name}/`) || path.startsWith(`src/sandbox/${name}/`);
      const naming = files
        .filter((file) => !own(file.path))
        .filter(
          (file) =>
            file.code.includes(`'${name}'`) ||
            file.code.includes(`"${name}"`) ||
            file.code.includes(label),
        )
        .map((file) => file.path);
      expect(naming).toEqual([]);
    },
  );
});
