/** The company, its locations, departments and custom-field definitions. */
import type { Hono } from 'hono';
import type { GustoEnv } from '../env.js';
import { pageOf, parsePaging, withParameters } from '../list-query.js';
import { requireScope } from '../middleware.js';
import { projectCompanyCustomField } from '../project/custom-fields.js';
import { projectCompany, projectDepartment, projectLocation } from '../project/org.js';
import { primaryId } from '../project/view.js';
import { notFound } from '../respond.js';
import type { RouteDeps } from './deps.js';

export function registerCompanyRoutes(app: Hono<GustoEnv>, deps: RouteDeps): void {
  const { view } = deps;
  const ownCompany = (id: string) => id === view.companyUuid;

  app.get('/v1/companies/:company_id', requireScope('companies:read'), function getCompany(c) {
    if (!ownCompany(c.req.param('company_id'))) return notFound(c);
    const withAdmin = c.get('grant').scopes.includes('company_admin:read');
    return c.json(projectCompany(view, { withAdmin }));
  });

  app.get(
    '/v1/companies/:company_id/locations',
    requireScope('companies:read'),
    function listLocations(c) {
      if (!ownCompany(c.req.param('company_id'))) return notFound(c);
      return withParameters(c, () => {
        const paging = parsePaging(c, deps.paging);
        const all = view.company.locations;
        return c.json(pageOf(c, all, paging).map((location) => projectLocation(view, location)));
      });
    },
  );

  app.get('/v1/locations/:location_id', requireScope('companies:read'), function getLocation(c) {
    const id = primaryId('location', c.req.param('location_id'));
    const location = id === null ? undefined : view.location(id);
    return location ? c.json(projectLocation(view, location)) : notFound(c);
  });

  app.get(
    '/v1/companies/:company_uuid/departments',
    requireScope('departments:read'),
    function listDepartments(c) {
      if (!ownCompany(c.req.param('company_uuid'))) return notFound(c);
      return c.json(view.company.departments.map((unit) => projectDepartment(view, unit)));
    },
  );

  app.get(
    '/v1/departments/:department_uuid',
    requireScope('departments:read'),
    function getDepartment(c) {
      const id = primaryId('department', c.req.param('department_uuid'));
      const department = id === null ? undefined : view.department(id);
      return department ? c.json(projectDepartment(view, department)) : notFound(c);
    },
  );

  app.get(
    '/v1/companies/:company_id/custom_fields',
    requireScope('companies:read'),
    function listCompanyCustomFields(c) {
      if (!ownCompany(c.req.param('company_id'))) return notFound(c);
      return withParameters(c, () => {
        const paging = parsePaging(c, deps.paging);
        return c.json({
          custom_fields: pageOf(c, view.customFields, paging).map(projectCompanyCustomField),
        });
      });
    },
  );
}
