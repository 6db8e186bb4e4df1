/**
 * A Neo4j that is not there, through the real neo4j-driver (no Neo4j runs here; these stand in for
 * a stopped and a frozen one): a port that refuses connections, and a blackhole server that
 * accepts connections and never answers. The API must answer SERVICE_UNAVAILABLE within 3 s,
 * open its circuit so that later requests fail at once, say so on /ready, and stay up.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError, StoreUnavailableError } from '../src/errors.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { freePort } from './support/child-server.js';
import { serve, type GraphQLResponse, type TestServer } from './support/http-client.js';

/** The bound for an answer during an outage. */
const OUTAGE_ANSWER_MS = 3_000;
const QUERY = '{ parks(first: 2) { totalCount nodes { name city { name } } } }';

/** Accepts every connection, reads what comes, answers nothing: a frozen server, or not Neo4j at all. */
async function blackhole(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function neo4jAt(port: number, options: { timeoutMs?: number; connectTimeoutMs?: number } = {}): Neo4jStore {
  return new Neo4jStore({
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: 'not-used',
    database: 'neo4j',
    timeoutMs: options.timeoutMs ?? 10_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 1_000,
  });
}

interface Answer {
  status: number;
  ms: number;
  body: GraphQLResponse;
}

async function ask(server: TestServer, query = QUERY): Promise<Answer> {
  const started = performance.now();
  const res = await server.post(JSON.stringify({ query }));
  return { status: res.status, ms: performance.now() - started, body: (await res.json()) as GraphQLResponse };
}

/**
 * The outage as clients see it: a first wave of concurrent requests while the circuit is still
 * closed, then requests once it is open. Returns the figures for the report.
 */
async function expectOutageHandled(server: TestServer): Promise<{ firstWaveMaxMs: number; openMaxMs: number }> {
  const firstWave = await Promise.all(Array.from({ length: 20 }, () => ask(server)));
  for (const a of firstWave) {
    expect(a.body.errors).toHaveLength(1);
    expect(a.body.errors![0]).toMatchObject({
      message: 'The graph store is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(a.status).toBe(503);
    expect(a.ms).toBeLessThan(OUTAGE_ANSWER_MS);
    expect(JSON.stringify(a.body)).not.toMatch(/127\.0\.0\.1|bolt|ECONNREFUSED|acquisition|at .*\.ts/);
  }
  expect(server.guarded.state.circuit).toBe('open');
  const whileOpen = [];
  for (let i = 0; i < 10; i++) whileOpen.push(await ask(server));
  for (const a of whileOpen) {
    expect(a.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(a.ms).toBeLessThan(1_000); // no store round trip at all
  }
  const started = performance.now();
  const ready = await fetch(`${server.url}/ready`);
  expect(performance.now() - started).toBeLessThan(1_000);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ready: false, store: false, circuit: 'open' });
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'degraded', engine: 'neo4j', circuit: 'open' });
  // Still serving what needs no store.
  expect((await ask(server, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  return {
    firstWaveMaxMs: Math.round(Math.max(...firstWave.map((a) => a.ms))),
    openMaxMs: Math.round(Math.max(...whileOpen.map((a) => a.ms))),
  };
}

describe('Neo4j on a port that refuses connections (a stopped server)', () => {
  let store: Neo4jStore;
  let server: TestServer;
  beforeAll(async () => {
    store = neo4jAt(await freePort());
    server = await serve(store, true, { requestTimeoutMs: 10_000, storeGuard: { probeIntervalMs: 500 } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('answers SERVICE_UNAVAILABLE within 3 s, opens the circuit, then fails at once; /ready 503', async () => {
    const figures = await expectOutageHandled(server);
    console.log(
      `refused port: first wave of 20 max ${figures.firstWaveMaxMs} ms, circuit open max ${figures.openMaxMs} ms`,
    );
  });

  it('the adapter itself fails with StoreUnavailableError, not a driver error, well within its budget', async () => {
    const started = performance.now();
    const error = await store.read('RETURN 1 AS ok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeLessThan(OUTAGE_ANSWER_MS);
    expect(await store.health({ timeoutMs: 500 })).toMatchObject({ engine: 'neo4j', ok: false });
  });
});

describe('Neo4j behind a server that accepts connections and never answers (a frozen server)', () => {
  let hole: Awaited<ReturnType<typeof blackhole>>;
  let store: Neo4jStore;
  let server: TestServer;
  beforeAll(async () => {
    hole = await blackhole();
    store = neo4jAt(hole.port, { connectTimeoutMs: 1_000 });
    server = await serve(store, true, { requestTimeoutMs: 10_000, storeGuard: { probeIntervalMs: 500 } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await hole?.close();
  });

  it('answers SERVICE_UNAVAILABLE within 3 s (connection acquisition bounded), opens the circuit; /ready 503', async () => {
    const figures = await expectOutageHandled(server);
    expect(hole.connections()).toBeGreaterThan(0); // the driver did connect: the silence is what failed
    console.log(
      `blackhole: first wave of 20 max ${figures.firstWaveMaxMs} ms, circuit open max ${figures.openMaxMs} ms`,
    );
  });

  it("the call's own budget bounds it when that is shorter than the connect limit: TIMEOUT, not a hang", async () => {
    const slowConnect = neo4jAt(hole.port, { connectTimeoutMs: 5_000 });
    try {
      const started = performance.now();
      const error = await slowConnect.read('RETURN 1 AS ok', {}, { timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect((error as Error).message).toBe('query exceeded the 300 ms time limit');
      expect(performance.now() - started).toBeLessThan(300 + 1_500);
    } finally {
      await slowConnect.close();
    }
  });
});
