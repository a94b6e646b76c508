/**
 * The sandbox's one dataset, `employee`: every person (Active, Inactive and future hires), with
 * `employeeId` plus every standard and custom field of the company's catalogue under its API
 * alias, so a client holding only an API key can page all employees and read up to 400 fields
 * per call. As the spec says, future hires read as status `Inactive` here.
 */
import type { Person } from '../../../company/types.js';
import type { CompanyCache } from '../../env.js';
import type { FieldCatalog, FieldDef } from '../../fields.js';
import { sectionOf } from './sections.js';

export const DATASETS = [{ name: 'employee', label: 'Employee' }] as const;

export interface DatasetField {
  readonly name: string;
  readonly label: string;
  readonly parentType: 'page' | 'table';
  readonly parentName: string;
  readonly entityName: string;
  /** The catalogue field behind it; null for `employeeId`. */
  readonly def: FieldDef | null;
}

export interface Dataset {
  readonly name: string;
  readonly label: string;
  readonly fields: readonly DatasetField[];
  /** Exact, case-sensitive name lookup, as dataset field names are identifiers. */
  field(name: string): DatasetField | undefined;
  /** Values of `fields` for one person, in order; history rows are read once. */
  values(person: Person, fields: readonly DatasetField[]): (string | null)[];
  readonly people: readonly Person[];
}

function describe(def: FieldDef): DatasetField {
  const { page, table } = sectionOf(def);
  return {
    name: def.alias,
    label: def.name,
    parentType: table ? 'table' : 'page',
    parentName: table ? table.name : page.name,
    entityName: table ? table.alias : page.entityName,
    def,
  };
}

const EMPLOYEE_ID: DatasetField = {
  name: 'employeeId',
  label: 'Employee ID',
  parentType: 'page',
  parentName: 'Personal',
  entityName: 'personal',
  def: null,
};

function buildEmployeeDataset(catalog: FieldCatalog): Dataset {
  const fields = [EMPLOYEE_ID, ...catalog.all.filter((def) => !def.deprecated).map(describe)];
  const byName = new Map(fields.map((field) => [field.name, field]));
  const today = catalog.company.today;
  return {
    ...DATASETS[0],
    fields,
    people: catalog.company.people,
    field: (name) => byName.get(name),
    values(person, wanted) {
      const defs = wanted.flatMap((field) => (field.def ? [field.def] : []));
      const read = catalog.values(person, defs);
      let next = 0;
      return wanted.map(function readField(field) {
        if (!field.def) return String(person.id);
        const value = read[next++] ?? null;
        if (field.def.alias === 'status' && person.hireDate > today) return 'Inactive';
        return value;
      });
    },
  };
}

/** The named dataset, built once per company; undefined for an unknown name. */
export function findDataset(
  name: string,
  catalog: FieldCatalog,
  cache: CompanyCache,
): Dataset | undefined {
  if (name !== 'employee') return undefined;
  return cache.get('datasets:employee', () => buildEmployeeDataset(catalog));
}
