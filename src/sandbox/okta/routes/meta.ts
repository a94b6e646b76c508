/** getUserSchema, getOrgSettings and the unauthenticated org metadata. */
import type { Context, Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { OktaEnv } from '../env.js';
import { orgObjectId } from '../ids.js';
import { notFound } from '../respond.js';
import { userSchema } from '../user-schema.js';

function origin(c: Context<OktaEnv>): string {
  return new URL(c.req.url).origin;
}

export function registerMetaRoutes(app: Hono<OktaEnv>): void {
  app.get(
    '/api/v1/meta/schemas/user/:schemaId',
    requireScope('okta.schemas.read'),
    function getUserSchema(c) {
      const directory = c.get('directory');
      const id = c.req.param('schemaId');
      if (id !== 'default' && id !== directory.userSchemaId) return notFound(c, id, 'UserSchema');
      return c.json(userSchema(directory, origin(c)));
    },
  );

  app.get('/api/v1/org', requireScope('okta.orgs.read'), function getOrgSettings(c) {
    const { company } = c.get('directory');
    const base = origin(c);
    const stamp = `${company.today}T00:00:00.000Z`;
    return c.json({
      id: orgObjectId('00o', company.domain),
      companyName: company.legalName,
      subdomain: company.domain,
      website: `https://www.${company.domain}.example`,
      phoneNumber: company.phone,
      address1: company.address.line1,
      ...(company.address.line2 ? { address2: company.address.line2 } : {}),
      city: company.address.city,
      ...(company.address.state ? { state: company.address.state } : {}),
      postalCode: company.address.zip,
      country: company.address.country,
      status: 'ACTIVE',
      created: stamp,
      lastUpdated: stamp,
      _links: {
        contacts: { href: `${base}/api/v1/org/contacts` },
        preferences: { href: `${base}/api/v1/org/preferences` },
      },
    });
  });
}

/** No credentials: any client may discover the org (spec `security: []`). */
export function registerWellKnown(app: Hono<OktaEnv>): void {
  app.get('/.well-known/okta-organization', function orgMetadata(c) {
    const { company } = c.get('directory');
    return c.json({
      id: orgObjectId('00o', company.domain),
      pipeline: 'idx',
      _links: { organization: { href: origin(c) } },
    });
  });
}
