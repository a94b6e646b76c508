/**
 * Who works where, since when, for whom: the skeleton every other concern hangs on.
 *
 * Kept in typed arrays indexed by `id - 1` so that 100,000 people cost a few megabytes here.
 * Ids follow hire order, and a manager is always someone hired earlier with a lower id, which
 * makes the reporting tree acyclic by construction.
 */
import { NO_DAY, nextWeekday, startOfYear, yearOf } from './dates.js';
import { Level, type Org } from './org.js';
import type { Rng } from './random.js';

export interface Structure {
  readonly size: number;
  readonly hireDay: Int32Array;
  /** Day of termination, or NO_DAY. */
  readonly terminationDay: Int32Array;
  readonly department: Int32Array;
  readonly location: Int32Array;
  /** Manager id, or 0 for the CEO. */
  readonly manager: Int32Array;
  readonly activeReports: Int32Array;
  /** Title level fixed by the person's place in the tree, or -1 for individual contributors. */
  readonly level: Int8Array;
  /** Per department index: id of its head, or 0 while the department is empty. */
  readonly departmentHead: Int32Array;
}

/** Headcount grows roughly exponentially: more people were hired recently than long ago. */
const GROWTH = 2.5;
const TERMINATION_RATE = 0.105;
const FOUNDERS = 5;

/** Monotone hire dates from about 16 years before `today` to two weeks before it. */
function hireDays(size: number, todayDay: number): Int32Array {
  const start = startOfYear(yearOf(todayDay) - 16) + 3;
  const span = todayDay - 14 - start;
  const days = new Int32Array(size);
  const scale = Math.exp(GROWTH) - 1;
  for (let k = 0; k < size; k++) {
    const t = k < FOUNDERS ? 0 : k / (size - 1);
    days[k] = nextWeekday(start + Math.floor((span * Math.log1p(t * scale)) / GROWTH));
  }
  return days;
}

interface Slot {
  id: number;
  capacity: number;
}

/** A department's managers with room, oldest first: filling breadth-first keeps spans at 3–9. */
class SlotQueue {
  private readonly slots: Slot[] = [];
  private head = 0;
  push(id: number, capacity: number): void {
    this.slots.push({ id, capacity });
  }
  peek(): number {
    return this.slots[this.head]?.id ?? 0;
  }
  take(): number {
    const slot = this.slots[this.head];
    if (!slot) return 0;
    slot.capacity -= 1;
    if (slot.capacity <= 0) this.head += 1;
    return slot.id;
  }
}

export function buildStructure(size: number, org: Org, rng: Rng, todayDay: number): Structure {
  const hireDay = hireDays(size, todayDay);
  const terminationDay = new Int32Array(size).fill(NO_DAY);
  const department = new Int32Array(size);
  const location = new Int32Array(size);
  const manager = new Int32Array(size);
  const activeReports = new Int32Array(size);
  const level = new Int8Array(size).fill(-1);

  const departmentCount = org.departments.length;
  const queues = Array.from({ length: departmentCount }, () => new SlotQueue());
  const departmentHead = new Int32Array(departmentCount);
  const divisionHead = new Int32Array(org.divisions.length + 1);
  const divisionOf = org.departments.map((d) => d.divisionId);

  // The CEO heads the Executive department and keeps a small staff.
  level[0] = Level.vicePresident;
  departmentHead[org.executiveIndex] = 1;
  queues[org.executiveIndex]?.push(1, 3);

  for (let id = 2; id <= size; id++) {
    const k = id - 1;
    const d = rng.weighted(org.departmentWeights);
    const hire = hireDay[k] ?? 0;
    department[k] = d;
    const terminated = rng.chance(TERMINATION_RATE) && hire <= todayDay - 30;
    if (terminated) {
      terminationDay[k] = nextWeekday(hire + 14 + Math.floor(rng.next() * (todayDay - hire - 16)));
    }
    const queue = queues[d] as SlotQueue;
    const division = divisionOf[d] ?? 0;
    let boss: number;
    if (terminated) {
      // Former staff keep the manager they had; they never manage anyone still active.
      boss = queue.peek() || departmentHead[d] || divisionHead[division] || 1;
    } else if (departmentHead[d] === 0) {
      departmentHead[d] = id;
      if (divisionHead[division] === 0) {
        divisionHead[division] = id;
        level[k] = Level.vicePresident;
        boss = 1;
      } else {
        level[k] = Level.director;
        boss = divisionHead[division] ?? 1;
      }
      queue.push(id, rng.int(4, 9));
    } else {
      boss = queue.take();
      queue.push(id, rng.int(3, 8));
    }
    manager[k] = boss;
    if (!terminated) activeReports[boss - 1] = (activeReports[boss - 1] ?? 0) + 1;
    const isHead = level[k] !== -1;
    location[k] = isHead && rng.chance(0.6) ? 0 : rng.weighted(org.locationWeights);
  }
  for (let k = 1; k < size; k++) {
    if (level[k] === -1 && (activeReports[k] ?? 0) > 0) level[k] = Level.manager;
  }
  return {
    size,
    hireDay,
    terminationDay,
    department,
    location,
    manager,
    activeReports,
    level,
    departmentHead,
  };
}
