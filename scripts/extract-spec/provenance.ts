/**
 * Where an extract came from: the full spec's checksum and size, measured here, and its origin
 * (repository, path, commit, licence) from the provider's entry, which must agree with the
 * ORIGIN.md kept beside the full spec, so an extract never claims a source it was not made from.
 */
import { createHash } from 'node:crypto';
import type { ProviderSpec } from './providers.js';
import type { JsonObject } from './schema-structure.js';

export interface SourceFacts {
  readonly sha256: string;
  readonly bytes: number;
  /** `OpenAPI 3.0.3`, `Google Discovery v1`. */
  readonly format: string;
  /** The spec's own version: `info.version`, or a Discovery document's version and revision. */
  readonly version: string;
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Fails unless ORIGIN.md names this exact file (its sha256) and the commit the entry records. */
export function checkOrigin(spec: ProviderSpec, originText: string | null, sha256: string): void {
  const fix = `update ../shared/specs/${spec.id}/ORIGIN.md and the "${spec.id}" entry of scripts/extract-spec/providers.ts together`;
  if (originText === null) {
    throw new Error(`${spec.id}: no ORIGIN.md beside the spec, so its origin cannot be checked`);
  }
  if (!originText.includes(sha256)) {
    throw new Error(`${spec.id}: ORIGIN.md does not name this file's sha256 ${sha256}; ${fix}`);
  }
  if (!originText.includes(spec.origin.commit)) {
    throw new Error(`${spec.id}: ORIGIN.md does not name commit ${spec.origin.commit}; ${fix}`);
  }
}

export function extractHeader(
  spec: ProviderSpec,
  facts: SourceFacts,
  changes: readonly string[],
): JsonObject {
  return {
    provider: spec.id,
    source: {
      file: spec.sourceFile,
      repository: spec.origin.repository,
      path: spec.origin.path,
      commit: spec.origin.commit,
      sha256: facts.sha256,
      bytes: facts.bytes,
      format: facts.format,
      version: facts.version,
    },
    licence: spec.origin.licence,
    attribution: spec.origin.attribution,
    extractedBy: 'scripts/extract-spec.ts (npm run specs:extract)',
    changes: [...changes],
    hrgraphCalls: { ...spec.hrgraphCalls },
  };
}
