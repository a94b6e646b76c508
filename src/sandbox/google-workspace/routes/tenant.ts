/**
 * orgunits.list, schemas.list and customers.get: the tenant's structure. An org unit path or
 * `id:` that does not exist is a 404 `Org unit not found`; another customer's id is a 403.
 */
import { Hono } from 'hono';
import { type GuardDeps, guard } from '../auth.js';
import type { Directory } from '../directory.js';
import type { GoogleEnv } from '../env.js';
import { etagOf, orgUnitIdFor, schemaIdFor } from '../ids.js';
import type { OrgUnitView } from '../org-structure.js';
import { checkCustomer, enumParam } from '../params.js';
import { respondResource } from '../partial.js';
import { googleError } from '../respond.js';

function orgUnitRecord(unit: OrgUnitView): Record<string, unknown> {
  return { kind: 'admin#directory#orgUnit', etag: etagOf(`ou:${unit.orgUnitId}`), ...unit };
}

function rootUnit(directory: Directory): Record<string, unknown> {
  const orgUnitId = orgUnitIdFor('/', directory.customerId);
  return {
    kind: 'admin#directory#orgUnit',
    etag: etagOf(`ou:${orgUnitId}`),
    name: directory.company.displayName,
    description: directory.company.legalName,
    orgUnitPath: '/',
    orgUnitId,
  };
}

export function tenantRoutes(deps: GuardDeps): Hono<GoogleEnv> {
  const { directory } = deps;
  const app = new Hono<GoogleEnv>();

  app.get(
    '/admin/directory/v1/customer/:customerId/orgunits',
    guard(deps, 'orgunits.list'),
    function listOrgUnits(c) {
      const refused = checkCustomer(c, directory, c.req.param('customerId'));
      if (refused) return refused;
      const type = enumParam(
        c,
        'type',
        ['all', 'children', 'allIncludingParent'] as const,
        'children',
      );
      if (!type.ok) return type.response;
      const asked = c.req.query('orgUnitPath') ?? '';
      const normalised = asked.startsWith('id:') ? asked : `/${asked.replace(/^\/+|\/+$/g, '')}`;
      const rootId = orgUnitIdFor('/', directory.customerId);
      const parent =
        normalised === '/' || normalised === rootId
          ? null
          : directory.orgUnits.find(
              (u) =>
                u.orgUnitId === normalised ||
                u.orgUnitPath.toLowerCase() === normalised.toLowerCase(),
            );
      if (parent === undefined) {
        return googleError(c, 404, {
          message: 'Org unit not found',
          domain: 'global',
          reason: 'notFound',
        });
      }
      const base = parent?.orgUnitPath ?? '';
      const below = directory.orgUnits.filter((u) =>
        type.value === 'children'
          ? u.parentOrgUnitPath === (parent?.orgUnitPath ?? '/')
          : u.orgUnitPath.startsWith(`${base}/`),
      );
      const units = below.map(orgUnitRecord);
      if (type.value === 'allIncludingParent')
        units.unshift(parent ? orgUnitRecord(parent) : rootUnit(directory));
      return respondResource(c, 'OrgUnits', {
        kind: 'admin#directory#orgUnits',
        etag: etagOf(`ous:${normalised}:${type.value}`),
        ...(units.length ? { organizationUnits: units } : {}),
      });
    },
  );

  app.get(
    '/admin/directory/v1/customer/:customerId/schemas',
    guard(deps, 'schemas.list'),
    function listSchemas(c) {
      const refused = checkCustomer(c, directory, c.req.param('customerId'));
      if (refused) return refused;
      const schemas = directory.schemas.map((schema) => {
        const schemaId = schemaIdFor(schema.schemaName, directory.customerId);
        return {
          kind: 'admin#directory#schema',
          schemaId,
          etag: etagOf(`schema:${schemaId}`),
          schemaName: schema.schemaName,
          displayName: schema.displayName,
          fields: schema.fields.map((field) => ({
            kind: 'admin#directory#schema#fieldspec',
            fieldId: schemaIdFor(`${schema.schemaName}.${field.fieldName}`, directory.customerId),
            etag: etagOf(`field:${schemaId}:${field.fieldName}`),
            fieldType: field.fieldType,
            fieldName: field.fieldName,
            displayName: field.displayName,
            multiValued: false,
            readAccessType: field.readAccessType,
            indexed: true,
          })),
        };
      });
      return respondResource(c, 'Schemas', {
        kind: 'admin#directory#schemas',
        etag: etagOf(`schemas:${directory.customerId}`),
        schemas,
      });
    },
  );

  app.get(
    '/admin/directory/v1/customers/:customerKey',
    guard(deps, 'customers.get'),
    function getCustomer(c) {
      const refused = checkCustomer(c, directory, c.req.param('customerKey'));
      if (refused) return refused;
      const { company, admin } = directory;
      // The tenant predates its first hire by a month.
      const first = company.people.map((p) => p.originalHireDate).sort()[0] ?? company.today;
      return respondResource(c, 'Customer', {
        kind: 'admin#directory#customer',
        id: directory.customerId,
        etag: etagOf(`customer:${directory.customerId}`),
        customerDomain: directory.domain,
        alternateEmail: `it-admin@${company.domain}-backup.example`,
        customerCreationTime: new Date(
          Date.parse(`${first}T00:00:00Z`) - 30 * 86_400_000,
        ).toISOString(),
        language: 'en',
        phoneNumber: company.phone.replace(/\s+/g, ''),
        postalAddress: {
          contactName: `${admin.preferredName ?? admin.firstName} ${admin.lastName}`,
          organizationName: company.legalName,
          addressLine1: company.address.line1,
          ...(company.address.line2 ? { addressLine2: company.address.line2 } : {}),
          locality: company.address.city,
          ...(company.address.state ? { region: company.address.state } : {}),
          postalCode: company.address.zip,
          countryCode: company.address.country,
        },
      });
    },
  );
  return app;
}
