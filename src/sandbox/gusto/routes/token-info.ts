/** `GET /v1/token_info`: the token's scopes, its company and the admin who authorized it. */
import type { Hono } from 'hono';
import type { GustoEnv } from '../env.js';
import { gustoEmployeeUuid } from '../ids.js';

export function registerTokenInfoRoute(app: Hono<GustoEnv>): void {
  app.get('/v1/token_info', function tokenInfo(c) {
    const grant = c.get('grant');
    return c.json({
      scope: grant.scopes.join(' '),
      resource: { type: 'Company', uuid: grant.companyUuid },
      // The admin is also an employee; the sandbox reuses their employee UUID (a choice).
      resource_owner: { type: 'CompanyAdmin', uuid: gustoEmployeeUuid(grant.adminId) },
    });
  });
}
