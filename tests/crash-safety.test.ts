/**
 * No request can take the process down: the server runs in a child process (the real entry point,
 * src/main.ts, or the fault server around the same src/server.ts), and the tests watch the process.
 *
 * - The timeout storm of issue #10, five times: QUERY_TIMEOUT_MS=100 and 30 concurrent requests of
 *   chain leaders plus 100 projects with their operators, parks, chains, city and documents. It
 *   killed the process on the first wave (a DataLoader batch's TIMEOUT that nobody awaited).
 * - The process guard: an unhandled rejection is logged with its request id and counted, and the
 *   server keeps serving; an uncaught exception is logged the same way, and the process drains and
 *   exits 1 for its supervisor to restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server.js';
import type { Fault } from './support/faulty-store.js';

const STORM = `{
  chainLeaders { enterprise { name } chain { name } parks { name } evidence { quote } }
  projects(first: 100) {
    nodes { name operators { name } parks { name } chains { name } city { name } documents { id } }
  }
}`;
const BUDGET_MS = 100;
/**
 * Past the budget: 30 concurrent responses share one event loop (building the answers, HTTP),
 * on a 2-core machine shared with other test runs. Measured: 0.5–0.9 s for the slowest of 30.
 */
const STORM_MARGIN_MS = 4_000;
const CITY = '{ node(id: "city:shaoguan") { name } }';

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return { status: res.status, body, ms: performance.now() - started };
}

/** The server's first JSON log line whose message contains `text`. */
function logLine(server: ChildServer, text: string): Record<string, unknown> | undefined {
  const line = server
    .output()
    .split('\n')
    .find((l) => l.startsWith('{') && (JSON.parse(l) as { msg?: string }).msg?.includes(text));
  return line ? JSON.parse(line) : undefined;
}

async function faults(url: string): Promise<{ unhandledRejections: number; uncaughtExceptions: number }> {
  return (await (await fetch(`${url}/health`)).json()).faults;
}

describe('the timeout storm (src/main.ts, QUERY_TIMEOUT_MS=100)', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer('src/main.ts', {
      QUERY_TIMEOUT_MS: String(BUDGET_MS),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
  }, 120_000);
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it('five waves of 30: the server stays up, every request gets data or a coded error in time', async () => {
    const slowest: number[] = [];
    const seen = new Map<string, number>();
    for (let wave = 0; wave < 5; wave++) {
      const answers = await Promise.all(Array.from({ length: 30 }, () => post(server.url, STORM)));
      for (const a of answers) {
        const codes = [...new Set((a.body.errors ?? []).map((e) => e.extensions?.code ?? 'none'))];
        const key = `${a.status} ${codes.join(',') || 'data'}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        // Data, or only the codes of a request out of time or refused for load.
        expect(
          codes.every((c) => c === 'TIMEOUT' || c === 'OVERLOADED'),
          key,
        ).toBe(true);
        if (codes.length === 0) expect(a.body.data).toBeTruthy();
        expect(a.ms).toBeLessThan(BUDGET_MS + STORM_MARGIN_MS);
      }
      slowest.push(Math.round(Math.max(...answers.map((a) => a.ms))));
      expect(server.child.exitCode).toBeNull();
    }
    console.log(
      `timeout storm: slowest answer per wave ${slowest.join(', ')} ms; answers ${JSON.stringify([...seen])}`,
    );
    // Still answering, and nothing escaped a request: the guard had nothing to catch.
    expect((await post(server.url, CITY)).body).toEqual({ data: { node: { name: '韶关市' } } });
    expect(await faults(server.url)).toEqual({ unhandledRejections: 0, uncaughtExceptions: 0 });
    expect(server.output()).not.toMatch(/unhandled promise rejection|uncaught exception/);
  });
});

describe('the process guard (tests/support/fault-server.ts: src/server.ts around an injected fault)', () => {
  /** The fault server with `kind` applied to every entity batch (ENTITIES_BY_ID). */
  const faultServer = (kind: Fault['kind'], logLevel: string) =>
    startChildServer('tests/support/fault-server.ts', {
      FAULT: JSON.stringify({ kind }),
      FAULT_AT: 'ENTITIES_BY_ID',
      LOG_LEVEL: logLevel,
    });

  it('logs an unhandled rejection with its request id, counts it, and keeps serving', async () => {
    const server = await faultServer('stray-rejection', 'warn');
    try {
      const first = await post(server.url, CITY, { 'x-request-id': 'stray-1' });
      expect(first.body).toEqual({ data: { node: { name: '韶关市' } } });
      await server.waitForOutput(/unhandled promise rejection/, 10_000);
      expect(logLine(server, 'unhandled promise rejection')).toMatchObject({
        level: 50,
        requestId: 'stray-1',
        unhandledRejections: 1,
        err: { message: 'injected stray rejection' },
      });
      expect((await post(server.url, '{ node(id: "city:chenzhou") { name } }')).body).toEqual({
        data: { node: { name: '郴州市' } },
      });
      expect((await faults(server.url)).unhandledRejections).toBe(2);
      expect(server.child.exitCode).toBeNull();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('logs an uncaught exception with its request id, then drains and exits 1 for the supervisor', async () => {
    const server = await faultServer('throw-in-callback', 'info');
    try {
      // The request itself is answered: the throw comes from a callback after its store call.
      const answer = await post(server.url, CITY, { 'x-request-id': 'fatal-1' });
      expect(answer.body).toEqual({ data: { node: { name: '韶关市' } } });
      expect(
        await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]),
      ).toBe(1);
      expect(logLine(server, 'uncaught exception')).toMatchObject({
        level: 60,
        requestId: 'fatal-1',
        uncaughtExceptions: 1,
        err: { message: 'injected exception in a callback' },
      });
      expect(server.output()).toMatch(/"msg":"stopped"/); // drained and closed the store first
    } finally {
      await server.stop();
    }
  });
});
