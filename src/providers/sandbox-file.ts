/**
 * Key material a standalone sandbox hands out (valid only against that sandbox) goes to files
 * readable by their owner alone, since a key is a file in the workflows it stands in for. They
 * live in one temporary folder per run, made on the first file and removed when the run stops
 * (Ctrl+C, SIGTERM, or the process exiting), so runs leave nothing behind in the temp directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxFiles {
  /** Writes an owner-only file and returns its path. */
  write(name: string, content: string): string;
  /** Removes the folder and its files. Synchronous, so it can run as the process exits. */
  remove(): void;
}

export function createSandboxFiles(): SandboxFiles {
  let dir: string | null = null;
  return {
    write(name, content) {
      dir ??= mkdtempSync(join(tmpdir(), 'hrgraph-sandbox-'));
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    },
    remove() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
