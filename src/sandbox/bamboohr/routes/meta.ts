/**
 * GET /v1/meta/fields, /v1/meta/lists and /v1/meta/tables (reference §2.5–2.7): JSON with
 * `Accept: application/json` (or `?format=json`), XML otherwise.
 */
import type { Hono } from 'hono';
import type { SandboxEnv } from '../env.js';
import { listFields, tableMeta } from '../meta-lists.js';
import { negotiate } from '../respond.js';

export function registerMetaRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/meta/fields', function metaFields(c) {
    const fields = c
      .get('fields')
      .all.filter((field) => field.inMeta)
      .map((field) => ({
        id: field.id,
        name: field.name,
        type: field.type,
        alias: field.alias,
        ...(field.deprecated ? { deprecated: true } : {}),
      }));
    return negotiate(c, fields, () => ({
      fields: {
        field: fields.map((field) => ({
          '@_id': field.id,
          '@_type': field.type,
          '@_alias': field.alias,
          ...(field.deprecated ? { '@_deprecated': 'true' } : {}),
          '#text': field.name,
        })),
      },
    }));
  });

  api.get('/v1/meta/lists', function metaLists(c) {
    const lists = c.get('cache').get('meta-lists', () => listFields(c.get('company').data));
    return negotiate(c, lists, () => ({
      lists: {
        list: lists.map((list) => ({
          '@_fieldId': list.fieldId,
          '@_alias': list.alias,
          '@_manageable': list.manageable,
          '@_multiple': list.multiple,
          name: list.name,
          options: {
            option: list.options.map((option) => ({
              '@_id': option.id,
              '@_archived': option.archived,
              '#text': option.name,
            })),
          },
        })),
      },
    }));
  });

  api.get('/v1/meta/tables', function metaTables(c) {
    const tables = tableMeta();
    return negotiate(c, tables, () => ({
      tables: {
        table: tables.map((table) => ({
          '@_alias': table.alias,
          field: table.fields.map((field) => ({
            '@_id': field.id,
            '@_alias': field.alias,
            '@_type': field.type,
            '#text': field.name,
          })),
        })),
      },
    }));
  });
}
