/** Company, locations and departments as Gusto shows them. */
import type { Address, Department, Location } from '../../company/types.js';
import { gustoEmployeeUuid, gustoUuid, versionOf } from '../ids.js';
import type { Json } from './jobs.js';
import type { GustoView } from './view.js';

/** Gusto types `state` as a non-null string; regions without one get it left out. */
function street(address: Pick<Address, 'line1' | 'city' | 'state' | 'zip' | 'country'>): Json {
  return {
    street_1: address.line1,
    street_2: null,
    city: address.city,
    ...(address.state === null ? {} : { state: address.state }),
    zip: address.zip,
    country: address.country,
  };
}

/** Locations were set up with the company: created the day the first person was hired. */
function setUpAt(view: GustoView): string {
  return `${view.company.people[0]?.hireDate ?? view.company.today}T09:00:00.000Z`;
}

export function projectLocation(view: GustoView, location: Location): Json {
  const first = location.id === view.company.locations[0]?.id;
  return {
    uuid: gustoUuid('location', location.id),
    version: versionOf('location', location.id, location.line1),
    company_uuid: view.companyUuid,
    phone_number: view.company.phone.replace(/\D/g, '').slice(-10),
    ...street(location),
    // The first location is the company's mailing and filing address (a sandbox choice).
    mailing_address: first,
    filing_address: first,
    created_at: setUpAt(view),
    updated_at: setUpAt(view),
    active: true,
    inactive: false,
  };
}

export interface CompanyProjection {
  /** `primary_payroll_admin` needs company_admin:read (spec). */
  withAdmin: boolean;
}

export function projectCompany(view: GustoView, how: CompanyProjection): Json {
  const { company } = view;
  const digits = String(100_000_000 + (Math.abs(company.seed * 7919) % 900_000_000));
  const body: Json = {
    uuid: view.companyUuid,
    name: company.legalName,
    slug: company.domain,
    trade_name: company.displayName,
    ein: `${digits.slice(0, 2)}-${digits.slice(2, 9)}`,
    entity_type: 'C-Corporation',
    contractor_only: false,
    tier: 'complete',
    is_suspended: false,
    company_status: 'Approved',
    is_high_risk_business: false,
    is_marijuana_business: false,
    is_partner_managed: false,
    pay_schedule_type: 'single',
    join_date: company.people[0]?.hireDate ?? null,
    funding_type: 'ach',
    locations: company.locations.map((location) => ({
      ...street(location),
      active: true,
      inactive: false,
    })),
    compensations: {
      hourly: [
        { uuid: null, name: 'Overtime', multiple: 1.5 },
        { uuid: null, name: 'Double overtime', multiple: 2 },
      ],
      fixed: [
        { uuid: null, name: 'Bonus' },
        { uuid: null, name: 'Commission' },
      ],
      paid_time_off: company.timeOffTypes.map((type) => ({
        uuid: gustoUuid('timeOffPolicy', type.id),
        name: `${type.name} Hours`,
      })),
    },
    primary_signatory: null,
  };
  const admin = company.person(view.adminId);
  if (how.withAdmin && admin) {
    body.primary_payroll_admin = {
      first_name: admin.firstName,
      last_name: admin.lastName,
      phone: admin.workPhone,
      email: admin.workEmail,
    };
  }
  return body;
}

export function departmentUuid(department: Pick<Department, 'id'>): string {
  return gustoUuid('department', department.id);
}

export function projectDepartment(view: GustoView, department: Department): Json {
  return {
    uuid: departmentUuid(department),
    company_uuid: view.companyUuid,
    title: department.name,
    version: versionOf('department', department.id, department.name),
    employees: view.departmentMembers(department.id).map((id) => ({ uuid: gustoEmployeeUuid(id) })),
    contractors: [],
  };
}
