/**
 * A server in a child process, for tests about the process itself (does it stay up, what does it
 * log, how does it exit): `src/main.ts` as `npm start` runs it, or the fault server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A loopback port nothing listens on (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Waits until the output matches, or fails after `ms`. */
  waitForOutput(pattern: RegExp, ms?: number): Promise<void>;
  stop(): Promise<number | null>;
}

/** Starts `script` (a TypeScript entry point) with `env` on a free port; resolves when it serves. */
export async function startChildServer(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForOutput = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(out)) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
      if (Date.now() > until) throw new Error(`no ${pattern} in the server's output within ${ms} ms:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitForOutput(/GraphQL ready/, 90_000);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    exited,
    waitForOutput,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
