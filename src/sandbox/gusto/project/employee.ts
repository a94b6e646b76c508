/** A synthetic person as a Gusto Employee (spec `components.schemas.Employee`), per request. */
import { hash32 } from '../../company/random.js';
import type { Person } from '../../company/types.js';
import { gustoEmployeeUuid, gustoUuid, versionOf } from '../ids.js';
import { projectEmployeeCustomFields } from './custom-fields.js';
import { flsaStatus, type Json, projectJob, titleOf } from './jobs.js';
import { departmentUuid } from './org.js';
import { isTerminated, projectEligiblePto } from './time-off.js';
import type { GustoView } from './view.js';

export type EmployeeInclude =
  | 'all_compensations'
  | 'all_home_addresses'
  | 'company_name'
  | 'current_home_address'
  | 'custom_fields'
  | 'portal_invitations';

export const EMPLOYEE_INCLUDES: readonly EmployeeInclude[] = [
  'all_compensations',
  'all_home_addresses',
  'company_name',
  'current_home_address',
  'custom_fields',
  'portal_invitations',
];

export interface EmployeeProjection {
  withPay: boolean;
  include: ReadonlySet<EmployeeInclude>;
}

const ONBOARDING_PENDING = [
  'admin_onboarding_incomplete',
  'self_onboarding_pending_invite',
  'self_onboarding_invited',
  'self_onboarding_invited_started',
  'self_onboarding_awaiting_admin_review',
] as const;

/**
 * People hired in the last 14 days (or not yet started) are still onboarding, in a status picked
 * from their id; everyone else completed onboarding (a sandbox choice).
 */
export function onboardingStatus(view: GustoView, person: Person): string {
  const cutoff = new Date(`${view.company.today}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - 14);
  if (person.hireDate <= cutoff.toISOString().slice(0, 10)) return 'onboarding_completed';
  return ONBOARDING_PENDING[hash32(view.company.seed, person.id, 17) % ONBOARDING_PENDING.length]!;
}

/** Gusto's employment statuses; a terminated person keeps the status they last worked under. */
export function employmentStatus(view: GustoView, person: Person): string | null {
  const worked = [...person.statusHistory].reverse().find((row) => row.status !== 'Terminated');
  switch (worked?.status) {
    case 'Full-Time':
      return 'full_time';
    case 'Part-Time':
      return hash32(view.company.seed, person.id, 23) % 2 === 0
        ? 'part_time_twenty_plus_hours'
        : 'part_time_under_twenty_hours';
    case 'Temporary':
      return 'seasonal';
    case 'Intern':
    case 'Contractor':
      return 'variable';
    default:
      return null;
  }
}

export function homeAddress(person: Person): Json {
  const { address } = person;
  return {
    uuid: gustoUuid('homeAddress', person.id),
    employee_uuid: gustoEmployeeUuid(person.id),
    effective_date: person.hireDate,
    courtesy_withholding: false,
    street_1: address.line1,
    street_2: address.line2,
    city: address.city,
    state: address.state ?? '',
    zip: address.zip,
    country: address.country,
    active: true,
    version: versionOf('home', person.id, address.line1),
  };
}

export function terminationsOf(view: GustoView, person: Person): Json[] {
  return person.statusHistory.flatMap((row, index) =>
    row.status === 'Terminated'
      ? [
          {
            uuid: gustoUuid('termination', person.id, index),
            version: versionOf('termination', person.id, row.id),
            employee_uuid: gustoEmployeeUuid(person.id),
            active: row.effectiveDate <= view.company.today,
            cancelable: row.effectiveDate > view.company.today,
            effective_date: row.effectiveDate,
            run_termination_payroll: false,
          },
        ]
      : [],
  );
}

export function projectEmployee(view: GustoView, person: Person, how: EmployeeProjection): Json {
  const { company } = view;
  const job = company.currentJob(person);
  const department = view.department(job.departmentId);
  const status = onboardingStatus(view, person);
  const pay = company.currentCompensation(person);
  const body: Json = {
    uuid: gustoEmployeeUuid(person.id),
    first_name: person.firstName,
    middle_initial: person.middleName ? person.middleName.charAt(0) : null,
    last_name: person.lastName,
    preferred_first_name: person.preferredName,
    email: person.homeEmail,
    work_email: person.workEmail,
    company_uuid: view.companyUuid,
    manager_uuid: job.managerId === null ? null : gustoEmployeeUuid(job.managerId),
    version: versionOf('employee', person.id, person.lastChanged),
    department: department?.name ?? null,
    department_uuid: department ? departmentUuid(department) : null,
    title: titleOf(view, person),
    terminated: isTerminated(view, person),
    two_percent_shareholder: person.id === 1,
    onboarded: status === 'onboarding_completed',
    onboarding_status: status,
    jobs: [
      projectJob(view, person, {
        withPay: how.withPay,
        allCompensations: how.include.has('all_compensations'),
      }),
    ],
    eligible_paid_time_off: projectEligiblePto(view, person),
    terminations: terminationsOf(view, person),
    garnishments: [],
    date_of_birth: person.dateOfBirth,
    has_ssn: true,
    ssn: '',
    phone: person.mobilePhone,
    payment_method: hash32(company.seed, person.id, 29) % 10 === 0 ? 'Check' : 'Direct Deposit',
    current_employment_status: employmentStatus(view, person),
    historical: false,
    employee_code: person.employeeNumber,
    hired_at: person.hireDate,
    flsa_status: flsaStatus(person, pay),
  };
  if (how.include.has('custom_fields'))
    body.custom_fields = projectEmployeeCustomFields(view, person);
  if (how.include.has('company_name')) body.company_name = company.legalName;
  if (how.include.has('current_home_address')) body.current_home_address = homeAddress(person);
  if (how.include.has('all_home_addresses')) body.all_home_addresses = [homeAddress(person)];
  if (how.include.has('portal_invitations')) {
    body.member_portal_invitation_status = {
      status: status === 'onboarding_completed' ? 'complete' : 'sent',
      token_expired: false,
      welcome_email_sent_at: `${person.hireDate}T09:00:00.000Z`,
      last_password_resent_at: null,
    };
    body.partner_portal_invitation_sent = false;
  }
  return body;
}
