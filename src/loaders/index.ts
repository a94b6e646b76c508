/** The data layer: per-request loaders over the provider contract, and the shared lookup cache. */
export { createLoaders, type LoadersOptions } from './hr-loaders.js';
export { createLookupCache, type LookupCache, type LookupCacheOptions } from './lookup-cache.js';
export { orgIndexFreshnessMs } from './org-index.js';
export type {
  EmployeeFieldRequest,
  EmployeeListArgs,
  EmployeeRow,
  EmployeeSelection,
  HrLoaders,
  Maybe,
} from './types.js';
export { createWalkMemory, type WalkMemory, type WalkMemoryOptions } from './walk-memory.js';
