/**
 * Faults inside a request, overload, rate limits and HTTP time limits: the real API over the real
 * embedded store seeded from cypher/, with faults injected at chosen points by FaultyStore (a
 * decorator around that store, not a mock of it). Each test checks that every request gets data
 * or a coded error within its budget plus a margin, that the server answers the next request,
 * and what /ready says. An unhandled rejection anywhere fails the run (vitest reports it).
 *
 * Margins are generous: the machine has 2 cores and is shared with other test runs.
 */
import net from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES_BY_ID } from '../src/graphql/context.js';
import { RELATION_FIELD_QUERIES } from '../src/graphql/relationships.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { FaultyStore } from './support/faulty-store.js';
import { serve, type GraphQLResponse, type TestServer } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';

const MARGIN_MS = 2_000;
const TYPED_RELATION_QUERIES = new Set(Object.values(RELATION_FIELD_QUERIES));
const CITY = '{ node(id: "city:shaoguan") { name } }';
const PARKS_WITH_ENTERPRISES = '{ parks(first: 10) { nodes { name city { name } enterprises { name } } } }';
/**
 * A list whose nested relationship field the list compiler leaves to a DataLoader batch (a field
 * with a `kinds` argument; src/graphql/list-compiler.ts): the list is one query, the field another.
 */
const DOCUMENTS_WITH_ENTITIES = '{ documents(first: 3) { nodes { name entities(first: 5) { name } } } }';

interface Timed {
  status: number;
  ms: number;
  body: GraphQLResponse;
  retryAfter: string | null;
}

async function timed(server: TestServer, query: string): Promise<Timed> {
  const started = performance.now();
  const res = await server.post(JSON.stringify({ query }));
  const body = (await res.json()) as GraphQLResponse;
  return { status: res.status, ms: performance.now() - started, body, retryAfter: res.headers.get('retry-after') };
}

const codes = (r: Timed) => [...new Set((r.body.errors ?? []).map((e) => e.extensions?.code))];

let store: GrafeoStore;
let faulty: FaultyStore;
beforeAll(async () => {
  ({ store } = await seededStore());
  faulty = new FaultyStore(store);
});
afterEach(() => faulty.clear());
afterAll(() => store?.close());

describe('a fault inside a request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve(faulty, true, { requestTimeoutMs: 1_000 });
  });
  afterAll(() => server?.close());

  it('an engine error inside a DataLoader batch: INTERNAL_SERVER_ERROR at those fields, nothing internal shown', async () => {
    faulty.inject({ kind: 'throw' }, (call) => TYPED_RELATION_QUERIES.has(call.cypher ?? ''));
    const r = await timed(server, DOCUMENTS_WITH_ENTITIES);
    expect(faulty.faulted).toBeGreaterThan(0);
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.body.errors![0]!.message).toBe('Internal server error');
    // The error is the batched relationship fields', not the list's (which another query fetched).
    for (const e of r.body.errors!)
      expect(e).toMatchObject({
        path: ['documents', 'nodes', expect.any(Number), 'entities'],
      });
    expect(JSON.stringify(r.body)).not.toMatch(/injected|MATCH|\.ts/);
    faulty.clear();
    expect((await timed(server, DOCUMENTS_WITH_ENTITIES)).body.errors).toBeUndefined();
  });

  it('a DataLoader batch that never answers: TIMEOUT within the budget, and the slot is given back', async () => {
    faulty.inject({ kind: 'hang' }, (call) => call.cypher === ENTITIES_BY_ID);
    const r = await timed(server, CITY);
    expect(codes(r)).toEqual(['TIMEOUT']);
    expect(r.body.errors![0]!.message).toBe('the request exceeded its 1000 ms time limit');
    expect(r.ms).toBeLessThan(1_000 + MARGIN_MS);
    expect(server.guarded.state).toMatchObject({ active: 0, queued: 0, circuit: 'closed' });
    faulty.clear();
    expect((await timed(server, CITY)).body).toEqual({ data: { node: { name: '韶关市' } } });
  });

  it('a slow store: TIMEOUT within the budget; slow is not down, so /ready stays 200', async () => {
    faulty.inject({ kind: 'slow', ms: 1_500 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => timed(server, PARKS_WITH_ENTERPRISES)));
    for (const r of answers) {
      expect(codes(r)).toEqual(['TIMEOUT']);
      expect(r.ms).toBeLessThan(1_000 + MARGIN_MS);
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });
});

describe('a store outage', () => {
  let server: TestServer;
  const log: string[] = [];
  const circuitLines = () => log.filter((line) => /"circuit":/.test(line)).map((line) => JSON.parse(line).msg);
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void log.push(line) });
    server = await serve(faulty, true, { requestTimeoutMs: 5_000, storeGuard: { probeIntervalMs: 200 }, logger });
  });
  afterAll(() => server?.close());

  it('SERVICE_UNAVAILABLE with 503 and Retry-After; the circuit opens and later requests fail at once without touching the store', async () => {
    faulty.inject({ kind: 'unreachable' });
    const first = await Promise.all(Array.from({ length: 10 }, () => timed(server, CITY)));
    for (const r of first) {
      expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(r.body.errors![0]!.message).toBe('The graph store is unavailable; try again shortly.');
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBe('1');
      expect(r.ms).toBeLessThan(MARGIN_MS);
    }
    expect(server.guarded.state.circuit).toBe('open');
    const reached = faulty.faulted;
    const later = await Promise.all(Array.from({ length: 10 }, () => timed(server, CITY)));
    for (const r of later) expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(faulty.faulted).toBe(reached);

    const started = performance.now();
    const ready = await fetch(`${server.url}/ready`);
    expect(performance.now() - started).toBeLessThan(MARGIN_MS);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, store: false, circuit: 'open' });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200); // alive: a restart would not bring the store back
    expect(await health.json()).toMatchObject({ status: 'degraded', circuit: 'open' });
    // One line for the change of state, not one per failed request.
    expect(circuitLines()).toEqual([
      'store unreachable: circuit open, answering SERVICE_UNAVAILABLE at once; probing in the background',
    ]);
  });

  it('closes the circuit by itself once a probe succeeds: /ready 200 and data again', async () => {
    faulty.clear();
    const started = performance.now();
    while ((await fetch(`${server.url}/ready`)).status !== 200) {
      expect(performance.now() - started).toBeLessThan(200 + 2_000 + MARGIN_MS);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.guarded.state.circuit).toBe('closed');
    expect((await timed(server, CITY)).body).toEqual({ data: { node: { name: '韶关市' } } });
    expect(circuitLines()).toEqual([
      'store unreachable: circuit open, answering SERVICE_UNAVAILABLE at once; probing in the background',
      'store reachable again: circuit closed',
    ]);
  });
});

describe('overload', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve(faulty, true, {
      requestTimeoutMs: 8_000,
      storeGuard: { maxConcurrency: 2, maxQueue: 2, queueWaitMs: 300 },
    });
  });
  afterAll(() => server?.close());

  it('beyond the concurrency limit and the queue wait: OVERLOADED, 503 with Retry-After, fast; the running ones finish', async () => {
    faulty.inject({ kind: 'slow', ms: 1_500 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => timed(server, CITY)));
    const served = answers.filter((r) => r.body.data?.node);
    const refused = answers.filter((r) => codes(r).includes('OVERLOADED'));
    expect(served).toHaveLength(2);
    expect(refused).toHaveLength(6);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBe('1');
      expect(r.body.errors![0]!.message).toMatch(/^the server is overloaded \(/);
      expect(r.ms).toBeLessThan(300 + MARGIN_MS);
    }
    faulty.clear();
    expect((await timed(server, CITY)).body).toEqual({ data: { node: { name: '韶关市' } } });
    expect(server.guarded.state).toMatchObject({ active: 0, queued: 0 });
  });
});

describe('the per-client rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit; /health and /ready are not limited', async () => {
    const server = await serve(store, true, { rateLimit: { max: 3, windowMs: 60_000, limitLoopback: true } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await server.post(JSON.stringify({ query: CITY }))).status);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await server.post(JSON.stringify({ query: CITY }));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit')).toMatch(/r=0/);
      expect(await limited.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('leaves loopback clients alone unless told otherwise', async () => {
    const server = await serve(store, true, { rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 6; i++) expect((await server.post(JSON.stringify({ query: CITY }))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP time limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve(store, true, {
      http: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_000 },
    });
  });
  afterAll(() => server?.close());

  /** Opens a raw connection, writes `text`, and reports what came back and when the server closed it. */
  function rawExchange(text: string): Promise<{ reply: string; closedAfterMs: number }> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
      let reply = '';
      socket.on('data', (d) => (reply += String(d)));
      socket.on('error', reject);
      socket.on('close', () => resolve({ reply, closedAfterMs: performance.now() - started }));
      setTimeout(() => socket.destroy(new Error('the server kept the connection open for 10 s')), 10_000);
    });
  }

  it('a client that never finishes its headers gets 408 and is disconnected', async () => {
    const { reply, closedAfterMs } = await rawExchange('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(1_000 + 1_000 + MARGIN_MS);
  });

  it('a client that never finishes its body gets 408 and is disconnected', async () => {
    const { reply, closedAfterMs } = await rawExchange(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(2_000 + 1_000 + MARGIN_MS);
  });

  it('an idle keep-alive connection is closed after its time', async () => {
    const body = JSON.stringify({ query: CITY });
    const { reply, closedAfterMs } = await rawExchange(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200[\s\S]*韶关市/);
    expect(closedAfterMs).toBeLessThan(1_000 + MARGIN_MS);
    expect((await timed(server, CITY)).body).toEqual({ data: { node: { name: '韶关市' } } });
  });
});
