/**
 * `npm run bench`: every scenario against the sandbox, hrgraph beside its baselines, a table on
 * stdout and the numbers in bench/results/latest.json. Exits non-zero when hrgraph's calls differ
 * from the computed minimum, or anything else the rows flag as a problem.
 */
import './loopback-only.js';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { foreignCpuText, hostsText, runBench } from './bench.js';
import { childHosts, inProcessHosts } from './hosts/hosts.js';
import { parseBenchArgs } from './options.js';
import { replaceReadmeTable } from './report/readme.js';
import { formatLegend, formatProblems, formatTable } from './report/table.js';

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if ('help' in options) {
    process.stdout.write(`${options.help}\n`);
    return 0;
  }
  const hosts = options.processes ? childHosts : inProcessHosts;
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  log(
    `latency ${options.latencyMs} ms per provider call, profile ${options.profile}, hosts ${hosts.name}`,
  );
  const results = await runBench(options, hosts, log);
  await mkdir(dirname(options.out), { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves half a file.
  await writeFile(`${options.out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  await rename(`${options.out}.tmp`, options.out);
  const { machine } = results;
  process.stdout.write(
    `\n${formatTable(results.rows)}\n\n${formatLegend(results.rows)}\n\n` +
      `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}; ` +
      `provider latency ${options.latencyMs} ms per call; ${hostsText(options)}; ` +
      `${foreignCpuText(results)}. ` +
      `\`${results.command}\`; JSON in ${options.out}\n`,
  );
  for (const row of results.rows)
    if (row.cpuProfile)
      process.stdout.write(
        `CPU profile of hrgraph in ${row.scenario}: ${row.cpuProfile} (the profiler's sampling is in its CPU and latency above)\n`,
      );
  if ((results.foreignCpu.whole ?? 0) > 0.1)
    log(`the machine was shared (${foreignCpuText(results)}): latencies are noisy`);
  if (options.readme) {
    const readme = await readFile('README.md', 'utf8');
    await writeFile('README.md', replaceReadmeTable(readme, results));
    log('README.md: Benchmarks table rewritten');
  }
  const problems = formatProblems(results.rows);
  for (const problem of problems) process.stderr.write(`PROBLEM ${problem}\n`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
