/** What every scenario is given and gives back. */
import type { Hosts } from '../hosts/hosts.js';
import type { ScenarioRow } from '../measure/row.js';
import type { BenchOptions, Profile, ScenarioName } from '../options.js';

export interface ScenarioContext {
  readonly options: BenchOptions;
  readonly hosts: Hosts;
  /** Progress, to stderr: the table is stdout's. */
  log(line: string): void;
}

export interface Scenario {
  readonly name: ScenarioName;
  /** One row, or one per size (the walk). */
  run(ctx: ScenarioContext): Promise<ScenarioRow[]>;
}

/** A value for each profile. */
export type PerProfile<T> = Readonly<Record<Profile, T>>;

/** The account every scenario reads: OAuth, so the list call is BambooHR's own GET /v1/employees. */
export const ACCOUNT = 'acme-oauth';
