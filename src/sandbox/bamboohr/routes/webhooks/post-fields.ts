/**
 * GET /v1/webhooks/post-fields (spec WebHookPostFieldResponseObject): the fields a field-based
 * webhook can post, with the pages and tables they sit on.
 */
import type { FieldDef } from '../../fields.js';
import type { Page, Section, Table } from '../datasets/sections.js';

export function postFields(all: readonly FieldDef[], sectionOf: (def: FieldDef) => Section) {
  const pages = new Map<number, Page>();
  const tables = new Map<number, Table>();
  const fields = all
    .filter((def) => def.inMeta && !def.deprecated)
    .map(function postField(def) {
      const { page, table } = sectionOf(def);
      pages.set(page.id, page);
      if (table) tables.set(table.id, table);
      return {
        alias: def.alias,
        name: def.name,
        type: def.type,
        id: def.id,
        pageId: page.id,
        tableId: table?.id ?? null,
      };
    });
  return {
    fields,
    tables: [...tables.values()].map(({ id, name }) => ({ id, name })),
    pages: [...pages.values()].map(({ id, name }) => ({ id, name })),
  };
}
