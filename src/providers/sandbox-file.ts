/**
 * Key material a standalone sandbox hands out (valid only against that sandbox) goes to a file
 * readable by its owner alone, since a key is a file in the workflows it stands in for.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function writeSandboxFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hrgraph-sandbox-'));
  const path = join(dir, name);
  await writeFile(path, content, { mode: 0o600 });
  return path;
}
