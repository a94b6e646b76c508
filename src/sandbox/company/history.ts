/**
 * A person's career: job rows (promotions and transfers) and employment status rows, built
 * backwards from where the structure says they are today so the last row always agrees with it.
 */
import { NO_DAY, nextWeekday } from './dates.js';
import { Level, type Org } from './org.js';
import type { Rng } from './random.js';
import type { Structure } from './structure.js';
import type { EmploymentStatusName } from './types.js';

export interface JobStep {
  readonly day: number;
  readonly department: number;
  readonly level: number;
  readonly manager: number;
}

export interface StatusStep {
  readonly day: number;
  readonly status: EmploymentStatusName;
}

export interface Career {
  readonly jobs: readonly JobStep[];
  readonly statuses: readonly StatusStep[];
}

const STARTING: readonly EmploymentStatusName[] = [
  'Full-Time',
  'Part-Time',
  'Contractor',
  'Intern',
  'Temporary',
];
const STARTING_WEIGHTS = [0.84, 0.05, 0.05, 0.035, 0.025];
/** Chance that someone who did not start full-time has since been made full-time. */
const CONVERSION: Readonly<Record<string, number>> = {
  'Part-Time': 0.25,
  Contractor: 0.3,
  Intern: 0.85,
  Temporary: 0.5,
};

function startingStatus(rng: Rng, fixedLevel: number): EmploymentStatusName {
  if (fixedLevel !== -1) return 'Full-Time';
  return STARTING[rng.weighted(STARTING_WEIGHTS)] ?? 'Full-Time';
}

function individualLevel(rng: Rng, status: EmploymentStatusName, years: number): number {
  if (status === 'Intern') return Level.intern;
  if (status !== 'Full-Time') return Level.individual;
  let level: number = years > 1.5 ? Level.individual : Level.associate;
  if (years > 4 && rng.chance(0.6)) level = Level.senior;
  if (level < Level.senior && rng.chance(0.2)) level += 1;
  return level;
}

/** Distinct weekdays in [from, to], ascending. */
function changeDays(rng: Rng, count: number, from: number, to: number): number[] {
  const days = new Set<number>();
  for (let i = 0; i < count * 2 && days.size < count; i++) {
    const day = nextWeekday(from + Math.floor(rng.next() * (to - from + 1)));
    if (day <= to) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

function otherDepartment(rng: Rng, org: Org, current: number): number {
  for (let tries = 0; tries < 8; tries++) {
    const d = rng.weighted(org.departmentWeights);
    if (d !== current && d !== org.executiveIndex) return d;
  }
  return current;
}

export function buildCareer(
  rng: Rng,
  org: Org,
  structure: Structure,
  id: number,
  todayDay: number,
): Career {
  const k = id - 1;
  const hire = structure.hireDay[k] ?? 0;
  const termination = structure.terminationDay[k] ?? NO_DAY;
  const end = termination !== NO_DAY ? termination : todayDay;
  const fixedLevel = structure.level[k] ?? -1;
  const start = startingStatus(rng, fixedLevel);

  const statuses: StatusStep[] = [{ day: hire, status: start }];
  let conversion = NO_DAY;
  // Nobody stays an intern for more than a year.
  const chance = start === 'Intern' && end - hire > 365 ? 1 : (CONVERSION[start] ?? 0);
  if (start !== 'Full-Time' && end - hire > 75 && rng.chance(chance)) {
    conversion = changeDays(rng, 1, hire + 60, Math.min(end - 1, hire + 400))[0] ?? NO_DAY;
    if (conversion > hire) statuses.push({ day: conversion, status: 'Full-Time' });
  }
  const current = (statuses[statuses.length - 1] as StatusStep).status;
  if (termination !== NO_DAY) statuses.push({ day: termination, status: 'Terminated' });

  const years = (end - hire) / 365.25;
  const level = fixedLevel !== -1 ? fixedLevel : individualLevel(rng, current, years);
  const department = structure.department[k] ?? 0;
  const manager = structure.manager[k] ?? 0;
  if (id === 1) return { jobs: [{ day: hire, department, level, manager }], statuses };

  let changes = changeDays(rng, rng.int(0, Math.min(3, Math.floor(years / 1.2))), hire + 90, end);
  if (start === 'Intern' && conversion > hire) {
    // An intern's first change is becoming staff.
    changes = [conversion, ...changes.filter((day) => day > conversion)].slice(0, 3);
  }
  const jobs: JobStep[] = [];
  let step: JobStep = { day: changes[changes.length - 1] ?? hire, department, level, manager };
  for (let i = changes.length - 1; i >= 0; i--) {
    jobs.push(step);
    const day = changes[i - 1] ?? hire;
    const promoted =
      step.level >= Level.senior || (step.level >= Level.individual && rng.chance(0.6));
    if (step.day === conversion) {
      step = { day, department: step.department, level: Level.intern, manager: step.manager };
    } else if (promoted) {
      step = { day, department: step.department, level: step.level - 1, manager: step.manager };
    } else {
      const moved = otherDepartment(rng, org, step.department);
      const head = structure.departmentHead[moved] ?? 0;
      const boss = head > 0 && head < id ? head : step.manager;
      step = { day, department: moved, level: step.level, manager: boss };
    }
  }
  jobs.push(step);
  jobs.reverse();
  return { jobs, statuses };
}
