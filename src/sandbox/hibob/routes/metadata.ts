/**
 * Company metadata: `GET /v1/company/people/fields` (every field's id, category, name, type and,
 * for list fields, its named list) and `GET /v1/company/named-lists` (departments and sites, each
 * item with its integer id and name; `includeArchived` has nothing to add, as nothing is archived).
 */
import type { Hono } from 'hono';
import type { HibobEnv } from '../env.js';
import { departmentItemId, siteItemId } from '../ids.js';
import type { HibobView } from '../view.js';

export function registerMetadataRoutes(app: Hono<HibobEnv>, view: HibobView): void {
  app.get('/v1/company/people/fields', (c) =>
    c.json(
      [...view.fields.values()].map((f) => ({
        id: f.id,
        category: f.category,
        categoryDisplayName: f.categoryDisplayName,
        name: f.name,
        jsonPath: f.id,
        type: f.type,
        typeData: f.listId ? { listId: f.listId } : {},
        historical: f.historical,
      })),
    ),
  );
  app.get('/v1/company/named-lists', (c) => {
    const item = (id: number, name: string) => ({
      id,
      value: name,
      name,
      archived: false,
      children: [],
    });
    return c.json([
      {
        name: 'department',
        items: view.company.departments.map((d) => item(departmentItemId(d.id), d.name)),
      },
      {
        name: 'site',
        items: view.company.locations.map((l) => item(siteItemId(l.id), l.name)),
      },
    ]);
  });
}
