/** What each provider's standalone sandbox hands the command: how to reach it, and a way out. */
export interface StartedSandbox {
  /** The banner: where it listens and the sandbox-only credentials that work against it. */
  readonly lines: readonly string[];
  close(): Promise<void>;
}

export interface SandboxListen {
  readonly port: number;
  readonly host: string;
}
