/**
 * Time-off balances, derived on demand from the type's policy and the person's approved
 * requests. Balances reset each January (no carry-over), the simplest policy a real HR system
 * allows, so a balance needs nothing beyond the requests already on the person.
 */
import { dayFromIso, startOfYear, yearOf } from './dates.js';
import type { IsoDate, Person, TimeOffBalance, TimeOffType } from './types.js';

export function timeOffBalance(person: Person, type: TimeOffType, asOf: IsoDate): TimeOffBalance {
  const asOfDay = dayFromIso(asOf);
  const yearStart = startOfYear(yearOf(asOfDay));
  const yearEnd = startOfYear(yearOf(asOfDay) + 1) - 1;
  const firstOfYear = `${asOf.slice(0, 4)}-01-01`;
  let used = 0;
  for (const request of person.timeOffRequests) {
    if (request.typeId !== type.id || request.status !== 'approved') continue;
    // Dates are ISO strings, so string comparison is date comparison.
    if (request.end < firstOfYear || request.start > asOf) continue;
    for (const [date, amount] of Object.entries(request.dates)) {
      if (date >= firstOfYear && date <= asOf) used += amount;
    }
  }
  const hire = dayFromIso(person.hireDate);
  const last = person.terminationDate
    ? Math.min(dayFromIso(person.terminationDate), asOfDay)
    : asOfDay;
  const allowance = type.yearlyAllowance ?? 0;
  let granted = 0;
  if (type.policyType === 'accruing') {
    const from = Math.max(yearStart, hire);
    const days = Math.max(0, last - from + 1);
    granted = (allowance * days) / (yearEnd - yearStart + 1);
  } else if (type.policyType === 'manual') {
    // Granted each January to whoever is employed during the year.
    granted = hire <= asOfDay && last >= yearStart ? allowance : 0;
  }
  const balance = type.policyType === 'discretionary' ? 0 : granted - used;
  return { typeId: type.id, balance: balance.toFixed(2), usedYearToDate: used.toFixed(2), asOf };
}
