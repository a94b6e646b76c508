/**
 * One call per test file: loads a provider's extract (BambooHR unless told) and returns the
 * checker bound to it. Test files call it with top-level await, so each Vitest worker loads the
 * extract once per file and no module keeps state between files.
 */
import { createExpectConformant, type ExpectConformant } from './expect-conformant.js';
import { type LoadOpenApiSpecOptions, loadOpenApiSpec, type OpenApiSpec } from './openapi.js';

export interface Conformance {
  readonly spec: OpenApiSpec;
  readonly expectConformant: ExpectConformant;
}

export async function loadConformance(options: LoadOpenApiSpecOptions = {}): Promise<Conformance> {
  const spec = await loadOpenApiSpec(options);
  return { spec, expectConformant: createExpectConformant(spec) };
}
