import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { graphiqlOptions } from '../../src/server/graphiql.js';
import { operationLimitRules } from '../../src/server/plugins/use-operation-limits.js';

// The schema is built with the CommonJS graphql (through Pothos), which vitest loads beside the
// ESM one; validate with the same instance.
const { parse, specifiedRules, validate } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

describe('GraphiQL starter tabs', () => {
  it.each([undefined, 'acme-oauth'])(
    'are valid against the schema and within the operation limits (example account %s)',
    (account) => {
      const tabs = graphiqlOptions(account).defaultTabs ?? [];
      expect(tabs.length).toBeGreaterThanOrEqual(4);
      for (const tab of tabs) {
        const rules = [...specifiedRules, ...operationLimitRules()];
        expect(validate(schema, parse(tab.query ?? ''), rules)).toEqual([]);
      }
    },
  );
});
