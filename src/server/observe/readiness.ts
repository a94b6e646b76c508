/**
 * Whether this process should be sent traffic (/readyz): each check answers true or false, none
 * may take longer than `timeoutMs` (a store that hangs is a store that fails), and the report
 * names each check's verdict, nothing else: no error message, no path, no account.
 */

/** A check: true when fine. A throw or a timeout counts as false. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, 'ok' | 'failed'>>;
}

export interface ReadinessOptions {
  /** By name, in the order the report lists them: `store`, `accounts`, `draining`… */
  readonly checks: Readonly<Record<string, ReadinessCheck>>;
  /** The longest one check may take. @default 2000 */
  readonly timeoutMs?: number;
}

export type Readiness = () => Promise<ReadinessReport>;

export function createReadiness(options: ReadinessOptions): Readiness {
  const { checks, timeoutMs = 2_000 } = options;
  async function verdict(check: ReadinessCheck): Promise<'ok' | 'failed'> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      const fine = await Promise.race([Promise.resolve().then(check), late]);
      return fine ? 'ok' : 'failed';
    } catch {
      return 'failed';
    } finally {
      clearTimeout(timer);
    }
  }
  return async function readiness() {
    const names = Object.keys(checks);
    const verdicts = await Promise.all(names.map((name) => verdict(checks[name]!)));
    const report = Object.fromEntries(names.map((name, i) => [name, verdicts[i]!]));
    return { ready: verdicts.every((v) => v === 'ok'), checks: report };
  };
}
