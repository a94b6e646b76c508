import { LRUCache } from 'lru-cache';
import type { CompanyCache } from './env.js';

export interface CompanyCacheOptions {
  /** Entries kept per company. @default 64 */
  max?: number;
}

/** A bounded memo for derived data of one company (see `CompanyCache` in env.ts). */
export function createCompanyCache(options: CompanyCacheOptions = {}): CompanyCache {
  const { max = 64 } = options;
  const lru = new LRUCache<string, { value: unknown }>({ max });
  return {
    get<T>(key: string, build: () => T): T {
      const hit = lru.get(key);
      if (hit) return hit.value as T;
      const value = build();
      lru.set(key, { value });
      return value;
    },
  };
}
