/**
 * npm run bench [-- --sizes 1k,100k,1m] [--seconds 3] [--engine grafeo|neo4j|both] [--reset-neo4j] [--round-trip-ms 2]
 *
 * For each size: generates the synthetic graph (bench/synthetic-graph.ts), loads it through the
 * GraphStore interface, serves the real app (src/http/create-app.ts) on 127.0.0.1 and runs a fixed
 * mix of GraphQL operations over HTTP:
 *   - sequential latency (p50/p95) per operation, bounded by --seconds and --max-iterations;
 *   - the raw Cypher behind each operation: the exact calls one request makes are recorded by a
 *     GraphStore decorator and replayed straight on the store (after each request, same concurrency),
 *     giving GraphQL p50 / raw p50 and the time of each call;
 *   - round trips: the store calls one request makes and how many sequential waves they form, and
 *     the p50 again with every store call held for --round-trip-ms (src/store/round-trip-store.ts),
 *     what a request would cost with Neo4j across a network;
 *   - throughput of the whole mix with autocannon (in a child process, bounded by --throughput-seconds).
 * Prints a markdown report and writes it to bench/results.md (--out to change).
 *
 * Neo4j is used only when NEO4J_URI is set (src/config.ts), and only with --engine neo4j|both. Its
 * database must hold no ChainAtlas nodes, or --reset-neo4j must be given: then every :Entity node is
 * deleted before each size is loaded and after the run, a thousand per transaction
 * (GraphStore.deleteEntities; re-seed with `npm run seed` afterwards).
 *
 * Exits 1 when a size could not be run on a configured engine, or when --reset-neo4j could not
 * delete the ChainAtlas nodes: a graph left behind must never pass silently.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Kind, parse } from 'graphql';
import { fileURLToPath } from 'node:url';
import { loadConfig, type StoreConfig } from '../src/config.js';
import { cypherTexts } from '../src/graphql/cypher-catalog.js';
import { createApp } from '../src/http/create-app.js';
import { countGraph } from '../src/store/graph-counts.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { openStore } from '../src/store/open-store.js';
import type { LoadJob, LoadSummary } from './autocannon-worker.js';
import { RecordingStore, replayWaves, toWaves, type RecordedCall } from '../src/store/recording-store.js';
import { RoundTripStore } from '../src/store/round-trip-store.js';
import { KINDS, loadSyntheticGraph, parseSize, SyntheticGraph, type LoadReport } from './synthetic-graph.js';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  sizes: string[];
  seconds: number;
  engines: Array<'grafeo' | 'neo4j'>;
  resetNeo4j: boolean;
  batchSize: number;
  throughputSeconds: number;
  connections: number;
  maxIterations: number;
  timeoutMs: number;
  roundTripMs: number;
  out: string;
  seed: number;
  /** Name parts of the operations to run (all when empty). */
  ops: string[];
}

const USAGE = `usage: tsx bench/run-bench.ts [--sizes 1k,100k,1m] [--seconds 3] [--engine grafeo|neo4j|both] [--reset-neo4j]
       [--batch 5000] [--throughput-seconds 5] [--connections 4] [--max-iterations 200] [--timeout-ms 60000]
       [--round-trip-ms 2] [--seed 20240601] [--ops search,chainLeaders] [--out bench/results.md]`;

/** Flags and defaults, parsed by node:util's parseArgs (strict: an unknown flag is an error). */
const FLAGS = {
  sizes: { type: 'string', default: '1k,100k,1m' },
  seconds: { type: 'string', default: '3' },
  engine: { type: 'string', default: 'grafeo' },
  'reset-neo4j': { type: 'boolean', default: false },
  batch: { type: 'string', default: '5000' },
  'throughput-seconds': { type: 'string', default: '5' },
  connections: { type: 'string', default: '4' },
  'max-iterations': { type: 'string', default: '200' },
  'timeout-ms': { type: 'string', default: '60000' },
  'round-trip-ms': { type: 'string', default: '2' },
  seed: { type: 'string', default: '20240601' },
  /** Only the operations whose names contain one of these (comma-separated); all when empty. */
  ops: { type: 'string', default: '' },
  out: { type: 'string', default: fileURLToPath(new URL('./results.md', import.meta.url)) },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (flag: keyof typeof FLAGS, allowZero = false) => {
    const n = Number(values[flag]);
    if (!Number.isFinite(n) || n < 0 || (n === 0 && !allowZero))
      throw new Error(`--${flag} needs a ${allowZero ? 'non-negative' : 'positive'} number\n${USAGE}`);
    return n;
  };
  const engine = values.engine;
  if (engine !== 'grafeo' && engine !== 'neo4j' && engine !== 'both')
    throw new Error(`--engine must be grafeo, neo4j or both, got ${engine}\n${USAGE}`);
  const sizes = values.sizes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  sizes.forEach(parseSize);
  return {
    sizes,
    seconds: num('seconds'),
    engines: engine === 'both' ? ['grafeo', 'neo4j'] : [engine],
    resetNeo4j: values['reset-neo4j'],
    batchSize: Math.round(num('batch')),
    throughputSeconds: num('throughput-seconds'),
    connections: Math.round(num('connections')),
    maxIterations: Math.round(num('max-iterations')),
    timeoutMs: Math.round(num('timeout-ms')),
    roundTripMs: num('round-trip-ms', true),
    seed: Math.round(num('seed')),
    ops: values.ops
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    out: values.out,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
const ms = (v: number) =>
  Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '–';
const secs = (v: number) => (v / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------
// The operations

interface Operation {
  name: string;
  /** The fixed cost of HTTP + Apollo with no store call; measured, but left out of the throughput mix. */
  baseline?: boolean;
  query: string;
  variables: Record<string, unknown>;
  /** A one-line summary of what came back, so the table says what was measured. */
  describe(data: any): string;
}

function operations(graph: SyntheticGraph): Operation[] {
  const city = graph.cityAlias(graph.busyPrefecture);
  const [from, to] = graph.connectionPair();
  const docNumber = graph.docNumber();
  return [
    {
      name: 'baseline { __typename }',
      baseline: true,
      query: '{ __typename }',
      variables: {},
      describe: () => 'no store call',
    },
    {
      name: 'search (exact name)',
      query: `query($text: String!) { search(text: $text, first: 10) { totalCount edges { score match node { id kind name } } } }`,
      variables: { text: graph.searchName() },
      describe: (d) => `${d.search.totalCount} candidates, top ${d.search.edges[0]?.match ?? 'none'}`,
    },
    {
      name: 'search (keyword)',
      query: `query($text: String!) { search(text: $text, first: 10) { totalCount edges { score match node { id kind name } } } }`,
      variables: { text: '新能源' },
      describe: (d) => `${d.search.totalCount} candidates`,
    },
    {
      name: 'chainLeaders(city)',
      query: `query($city: String!) { chainLeaders(city: $city) {
        role enterprise { id name } chain { id name } parks { id name } city { id name } evidence { quote start end document { id } } } }`,
      variables: { city },
      describe: (d) => `${d.chainLeaders.length} leaderships`,
    },
    {
      name: 'park → enterprises → projects',
      query: `query($city: String!) { parks(first: 20, filter: {city: $city}) { totalCount nodes { id name
        enterprises(first: 20) { id name projects(first: 10) { id name amountYi status } } } } }`,
      variables: { city },
      describe: (d) => {
        const parks = d.parks.nodes as Array<{ enterprises: Array<{ projects: unknown[] }> }>;
        const ents = parks.flatMap((p) => p.enterprises);
        return `${parks.length}/${d.parks.totalCount} parks, ${ents.length} enterprises, ${ents.flatMap((e) => e.projects).length} projects`;
      },
    },
    {
      name: 'connections',
      query: `query($from: String!, $to: String!) { connections(from: $from, to: $to, maxHops: 4, first: 5) {
        length nodes { id name } steps { type forward evidence { quote } } } }`,
      variables: { from, to },
      describe: (d) => `${d.connections.length} paths of length ${d.connections[0]?.length ?? '–'}`,
    },
    {
      name: 'cities → parks → enterprises → projects',
      query: `query($city: String!) { cities(first: 20, filter: {city: $city}) { nodes { id name
        parks(first: 10) { id name enterprises(first: 10) { id name projects(first: 5) { id name amountYi } } } } } }`,
      variables: { city },
      describe: (d) => {
        const parks = (
          d.cities.nodes as Array<{ parks: Array<{ enterprises: Array<{ projects: unknown[] }> }> }>
        ).flatMap((c) => c.parks);
        const ents = parks.flatMap((p) => p.enterprises);
        return `${d.cities.nodes.length} cities, ${parks.length} parks, ${ents.length} enterprises, ${ents.flatMap((e) => e.projects).length} projects`;
      },
    },
    {
      name: 'projects(city, status words)',
      query: `query($city: String!) { projects(first: 20, filter: {city: $city, status: ["在建", "竣工投产"]}) {
        totalCount nodes { id name status amountYi city { id name prefecture { id } } } } }`,
      variables: { city },
      describe: (d) => `${d.projects.nodes.length}/${d.projects.totalCount} projects`,
    },
    {
      name: 'facts(type)',
      query: `{ facts(type: PAIRED_WITH, first: 20) { totalCount nodes { id subject { id name } object { id name }
        basis qualifiers { mode round status } evidence { quote } } } }`,
      variables: {},
      describe: (d) => `${d.facts.nodes.length}/${d.facts.totalCount} facts`,
    },
    {
      name: 'facts(subject)',
      query: `query($city: String!) { facts(subject: $city, first: 20) { totalCount nodes { id type object { id name }
        basis qualifiers { status } } } }`,
      variables: { city },
      describe: (d) => `${d.facts.nodes.length}/${d.facts.totalCount} facts`,
    },
    {
      name: 'search (document number)',
      query: `query($text: String!) { search(text: $text, first: 5) { totalCount edges { match node { id kind name } } } }`,
      variables: { text: docNumber },
      describe: (d) =>
        `${d.search.totalCount} candidates, top ${d.search.edges[0]?.match ?? 'none'} ${d.search.edges[0]?.node.kind ?? ''}`,
    },
    {
      name: 'policies(docNumber) with targets',
      query: `query($docNumber: String!) { policies(filter: {docNumber: $docNumber}) { totalCount nodes { id name
        targets { id metric value unit year } appliesTo { id name } } } }`,
      variables: { docNumber },
      describe: (d) => `${d.policies.totalCount} policies`,
    },
    {
      name: 'indicators(city, year)',
      query: `query($city: String!) { indicators(first: 20, filter: {city: $city, year: 2024}) { totalCount
        nodes { id metric value unit status subject { id name } } } }`,
      variables: { city },
      describe: (d) => `${d.indicators.nodes.length}/${d.indicators.totalCount} indicators`,
    },
    {
      name: 'investmentSummary(CHAIN, city)',
      query: `query($city: String!) { investmentSummary(groupBy: CHAIN, city: $city) { key label totalAmountYi projectCount projectsWithAmount } }`,
      variables: { city },
      describe: (d) => {
        const groups = d.investmentSummary as Array<{ projectCount: number }>;
        return `${groups.length} groups, ${groups.reduce((n, g) => n + g.projectCount, 0)} project rows`;
      },
    },
  ];
}

/** Names the Cypher text of a recorded call after its export (src/graphql/cypher-catalog.ts), without the path. */
const QUERY_NAMES = new Map<string, string>(cypherTexts().map(({ name, text }) => [text, name.replace(/^\S+ /, '')]));
/** Every Cypher text the operations sent, by name: the report lists them, since src/ changes between runs. */
const SEEN_QUERIES = new Map<string, string>();
const callName = (c: RecordedCall) =>
  c.method === 'searchEntities'
    ? 'searchEntities (text index)'
    : (QUERY_NAMES.get(c.cypher) ?? c.cypher.replace(/\s+/g, ' ').slice(0, 40));

// ---------------------------------------------------------------------------------------------
// HTTP

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serve(store: GraphStore, requestTimeoutMs: number): Promise<Served> {
  // Development mode only so a failing operation reports its real message (production masks it as "Internal server error").
  const { app, apollo } = await createApp({ store, production: false, seeded: () => true, requestTimeoutMs });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

/**
 * One request over a kept-alive loopback connection with node:http: fetch (undici) costs about
 * 0.7 ms more per request on this machine, in the same process as the server, which would be
 * counted against the API.
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

async function post(
  url: string,
  op: Operation,
): Promise<{ ms: number; body: { data?: any; errors?: Array<{ message: string }> } }> {
  const payload = JSON.stringify({ query: op.query, variables: op.variables });
  const target = new URL(`${url}/graphql`);
  const started = performance.now();
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const elapsed = performance.now() - started;
  return { ms: elapsed, body: JSON.parse(text) };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface CallStat {
  name: string;
  p50: number;
  share: number;
}

interface OpResult {
  name: string;
  result: string;
  error?: string;
  iterations: number;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
  ratio: number;
  calls: number;
  waves: number;
  /** Root fields of the operation: the budget is one store call each, plus full-text calls. */
  rootFields: number;
  /** Calls to the full-text index (search's own, allowed on top of the budget). */
  fullTextCalls: number;
  perCall: CallStat[];
  /** GraphQL p50 with every store call held for --round-trip-ms (NaN when not measured). */
  roundTripP50: number;
}

/** The stores one benchmark server runs on: the engine, and the decorators in front of it. */
interface BenchStores {
  /** The engine itself: raw replays go here. */
  store: GraphStore;
  /** Holds each call for a simulated network round trip while its delay is set. */
  roundTrip: RoundTripStore;
  /** Records the calls of one request (what the server uses). */
  recorder: RecordingStore;
}

/** Requests (and raw replays) before measuring an operation, within a second. */
const WARM_UP_REQUESTS = 20;

/** The root fields of an operation (not __typename): one store call each is the budget. */
function rootFieldCount(query: string): number {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename').length;
}

async function measureOperation(url: string, stores: BenchStores, op: Operation, o: Options): Promise<OpResult> {
  const { store, roundTrip, recorder } = stores;
  // One recorded request: what the operation sends to the store, and a first (cold) run.
  recorder.start();
  let first: Awaited<ReturnType<typeof post>>;
  let calls: RecordedCall[];
  try {
    first = await post(url, op);
  } finally {
    calls = recorder.stop();
  }
  for (const c of calls) if (c.method === 'read') SEEN_QUERIES.set(callName(c), c.cypher.trim());
  const base = {
    name: op.name,
    calls: calls.length,
    waves: toWaves(calls).length,
    rootFields: rootFieldCount(op.query),
    fullTextCalls: calls.filter((c) => c.method === 'searchEntities').length,
  };
  if (first.body.errors?.length || !first.body.data) {
    // Name the store call that failed and how long it ran (the engine's own message may be masked).
    const failed = calls.find((c) => c.error);
    const error = failed
      ? `${callName(failed)} failed after ${secs(failed.end - failed.start)} s: ${failed.error!.split('\n')[0]}`
      : (first.body.errors?.map((e) => e.message.split('\n')[0]).join('; ') ?? 'no data');
    const waited = await quiesce();
    return {
      ...base,
      result: 'error',
      error: waited > 1500 ? `${error} (then waited ${secs(waited)} s for the engine to go idle)` : error,
      iterations: 0,
      p50: NaN,
      p95: NaN,
      rawP50: NaN,
      rawP95: NaN,
      ratio: NaN,
      perCall: [],
      roundTripP50: NaN,
    };
  }
  const result = op.describe(first.body.data);

  // How many iterations fit the budget: a slow operation gets fewer (never fewer than one).
  const budgetMs = o.seconds * 1000;
  let target = o.maxIterations;
  let minimum = 5;
  if (first.ms > 30_000) {
    target = 1;
    minimum = 1;
  } else if (first.ms > budgetMs) {
    target = 3;
    minimum = 3;
  }
  const waves = toWaves(calls);
  if (first.ms <= budgetMs) {
    // Warm-up: a steady state, not the JIT's first runs, is what a running server sees.
    const warm = performance.now();
    for (let i = 0; i < WARM_UP_REQUESTS && performance.now() - warm < 1000; i++) {
      await post(url, op);
      if (calls.length) await replayWaves(store, waves);
    }
  }

  // A request, then the same calls straight on the store with the same concurrency, in turn: the
  // two are measured under the same conditions (this machine's speed drifts between runs).
  const times: number[] = [];
  const raw: number[] = [];
  const perCall: number[][] = calls.map(() => []);
  // The budget counts request time only, so the replays in between do not halve the sample.
  let spent = 0;
  while (times.length < target && (times.length < minimum || spent < budgetMs)) {
    const { ms: t, body } = await post(url, op);
    if (body.errors?.length) throw new Error(`${op.name}: ${body.errors[0]!.message}`);
    times.push(t);
    spent += t;
    if (!calls.length) continue;
    const r = await replayWaves(store, waves);
    raw.push(r.total);
    r.perCall.forEach((t, k) => perCall[k]!.push(t));
  }
  const roundTripP50 = await measureRoundTrips(url, roundTrip, op, o, calls.length, times.length);
  const ordered = waves.flat();
  const callP50 = perCall.map((t) => percentile(t, 50));
  const totalCalls = callP50.reduce((a, b) => a + b, 0) || 1;
  const p50 = percentile(times, 50);
  const rawP50 = calls.length ? percentile(raw, 50) : NaN;
  return {
    ...base,
    result,
    iterations: times.length,
    p50,
    p95: percentile(times, 95),
    rawP50,
    rawP95: calls.length ? percentile(raw, 95) : NaN,
    ratio: p50 / rawP50,
    perCall: ordered.map((c, k) => ({ name: callName(c), p50: callP50[k]!, share: callP50[k]! / totalCalls })),
    roundTripP50,
  };
}

/**
 * The same requests with every store call held for --round-trip-ms first: a store across a
 * network. Sequential calls add a round trip each, calls side by side one between them, so the
 * growth over the plain p50 is about waves × the round trip. As many requests as were measured
 * plainly (at most 50), within the same time budget.
 */
async function measureRoundTrips(
  url: string,
  roundTrip: RoundTripStore,
  op: Operation,
  o: Options,
  calls: number,
  measured: number,
): Promise<number> {
  if (o.roundTripMs === 0 || calls === 0) return NaN;
  const times: number[] = [];
  roundTrip.delayMs = o.roundTripMs;
  try {
    let spent = 0;
    const target = Math.min(50, measured);
    while (times.length < target && (times.length < Math.min(5, target) || spent < o.seconds * 1000)) {
      const { ms: t, body } = await post(url, op);
      if (body.errors?.length) throw new Error(`${op.name} with round trips: ${body.errors[0]!.message}`);
      times.push(t);
      spent += t;
    }
  } finally {
    roundTrip.delayMs = 0;
  }
  return percentile(times, 50);
}

/**
 * After a failed (timed-out) query the engine may still be working on it in the background; wait
 * until this process is idle (under 0.3 of a core for a second, at most 3 minutes) so the next
 * operation is not measured against it. Returns the time waited.
 */
async function quiesce(maxMs = 180_000): Promise<number> {
  const started = performance.now();
  let previous = process.cpuUsage();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = process.cpuUsage(previous);
    previous = process.cpuUsage();
    if ((used.user + used.system) / 1e6 < 0.3 || performance.now() - started > maxMs)
      return performance.now() - started;
  }
}

async function throughput(url: string, ops: Operation[], o: Options, slowestMs: number): Promise<LoadSummary> {
  const job: LoadJob = {
    url,
    connections: o.connections,
    durationSeconds: o.throughputSeconds,
    timeoutSeconds: Math.max(10, Math.ceil((slowestMs * o.connections * 2) / 1000)),
    requests: ops.map((op) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    })),
  };
  const child = fork(fileURLToPath(new URL('./autocannon-worker.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ok: boolean; summary?: LoadSummary; error?: string }) =>
      m.ok ? resolve(m.summary!) : reject(new Error(m.error)),
    );
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`autocannon worker exited with ${code}`)));
    child.send(job);
  });
}

// ---------------------------------------------------------------------------------------------
// Stores

async function openBenchStore(
  engine: 'grafeo' | 'neo4j',
  o: Options,
): Promise<{ store: GraphStore; version: string } | { skip: string }> {
  let config: StoreConfig;
  if (engine === 'grafeo') {
    config = { engine: 'grafeo', timeoutMs: o.timeoutMs }; // always a fresh in-memory database
  } else {
    const loaded = loadConfig();
    if (loaded.store.engine !== 'neo4j') return { skip: 'NEO4J_URI is not set' };
    config = { ...loaded.store, timeoutMs: o.timeoutMs };
  }
  const store = await openStore(config);
  const health = await store.health();
  if (!health.ok) {
    await store.close();
    // A configured Neo4j that does not answer is a failed run, not a skipped one (main exits 1).
    throw new Error(
      `${engine} is unavailable: ${health.error}${o.resetNeo4j ? ' (so --reset-neo4j cannot delete what it holds)' : ''}`,
    );
  }
  if (engine === 'neo4j') {
    try {
      const n = await entityCount(store);
      if (n > 0 && !o.resetNeo4j)
        return {
          skip: `the Neo4j database holds ${n} ChainAtlas nodes; pass --reset-neo4j to delete them (then re-seed with npm run seed)`,
        };
      if (n > 0) await clearNeo4j(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return { store, version: health.version ?? engine };
}

const entityCount = async (store: GraphStore) =>
  (await store.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n'))[0]?.n ?? 0;

/**
 * Deletes every ChainAtlas node (:Entity), a thousand per transaction (GraphStore.deleteEntities:
 * one transaction for the 100k graph exceeds the memory of a Neo4j with a 1 GiB heap), and
 * checks none is left; throws otherwise.
 */
async function clearNeo4j(store: GraphStore): Promise<void> {
  const started = performance.now();
  const deleted = await store.deleteEntities({ timeoutMs: 3_600_000 });
  const left = await entityCount(store);
  if (left > 0) throw new Error(`--reset-neo4j deleted ${deleted} ChainAtlas nodes, but ${left} remain`);
  console.log(`   deleted ${deleted} ChainAtlas nodes in ${secs(performance.now() - started)} s`);
}

// ---------------------------------------------------------------------------------------------
// One size on one engine

interface Run {
  size: string;
  engine: string;
  version?: string;
  skipped?: string;
  load?: LoadReport;
  countsOk?: boolean;
  rssAfterLoadGb?: number;
  /** The load average (1 min) when the operations started: the machine is shared. */
  loadAtOps?: number;
  ops: OpResult[];
  load1?: number;
  throughput?: LoadSummary;
  throughputError?: string;
  /** Why the run, or the reset after it, failed: the process exits 1. */
  failed?: string;
  targets: { city: string; search: string; from: string; to: string; docNumber: string };
}

async function runOne(sizeLabel: string, engine: 'grafeo' | 'neo4j', o: Options): Promise<Run> {
  const n = parseSize(sizeLabel);
  const graph = SyntheticGraph.create(n, o.seed);
  const [from, to] = graph.connectionPair();
  const run: Run = {
    size: sizeLabel,
    engine,
    ops: [],
    targets: {
      city: graph.cityAlias(graph.busyPrefecture),
      search: graph.searchName(),
      from,
      to,
      docNumber: graph.docNumber(),
    },
  };
  console.log(`\n== ${sizeLabel} (${graph.totalNodes} nodes) on ${engine}`);
  // A query that timed out in the previous size may still run natively: start from an idle process.
  const waited = await quiesce();
  if (waited > 1500) console.log(`   waited ${secs(waited)} s for the engine to go idle`);
  const opened = await openBenchStore(engine, o);
  if ('skip' in opened) {
    console.log(`   skipped: ${opened.skip}`);
    run.skipped = opened.skip;
    return run;
  }
  const { store, version } = opened;
  run.version = version;
  try {
    console.log(`   loading (batches of ${o.batchSize} rows) …`);
    run.load = await loadSyntheticGraph(store, graph, { batchSize: o.batchSize, log: (l) => console.log(`  ${l}`) });
    if (engine === 'neo4j')
      await store.read('CALL db.awaitIndexes(600)', {}, { timeoutMs: 610_000 }).catch(() => undefined);
    run.rssAfterLoadGb = process.memoryUsage().rss / 2 ** 30;
    console.log(
      `   loaded ${run.load.nodes} nodes, ${run.load.relationships} relationships in ${secs(run.load.totalMs)} s (RSS ${run.rssAfterLoadGb.toFixed(1)} GiB)`,
    );
    const counts = await countGraph(store);
    run.countsOk =
      counts.nodes.Entity === run.load.nodes &&
      KINDS.every((k) => (counts.nodes[k] ?? 0) === run.load!.nodesByKind[k]) &&
      Object.entries(run.load.relationshipsByType).every(([t, c]) => (counts.relationships[t] ?? 0) === c);
    if (!run.countsOk)
      console.log(`   WARNING: the store's counts differ from what was loaded: ${JSON.stringify(counts)}`);

    run.loadAtOps = os.loadavg()[0];
    const roundTrip = new RoundTripStore(store);
    const stores: BenchStores = { store, roundTrip, recorder: new RecordingStore(roundTrip) };
    const served = await serve(stores.recorder, o.timeoutMs);
    try {
      // The server reads the graph's fan-out statistics before its first request is checked (the
      // cost limit): done here, so no measured operation carries that one-off read.
      await post(served.url, { name: 'warm-up', query: '{ __typename }', variables: {}, describe: () => '' });
      const ops = operations(graph).filter(
        (op) => o.ops.length === 0 || op.name.startsWith('baseline') || o.ops.some((part) => op.name.includes(part)),
      );
      for (const op of ops) {
        const r = await measureOperation(served.url, stores, op, o);
        run.ops.push(r);
        if (r.error) console.log(`   ${op.name.padEnd(32)} ERROR ${r.error}`);
        else {
          console.log(
            `   ${op.name.padEnd(32)} p50 ${ms(r.p50).padStart(7)} ms  p95 ${ms(r.p95).padStart(7)} ms  raw p50 ${ms(r.rawP50).padStart(7)} ms  ` +
              `×${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–'}  n=${r.iterations}  calls=${r.calls} (${r.waves} waves)  ` +
              `p50 with ${o.roundTripMs} ms round trips ${ms(r.roundTripP50)} ms  (${r.result})`,
          );
        }
      }
      const good = ops.filter((op, i) => !run.ops[i]!.error && !op.baseline);
      if (good.length) {
        const slowest = Math.max(...run.ops.filter((r) => !r.error && Number.isFinite(r.p95)).map((r) => r.p95));
        run.load1 = os.loadavg()[0];
        try {
          run.throughput = await throughput(served.url, good, o, slowest);
          const t = run.throughput;
          console.log(
            `   throughput (${o.connections} connections, ${o.throughputSeconds} s, mix of ${good.length}): ${t.requestsPerSecond.toFixed(1)} req/s, p50 ${t.latencyP50} ms, p99 ${t.latencyP99} ms, errors ${t.errors + t.non2xx}`,
          );
        } catch (error) {
          run.throughputError = String(error);
          console.log(`   throughput failed: ${run.throughputError}`);
        }
      }
    } finally {
      await served.close();
    }
  } finally {
    if (engine === 'neo4j' && o.resetNeo4j)
      await clearNeo4j(store).catch((error: unknown) => {
        run.failed = `could not delete the ChainAtlas nodes after the run: ${error instanceof Error ? error.message : String(error)}`;
        console.error(`   ${run.failed}`);
      });
    await store.close();
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// Report

function report(runs: Run[], o: Options, started: Date, loadAtStart: number[]): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  const versions = [...new Set(runs.map((r) => r.version).filter(Boolean))].join(', ') || '–';
  lines.push('# ChainAtlas benchmark', '');
  lines.push(`- date: ${started.toISOString()}`);
  lines.push(`- command: \`npx tsx bench/run-bench.ts ${process.argv.slice(2).join(' ')}\``);
  lines.push(
    `- machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`,
  );
  lines.push(`- node ${process.version}; engine: ${versions}`);
  lines.push(
    `- load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)` +
      (loadAtStart[0]! > cpu.length
        ? ' — the machine was busy with other work, so absolute times are pessimistic'
        : ''),
  );
  lines.push(
    `- settings: --seconds ${o.seconds} per operation (max ${o.maxIterations} requests, sequential, each followed by its raw replay, after up to ${WARM_UP_REQUESTS} warm-up rounds), throughput ${o.throughputSeconds} s with ${o.connections} connections, request and query time limit ${o.timeoutMs} ms, batches of ${o.batchSize} rows, seed ${o.seed}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'} (the Docker image runs production; graphql-js checks more in development)`,
  );
  lines.push('');

  lines.push('## Load', '');
  lines.push(
    '| size | engine | nodes | relationships | schema s | nodes s | relationships s | derived s | total s | statements | counts verified | RSS after load | load avg (1 min) as the operations started |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const r of runs) {
    if (!r.load) {
      lines.push(`| ${r.size} | ${r.engine} | skipped: ${r.skipped ?? 'failed'} | | | | | | | | | | |`);
      continue;
    }
    const l = r.load;
    lines.push(
      `| ${r.size} | ${r.engine} | ${l.nodes} | ${l.relationships} | ${secs(l.schemaMs)} | ${secs(l.nodeMs)} | ${secs(l.relMs)} | ${secs(l.derivedMs)} | ${secs(l.totalMs)} | ${l.statements} | ${r.countsOk ? 'yes' : 'NO'} | ${r.rssAfterLoadGb?.toFixed(1)} GiB | ${r.loadAtOps?.toFixed(1) ?? '–'} |`,
    );
  }
  lines.push('');

  lines.push('## Seed-time cost of the derived properties (cypher/950_derived.cypher, statement by statement)', '');
  lines.push('| size | engine | derivation | seconds |');
  lines.push('| --- | --- | --- | ---: |');
  for (const r of runs)
    for (const d of r.load?.derived ?? [])
      lines.push(`| ${r.size} | ${r.engine} | ${d.sets} | ${(d.ms / 1000).toFixed(2)} |`);
  lines.push('');

  lines.push('## Operations (sequential requests over HTTP, ms)', '');
  lines.push(
    'Raw = the exact store calls one request makes, replayed on the store directly (right after each request, overlapping calls together). ' +
      'Added = GraphQL p50 − raw p50: what HTTP, GraphQL execution and the resolvers cost on top of the Cypher (the baseline row is the HTTP and Apollo floor alone). ' +
      'Targets: GraphQL p50 ≤ 1.5 × raw p50; at 100k and 1M on the embedded engine every operation under 50 ms p50.',
    '',
  );
  lines.push(
    '| size | engine | operation | result | n | GraphQL p50 | GraphQL p95 | raw p50 | raw p95 | GraphQL / raw | added | store calls (waves) | targets |',
  );
  lines.push('| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of runs) {
    for (const op of r.ops) {
      if (op.error) {
        lines.push(
          `| ${r.size} | ${r.engine} | ${op.name} | ERROR: ${op.error.replace(/\|/g, '/')} | | | | | | | | ${op.calls} | |`,
        );
        continue;
      }
      const checks: string[] = [];
      if (Number.isFinite(op.ratio)) checks.push(op.ratio <= 1.5 ? 'ratio ok' : 'ratio > 1.5');
      if (op.rootFields > 0)
        checks.push(
          op.calls - op.fullTextCalls <= op.rootFields
            ? '≤ 1 call per root field'
            : `${op.calls - op.fullTextCalls} calls for ${op.rootFields} root field${op.rootFields > 1 ? 's' : ''}`,
        );
      if ((r.size === '100k' || r.size === '1m') && r.engine === 'grafeo')
        checks.push(op.p50 < 50 ? '< 50 ms' : '≥ 50 ms');
      lines.push(
        `| ${r.size} | ${r.engine} | ${op.name} | ${op.result} | ${op.iterations} | ${ms(op.p50)} | ${ms(op.p95)} | ${ms(op.rawP50)} | ${ms(op.rawP95)} | ${Number.isFinite(op.ratio) ? op.ratio.toFixed(2) : '–'} | ${Number.isFinite(op.rawP50) ? ms(op.p50 - op.rawP50) : '–'} | ${op.calls} (${op.waves}) | ${checks.join(', ')} |`,
      );
    }
  }
  lines.push('');

  lines.push(
    `## Round trips (store calls per request; p50 with each call held ${o.roundTripMs} ms, as over a network)`,
    '',
  );
  lines.push(
    'Waves = the calls of one request that run one after another (calls side by side count once). ' +
      `With a ${o.roundTripMs} ms round trip per call (src/store/round-trip-store.ts) a request should grow by about waves × ${o.roundTripMs} ms: ` +
      'what it would cost with Neo4j on another host, where every call is a network round trip (the timer adds a little to each).',
    '',
  );
  lines.push(
    `| size | engine | operation | store calls | waves | GraphQL p50 | p50 with ${o.roundTripMs} ms round trips | added | waves × ${o.roundTripMs} ms |`,
  );
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    for (const op of r.ops) {
      if (op.error || op.calls === 0) continue;
      lines.push(
        `| ${r.size} | ${r.engine} | ${op.name} | ${op.calls} | ${op.waves} | ${ms(op.p50)} | ${ms(op.roundTripP50)} | ${ms(op.roundTripP50 - op.p50)} | ${ms(op.waves * o.roundTripMs)} |`,
      );
    }
  }
  lines.push('');

  lines.push('## Throughput (autocannon, the mix above round-robin, 127.0.0.1)', '');
  lines.push(
    '| size | engine | connections | seconds | requests | req/s | p50 ms | p97.5 ms | p99 ms | max ms | errors + non-2xx | load avg (1 min) |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    if (r.throughput) {
      const t = r.throughput;
      lines.push(
        `| ${r.size} | ${r.engine} | ${o.connections} | ${t.durationSeconds.toFixed(1)} | ${t.requests} | ${t.requestsPerSecond.toFixed(1)} | ${t.latencyP50} | ${t.latencyP975} | ${t.latencyP99} | ${t.latencyMax} | ${t.errors + t.non2xx} | ${r.load1?.toFixed(1) ?? '–'} |`,
      );
    } else if (r.throughputError)
      lines.push(`| ${r.size} | ${r.engine} | failed: ${r.throughputError} | | | | | | | | | |`);
  }
  lines.push('');

  lines.push('## Where the time goes (raw p50 of each store call, in request order)', '');
  lines.push('| size | engine | operation | store calls: query name p50 ms (share) |');
  lines.push('| --- | --- | --- | --- |');
  for (const r of runs) {
    for (const op of r.ops) {
      if (op.error || !op.perCall.length) continue;
      const parts = op.perCall.map((c) => `${c.name} ${ms(c.p50)} (${Math.round(c.share * 100)}%)`);
      lines.push(`| ${r.size} | ${r.engine} | ${op.name} | ${parts.join('; ')} |`);
    }
  }
  lines.push('');
  lines.push('## Cypher the operations ran', '');
  lines.push(
    'The exact texts recorded from the requests (the modules of src/graphql/cypher-catalog.ts as loaded by this run):',
    '',
  );
  for (const [name, text] of [...SEEN_QUERIES].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(
      `<details><summary>${name} (sha1 ${createHash('sha1').update(text).digest('hex').slice(0, 10)})</summary>`,
      '',
      '```cypher',
      text,
      '```',
      '',
      '</details>',
      '',
    );
  }
  lines.push('## Arguments used', '');
  for (const r of runs) {
    lines.push(
      `- ${r.size}: city \`${r.targets.city}\` (the largest prefecture), search \`${r.targets.search}\` and \`新能源\`, connections \`${r.targets.from}\` → \`${r.targets.to}\`, document number \`${r.targets.docNumber}\``,
    );
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const started = new Date();
  const loadAtStart = os.loadavg();
  const runs: Run[] = [];
  for (const size of o.sizes) {
    for (const engine of o.engines) {
      try {
        runs.push(await runOne(size, engine, o));
      } catch (error) {
        console.error(`   ${size} on ${engine} failed: ${error instanceof Error ? error.stack : String(error)}`);
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        runs.push({
          size,
          engine,
          skipped: `failed: ${message}`,
          failed: message,
          ops: [],
          targets: { city: '', search: '', from: '', to: '', docNumber: '' },
        });
      }
      (globalThis as { gc?: () => void }).gc?.();
      const md = report(runs, o, started, loadAtStart);
      await writeFile(o.out, md);
    }
  }
  const md = report(runs, o, started, loadAtStart);
  await writeFile(o.out, md);
  console.log(`\n${md}`);
  console.log(`written to ${o.out}`);
  const failed = runs.filter((r) => r.failed);
  for (const r of failed) console.error(`FAILED: ${r.size} on ${r.engine}: ${r.failed}`);
  // Exit even if a timed-out query still runs inside the engine (it would keep the process alive).
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
