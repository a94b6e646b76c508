/** Types of scripts/docker-prune-sandbox.js (plain JavaScript: the Dockerfile runs it with node). */

/** esbuild's metafile, as scripts/build.js writes it to dist/meta.json: the part read here. */
export interface BuildMeta {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      inputs: Record<string, unknown>;
      imports: { path: string; kind: string; external?: boolean }[];
    }
  >;
}

/** The outputs only the demo and `hrgraph sandbox` load; throws if production code loads any. */
export function sandboxOutputs(meta: BuildMeta): string[];

/** Removes them from `root`/dist, and the fake-data library from `root`/node_modules. @default root '.' */
export function pruneSandbox(root?: string): string[];
