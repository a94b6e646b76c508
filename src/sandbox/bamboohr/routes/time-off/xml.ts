/**
 * XML forms of the time-off endpoints, which answer XML unless the client accepts JSON. The spec
 * gives no XML schema for them; these follow BambooHR's classic documents (`<requests>`,
 * `<calendar>`, `<balances>`), attributes for ids and text for values.
 */
import type { BalanceJson, PolicyJson } from './policies.js';
import type { TimeOffRequestJson } from './requests.js';
import type { WhosOutEntry } from './whos-out.js';

export function requestsXml(requests: readonly TimeOffRequestJson[]) {
  return {
    requests: {
      request: requests.map(function requestXml(r) {
        return {
          '@_id': r.id,
          employee: { '@_id': r.employeeId, '#text': r.name },
          status: {
            '@_lastChanged': r.status.lastChanged,
            '@_lastChangedByUserId': r.status.lastChangedByUserId,
            '#text': r.status.status,
          },
          start: r.start,
          end: r.end,
          created: r.created,
          type: { '@_id': r.type.id, '@_icon': r.type.icon, '#text': r.type.name },
          amount: { '@_unit': r.amount.unit, '#text': r.amount.amount },
          actions: r.actions,
          dates: {
            date: Object.entries(r.dates).map(([ymd, amount]) => ({
              '@_ymd': ymd,
              '#text': amount,
            })),
          },
          ...(r.notes === undefined
            ? {}
            : {
                notes: {
                  note: Object.entries(r.notes).map(([from, text]) => ({
                    '@_from': from,
                    '#text': text,
                  })),
                },
              }),
        };
      }),
    },
  };
}

export function whosOutXml(entries: readonly WhosOutEntry[]) {
  return {
    calendar: {
      item: entries.map(function itemXml(entry) {
        const who =
          entry.type === 'timeOff'
            ? { employee: { '@_id': entry.employeeId, '#text': entry.name } }
            : { holiday: { '@_id': entry.id, '#text': entry.name } };
        return {
          '@_type': entry.type,
          ...(entry.type === 'timeOff' ? { request: { '@_id': entry.id } } : {}),
          ...who,
          start: entry.start,
          end: entry.end,
        };
      }),
    },
  };
}

export function typesXml(body: {
  timeOffTypes: ReadonlyArray<{
    id: number;
    name: string;
    units: string;
    color: string;
    icon: string;
  }>;
  defaultHours: ReadonlyArray<{ name: string; amount: string }>;
}) {
  return {
    timeOffTypes: {
      timeOffType: body.timeOffTypes.map((t) => ({
        '@_id': t.id,
        name: t.name,
        units: t.units,
        color: t.color,
        icon: t.icon,
      })),
      defaultHours: {
        day: body.defaultHours.map((d) => ({ '@_name': d.name, '#text': d.amount })),
      },
    },
  };
}

export function policiesXml(policies: readonly PolicyJson[]) {
  return {
    timeOffPolicies: {
      timeOffPolicy: policies.map((p) => ({
        '@_id': p.id,
        '@_timeOffTypeId': p.timeOffTypeId,
        '@_type': p.type,
        name: p.name,
      })),
    },
  };
}

export function balancesXml(balances: readonly BalanceJson[]) {
  return {
    balances: {
      timeOffType: balances.map((b) => ({
        '@_id': b.timeOffType,
        name: b.name,
        units: b.units,
        balance: b.balance,
        end: b.end,
        policyType: b.policyType,
        usedYearToDate: b.usedYearToDate,
      })),
    },
  };
}
