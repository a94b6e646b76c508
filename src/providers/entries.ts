/**
 * What a provider's definition hands the CLI, loaded only when asked for: its sandbox alone
 * (`hrgraph sandbox --provider`) and its demo accounts over a running sandbox (`serve --demo`).
 * Both are reached through dynamic imports, so a production `serve` never loads a sandbox or
 * faker. Sandbox types are imported as types only: they vanish from the built code.
 */
import type { SyntheticCompany } from '../sandbox/company/types.js';
import type { AccountConfig } from './account-config.js';
import type { SandboxFiles } from './sandbox-file.js';

export interface SandboxListen {
  readonly port: number;
  readonly host: string;
}

/** A provider's standalone sandbox, running: how to reach it, and a way out. */
export interface StartedSandbox {
  /** The banner: where it listens and the sandbox-only credentials that work against it. */
  readonly lines: readonly string[];
  close(): Promise<void>;
}

/** A provider's sandbox, running in-process for demo mode, with the accounts it serves. */
export interface DemoSandbox {
  /** The provider as people name it: `Google Workspace`. */
  readonly label: string;
  /** Where its sandbox listens. */
  readonly url: string;
  readonly accounts: readonly AccountConfig[];
  close(): Promise<void>;
}

/** Starts the provider's emulator alone over `company`; key files it hands out go in `files`. */
export type SandboxEntry = (
  company: SyntheticCompany,
  listen: SandboxListen,
  files: SandboxFiles,
) => Promise<StartedSandbox>;

/** Starts the provider's emulator in-process over `company`, and its demo accounts. */
export type DemoEntry = (company: SyntheticCompany) => Promise<DemoSandbox>;
