/**
 * XML forms of the table endpoints, after BambooHR's classic documents: `<table><row id
 * employeeId><field id="date">…</field>…</row></table>`, and for changed tables rows grouped
 * under `<employee id lastChanged>`. A `{value, currency}` amount becomes text plus a
 * `currency` attribute, as the directory's currency fields are written (spec XmlDirectoryEmployee).
 */
import type { TableRow, TableValue } from './rows.js';

function fieldXml(id: string, value: TableValue) {
  if (value !== null && typeof value === 'object') {
    return { '@_id': id, '@_currency': value.currency, '#text': value.value };
  }
  return { '@_id': id, '#text': value ?? '' };
}

function fieldsXml(row: TableRow) {
  return Object.entries(row).map(([id, value]) => fieldXml(id, value));
}

export function tableXml(rows: readonly TableRow[]) {
  return {
    table: {
      row: rows.map(function rowXml({ id, employeeId, ...fields }) {
        return { '@_id': id, '@_employeeId': employeeId, field: fieldsXml(fields) };
      }),
    },
  };
}

export function changedTableXml(body: {
  table: string;
  employees: Record<string, { lastChanged: string; rows: TableRow[] }>;
}) {
  return {
    table: {
      '@_id': body.table,
      employee: Object.entries(body.employees).map(([id, entry]) => ({
        '@_id': id,
        '@_lastChanged': entry.lastChanged,
        row: entry.rows.map((row) => ({ field: fieldsXml(row) })),
      })),
    },
  };
}
