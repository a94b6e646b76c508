/** Types of scripts/build.js (plain JavaScript: bin/hrgraph.js runs it before any build exists). */

/** Whether `root`/dist is missing or older than some file of `root`/src. @default root: the project */
export function isStale(root?: string): boolean;

/** Transpiles `root`/src to `root`/dist and removes modules whose source is gone. */
export function build(root?: string): Promise<{ files: number; outdir: string }>;
