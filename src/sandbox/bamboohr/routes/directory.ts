/**
 * GET /v1/employees/directory (spec get-employees-directory, reference §2.3): Active employees
 * only, current ones unless `onlyCurrent=false` adds future hires; a fieldset plus one record per
 * employee keyed by the fieldset's ids; 404 when nobody is left. XML unless JSON is accepted.
 */
import type { Hono } from 'hono';
import type { Person, SyntheticCompany } from '../../company/types.js';
import type { SandboxEnv } from '../env.js';
import { createOrgIndex, employeeRef, viewPerson } from '../person-view.js';
import { legacyError, negotiate } from '../respond.js';

/** The fieldset of a directory with default sharing settings; ids, types and names as shown. */
export const DIRECTORY_FIELDS = [
  { id: 'displayName', type: 'text', name: 'Display name' },
  { id: 'firstName', type: 'text', name: 'First name' },
  { id: 'lastName', type: 'text', name: 'Last name' },
  { id: 'preferredName', type: 'text', name: 'Preferred name' },
  { id: 'jobTitle', type: 'list', name: 'Job title' },
  { id: 'workPhone', type: 'text', name: 'Work Phone' },
  { id: 'mobilePhone', type: 'text', name: 'Mobile Phone' },
  { id: 'workEmail', type: 'email', name: 'Work Email' },
  { id: 'department', type: 'list', name: 'Department' },
  { id: 'location', type: 'list', name: 'Location' },
  { id: 'division', type: 'list', name: 'Division' },
  { id: 'linkedIn', type: 'url', name: 'LinkedIn URL' },
  { id: 'workPhoneExtension', type: 'text', name: 'Work Ext.' },
  { id: 'supervisor', type: 'employee', name: 'Manager' },
  { id: 'photoUploaded', type: 'bool', name: 'Employee photo exists' },
  { id: 'photoUrl', type: 'url', name: 'Employee photo url' },
  { id: 'canUploadPhoto', type: 'bool', name: 'Can upload photo' },
] as const;

const PLACEHOLDER_PHOTO = 'https://resources.bamboohr.com/images/photo_person_150x150.png';

type DirectoryValue = string | number | boolean | null;

export function directory(company: SyntheticCompany, callerId: number, onlyCurrent: boolean) {
  const org = createOrgIndex(company);
  const eligible = (person: Person): boolean =>
    person.status === 'Active' && (!onlyCurrent || person.hireDate <= company.today);
  const employees = company.people.filter(eligible).map(function entry(person) {
    const view = viewPerson(company, org, person, { onlyCurrent });
    const record: Record<string, DirectoryValue> = {
      id: String(person.id),
      displayName: employeeRef(person),
      firstName: person.firstName,
      lastName: person.lastName,
      preferredName: person.preferredName,
      jobTitle: org.jobTitle(view.job.jobTitleId)?.name ?? null,
      workPhone: person.workPhone,
      mobilePhone: person.mobilePhone,
      workEmail: person.workEmail,
      department: org.department(view.job.departmentId)?.name ?? null,
      location: org.location(view.job.locationId)?.name ?? null,
      division: org.division(view.job.divisionId)?.name ?? null,
      linkedIn: person.linkedinUrl,
      workPhoneExtension: person.workPhoneExtension,
      supervisor: employeeRef(view.manager),
      photoUploaded: false,
      photoUrl: PLACEHOLDER_PHOTO,
      // An integer, as the spec insists; people may upload their own photo.
      canUploadPhoto: person.id === callerId ? 1 : 0,
    };
    return record;
  });
  return { fields: DIRECTORY_FIELDS.map((f) => ({ ...f })), employees };
}

function directoryXml(body: ReturnType<typeof directory>) {
  return {
    directory: {
      fieldset: { field: body.fields.map((f) => ({ '@_id': f.id, '#text': f.name })) },
      employees: {
        employee: body.employees.map(({ id, ...values }) => ({
          '@_id': id,
          field: Object.entries(values).map(([fieldId, value]) => ({
            '@_id': fieldId,
            '#text': value === null ? '' : String(value),
          })),
        })),
      },
    },
  };
}

export function registerDirectoryRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/employees/directory', function getDirectory(c) {
    const flag = c.req.query('onlyCurrent');
    const onlyCurrent = flag !== 'false' && flag !== '0';
    const body = directory(c.var.company.data, c.var.principal.employeeId, onlyCurrent);
    if (body.employees.length === 0) return legacyError(c, 404, 'The directory is empty');
    return negotiate(c, body, () => directoryXml(body));
  });
}
