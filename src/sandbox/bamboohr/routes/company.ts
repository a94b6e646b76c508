/**
 * GET /v1/company_information (spec get-company-information, reference §5). The spec's schema has
 * no country and types every address line as a string ("line2 may be an empty string"), so
 * missing lines are '' rather than null.
 */
import type { Hono } from 'hono';
import type { SyntheticCompany } from '../../company/types.js';
import type { SandboxEnv } from '../env.js';

export function companyInformation(company: SyntheticCompany) {
  const { address } = company;
  return {
    legalName: company.legalName,
    displayName: company.displayName,
    address: {
      line1: address.line1,
      line2: address.line2 ?? '',
      city: address.city,
      state: address.state ?? '',
      zip: address.zip,
    },
    phone: company.phone,
  };
}

export function registerCompanyRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/company_information', function getCompanyInformation(c) {
    return c.json(companyInformation(c.var.company.data));
  });
}
