/**
 * A person's employee tables as Bob keeps them (spec `WorkEntryForGet`, employment, salary and
 * lifecycle entries): one entry per row of the synthetic history, oldest first, each with its
 * effective dates and whether it is the current one.
 */
import type { Person, SyntheticCompany } from '../company/types.js';
import { departmentItemId, entryId, hibobEmployeeId, siteItemId } from './ids.js';

export type TableName = 'work' | 'employment' | 'salaries' | 'lifecycle';
export const TABLES: readonly TableName[] = ['work', 'employment', 'salaries', 'lifecycle'];

type Entry = Record<string, unknown>;

/** The day before `date`, where the next row's effective date ends this one. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Effective dates and `isCurrent` for rows ordered oldest first. */
function dated<R extends { effectiveDate: string }>(rows: readonly R[], today: string) {
  const current = rows.reduce((at, row, i) => (row.effectiveDate <= today ? i : at), 0);
  return rows.map((row, i) => {
    const next = rows[i + 1];
    return {
      row,
      index: i,
      dates: {
        effectiveDate: row.effectiveDate,
        ...(next ? { endEffectiveDate: dayBefore(next.effectiveDate) } : {}),
        isCurrent: i === current,
      },
    };
  });
}

const payPeriods = {
  Hour: 'Hourly',
  Day: 'Daily',
  Week: 'Weekly',
  Month: 'Monthly',
  Year: 'Annual',
} as const;
const payFrequencies = {
  Weekly: 'Weekly',
  'Every other week': 'Bi-Weekly',
  'Twice a month': 'Semi-Monthly',
  Monthly: 'Monthly',
} as const;
const contracts = {
  'Full-Time': ['Full time', 'Permanent'],
  'Part-Time': ['Part time', 'Permanent'],
  Contractor: ['Full time', 'Contractor'],
  Intern: ['Part time', 'Intern'],
  Temporary: ['Full time', 'Temporary'],
} as const;

export function tableEntries(company: SyntheticCompany, person: Person, table: TableName): Entry[] {
  const today = company.today;
  switch (table) {
    case 'work':
      return dated(person.jobHistory, today).map(({ row, index, dates }) => {
        const manager = row.managerId === null ? undefined : company.person(row.managerId);
        return {
          id: entryId('work', person.id, index),
          ...dates,
          title: company.jobTitles.find((t) => t.id === row.jobTitleId)?.name ?? '',
          department: String(departmentItemId(row.departmentId)),
          site: company.locations.find((l) => l.id === row.locationId)?.name ?? '',
          siteId: siteItemId(row.locationId),
          ...(manager
            ? {
                reportsTo: {
                  id: hibobEmployeeId(manager.id),
                  email: manager.workEmail,
                  firstName: manager.firstName,
                  surname: manager.lastName,
                  displayName: `${manager.preferredName ?? manager.firstName} ${manager.lastName}`,
                },
              }
            : {}),
          creationDate: row.effectiveDate,
          customColumns: {},
        };
      });
    case 'salaries':
      return dated(person.compensationHistory, today).map(({ row, index, dates }) => ({
        id: entryId('salaries', person.id, index),
        ...dates,
        base: { value: Number(row.amount), currency: row.currency },
        payPeriod: payPeriods[row.paidPer],
        payFrequency: payFrequencies[row.payFrequency],
        change: { reason: row.reason },
        customColumns: {},
      }));
    case 'employment': {
      const worked = person.statusHistory.filter((row) => row.status !== 'Terminated');
      return dated(worked, today).map(({ row, index, dates }) => {
        const [contract, type] = contracts[row.status as keyof typeof contracts];
        return { id: entryId('employment', person.id, index), ...dates, contract, type };
      });
    }
    case 'lifecycle':
      return dated(person.statusHistory, today).map(({ row, index, dates }) => ({
        id: entryId('lifecycle', person.id, index),
        ...dates,
        status: row.status === 'Terminated' ? 'terminated' : 'employed',
        employeeStatus: row.status === 'Terminated' ? 'Inactive' : 'Active',
        ...(row.terminationReason ? { reasonType: row.terminationReason } : {}),
        customColumns: {},
      }));
  }
}
