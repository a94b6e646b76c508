/**
 * Why a server could not listen, said so the user can act: a port in use (a second `npm start`)
 * names the port and the option that picks another, written the way the user started hrgraph
 * (`npm start -- --port 4001` needs the `--` that npm wants before a script's own options).
 */

export interface ListenTarget {
  readonly port: number;
  readonly host: string;
  /** The command as typed without npm: `hrgraph serve`. */
  readonly command: string;
  /** The package.json script that runs it: `start`, `sandbox`. */
  readonly npmScript: string;
  /** The environment, to tell whether npm ran us (npm_lifecycle_event). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function retryWith(target: ListenTarget, port: number): string {
  if ((target.env ?? process.env).npm_lifecycle_event !== target.npmScript) {
    return `${target.command} --port ${port}`;
  }
  const npm = target.npmScript === 'start' ? 'npm start' : `npm run ${target.npmScript}`;
  return `${npm} -- --port ${port}`;
}

/** A user's error for what they can fix, or the error itself when it is not theirs. */
export function listenError(error: unknown, target: ListenTarget): unknown {
  const { port, host } = target;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new Error(
      `port ${port} on ${host} is already in use (another hrgraph?); choose another with --port: ${retryWith(target, port < 65535 ? port + 1 : 4000)}`,
    );
  }
  if (code === 'EACCES') {
    return new Error(
      `not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges); choose one above 1023 with --port`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new Error(`cannot listen on ${host}: not an address of this machine (--host)`);
  }
  return error;
}
