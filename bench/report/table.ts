/**
 * The report as a Markdown table: the same text goes to stdout and into the README.
 */
import type { ScenarioRow } from '../measure/row.js';

const int = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('en-US');
const ms = (n: number | null | undefined) =>
  n === null || n === undefined
    ? '—'
    : n < 10
      ? n.toFixed(1)
      : Math.round(n).toLocaleString('en-US');
const times = (n: number | null | undefined) =>
  n === null || n === undefined
    ? '—'
    : `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}×`;
const rate = (n: number | null | undefined) =>
  n === null || n === undefined
    ? '—'
    : n < 10
      ? n.toFixed(1)
      : Math.round(n).toLocaleString('en-US');

function calls(row: ScenarioRow): string {
  const naive = row.naive?.calls ?? null;
  return `${int(row.hrgraph.calls)} / ${int(row.minimum.calls)} / ${int(row.hand.calls)} / ${int(naive)}`;
}

function throughput(row: ScenarioRow): string {
  if (row.hrgraph.throughput === undefined) return '—';
  return `${rate(row.hrgraph.throughput)} / ${rate(row.hand.throughput)} / ${rate(row.naive?.throughput)}`;
}

const header = [
  'scenario',
  'calls: hrgraph / min / hand / naive',
  'round trips: hrgraph / min',
  'p50 ms: hrgraph / hand',
  'p50 hrgraph ÷ hand',
  'p95 hrgraph ÷ hand',
  'p50 naive ÷ hrgraph',
  'throughput/s: hrgraph / hand / naive',
  'peak RSS MiB',
];

export function formatTable(rows: readonly ScenarioRow[]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`,
  ];
  for (const row of rows) {
    const cells = [
      row.scenario,
      calls(row),
      `${int(row.hrgraph.roundTrips)} / ${int(row.minimum.roundTrips)}`,
      `${ms(row.hrgraph.latency.p50Ms)} / ${ms(row.hand.latency.p50Ms)}`,
      times(row.ratios.p50),
      times(row.ratios.p95),
      times(row.ratios.naiveP50),
      throughput(row),
      row.hrgraph.peakRssMiB === undefined || row.hrgraph.peakRssMiB === null
        ? '—'
        : String(row.hrgraph.peakRssMiB),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** What each row measured, and anything to know about it. */
export function formatLegend(rows: readonly ScenarioRow[]): string {
  return rows
    .map((row) => {
      const notes = row.notes.length > 0 ? ` ${row.notes.join(' ')}` : '';
      return `- **${row.scenario}**: ${row.shape}; calls per ${row.per}.${notes}`;
    })
    .join('\n');
}

export function formatProblems(rows: readonly ScenarioRow[]): string[] {
  return rows.flatMap((row) => row.problems.map((p) => `${row.scenario}: ${p}`));
}
