/** Divisions, departments, locations and job titles: the frame people are placed into. */
import {
  CORE_OFFICES,
  type DepartmentTemplate,
  DIVISIONS,
  type DivisionTemplate,
  EXECUTIVE,
  HEADQUARTERS,
  type LocationTemplate,
  OTHER_OFFICES,
  REMOTE,
} from './org-catalog.js';
import type { Rng } from './random.js';
import type { Department, JobTitle, Location, OrgUnit } from './types.js';

/** Title levels, lowest first; the index into each department's ladder. */
export const Level = {
  intern: 0,
  associate: 1,
  individual: 2,
  senior: 3,
  manager: 4,
  director: 5,
  vicePresident: 6,
} as const;

export interface Org {
  readonly divisions: readonly OrgUnit[];
  readonly departments: readonly Department[];
  readonly locations: readonly Location[];
  readonly jobTitles: readonly JobTitle[];
  /** Per department index: relative headcount and pay factor. */
  readonly departmentWeights: readonly number[];
  readonly departmentPay: readonly number[];
  /** Per department index: job title id by level. */
  readonly ladders: readonly (readonly number[])[];
  readonly locationWeights: readonly number[];
  /** Department index of the CEO's department (always 0). */
  readonly executiveIndex: 0;
}

const EXECUTIVE_LADDER = [
  'Executive Office Intern',
  'Executive Assistant',
  'Senior Executive Assistant',
  'Chief of Staff',
  'Head of Executive Operations',
  'Chief Operating Officer',
  'Chief Executive Officer',
];

function ladderFor(template: DepartmentTemplate): string[] {
  if (template === EXECUTIVE) return EXECUTIVE_LADDER;
  const { name, role } = template;
  return [
    `${role} Intern`,
    `Associate ${role}`,
    role,
    `Senior ${role}`,
    `${name} Manager`,
    `Director of ${name}`,
    `VP of ${name}`,
  ];
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** 4–8 divisions and 12–20 departments (Executive included), each division with at least two. */
function pickDepartments(rng: Rng): [DivisionTemplate, DepartmentTemplate[]][] {
  const [corporate, ...others] = DIVISIONS as [DivisionTemplate, ...DivisionTemplate[]];
  const divisionCount = rng.int(4, 8);
  const chosen = [corporate, ...shuffled(rng, others).slice(0, divisionCount - 1)];
  chosen.sort((a, b) => DIVISIONS.indexOf(a) - DIVISIONS.indexOf(b));
  const available = chosen.reduce((sum, d) => sum + d.departments.length, 1);
  const target = rng.int(Math.max(12, 2 * divisionCount + 1), Math.min(20, available));
  const picked = new Set<DepartmentTemplate>([EXECUTIVE]);
  const rest: DepartmentTemplate[] = [];
  for (const division of chosen) {
    const [a, b, ...more] = shuffled(rng, division.departments);
    picked.add(a as DepartmentTemplate).add(b as DepartmentTemplate);
    rest.push(...more);
  }
  for (const extra of shuffled(rng, rest)) {
    if (picked.size >= target) break;
    picked.add(extra);
  }
  return chosen.map(function departmentsOf(division) {
    const own = division.departments.filter((d) => picked.has(d));
    return [division, division === corporate ? [EXECUTIVE, ...own] : own];
  });
}

function pickLocations(rng: Rng): LocationTemplate[] {
  const count = rng.int(6, 10);
  const extra = shuffled(rng, OTHER_OFFICES).slice(0, count - 2 - CORE_OFFICES.length);
  const offices = [...CORE_OFFICES, ...extra].sort((a, b) => a.name.localeCompare(b.name));
  return [HEADQUARTERS, ...offices, REMOTE];
}

export function buildOrg(rng: Rng): Org {
  const divisions: OrgUnit[] = [];
  const departments: Department[] = [];
  const jobTitles: JobTitle[] = [];
  const departmentWeights: number[] = [];
  const departmentPay: number[] = [];
  const ladders: number[][] = [];
  for (const [division, templates] of pickDepartments(rng)) {
    const divisionId = divisions.length + 1;
    divisions.push({ id: divisionId, name: division.name });
    for (const template of templates) {
      const departmentId = departments.length + 1;
      departments.push({ id: departmentId, name: template.name, divisionId });
      departmentWeights.push(template.weight);
      departmentPay.push(template.payFactor);
      ladders.push(
        ladderFor(template).map(function addTitle(name) {
          const id = jobTitles.length + 1;
          jobTitles.push({ id, name, departmentId });
          return id;
        }),
      );
    }
  }
  const templates = pickLocations(rng);
  const locations: Location[] = templates.map(function toLocation(t, index) {
    const { weight: _weight, ...rest } = t;
    return { id: index + 1, ...rest };
  });
  return {
    divisions,
    departments,
    locations,
    jobTitles,
    departmentWeights,
    departmentPay,
    ladders,
    locationWeights: templates.map((t) => t.weight),
    executiveIndex: 0,
  };
}
