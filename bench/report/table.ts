/**
 * The report as a Markdown table: the same text goes to stdout and into the README.
 */
import type { ContenderResult, ScenarioRow } from '../measure/row.js';

type Maybe = number | null | undefined;

const known = (n: Maybe): n is number => n !== null && n !== undefined && Number.isFinite(n);
const int = (n: Maybe) => (known(n) ? n.toLocaleString('en-US') : '—');
/** Two significant decimals below 1, one below 10, whole numbers above. */
const num = (n: Maybe) =>
  !known(n)
    ? '—'
    : n < 1
      ? n.toFixed(2)
      : n < 10
        ? n.toFixed(1)
        : Math.round(n).toLocaleString('en-US');
const times = (n: Maybe) =>
  known(n) ? `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}×` : '—';

/** `a / b / …`, or a dash when none of them is known. */
const each = (format: (n: Maybe) => string, values: readonly Maybe[]) =>
  values.some(known) ? values.map(format).join(' / ') : '—';

const header = [
  'scenario',
  'calls: hrgraph / min / server / script / naive',
  'round trips: hrgraph / min',
  'p50 ms: hrgraph / server / script',
  'p50 hrgraph ÷ server',
  'p95 hrgraph ÷ server',
  'p50 hrgraph ÷ script',
  'CPU ms/request: hrgraph / server',
  'CPU µs/employee-field: hrgraph / server',
  'throughput/s: hrgraph / server / script / naive',
  'peak RSS MiB: hrgraph / server',
  'p50 naive ÷ hrgraph',
];

function cells(row: ScenarioRow): string[] {
  const { hrgraph, server, script, naive, ratios } = row;
  const all: readonly (ContenderResult | null)[] = [hrgraph, server, script, naive];
  return [
    row.scenario,
    `${int(hrgraph.calls)} / ${int(row.minimum.calls)} / ${int(server.calls)} / ${int(script.calls)} / ${int(naive?.calls)}`,
    `${int(hrgraph.roundTrips)} / ${int(row.minimum.roundTrips)}`,
    each(num, [hrgraph.latency.p50Ms, server.latency.p50Ms, script.latency.p50Ms]),
    times(ratios.p50),
    times(ratios.p95),
    times(ratios.scriptP50),
    each(num, [hrgraph.cpuMsPerRequest, server.cpuMsPerRequest]),
    each(num, [row.cpuUsPerField?.hrgraph, row.cpuUsPerField?.server]),
    each(
      num,
      all.map((c) => c?.throughput),
    ),
    each(num, [hrgraph.peakRssMiB, server.peakRssMiB]),
    times(ratios.naiveP50),
  ];
}

export function formatTable(rows: readonly ScenarioRow[]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`,
  ];
  for (const row of rows) lines.push(`| ${cells(row).join(' | ')} |`);
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
