/**
 * npm run load [-- --seconds 60 --connections 10]: a bounded load and soak run against the real
 * server on loopback (embedded engine, or Neo4j when NEO4J_URI is set), with a fixed mix of the
 * flagship operations. Reports throughput, p50/p99 latency, errors (HTTP and GraphQL; must be 0)
 * and the server's memory before, after warm-up and at the end. Not a test.
 *
 * npm run load -- --fault [--outages 3 --outage-seconds 5]: the store goes away and comes back
 * under steady load (load-fault.ts). Embedded engine: the server runs around a fault-injecting
 * store (tests/support/fault-server.ts) and the outage is switched by signal. Neo4j: give the
 * commands that stop and start it, e.g.
 *   --outage-cmd-stop 'docker compose stop neo4j' \
 *   --outage-cmd-start 'docker compose start neo4j && until docker compose exec neo4j cypher-shell -u neo4j -p "$NEO4J_PASSWORD" "RETURN 1"; do sleep 1; done'
 * It reports errors by code, the longest request during each outage and the time to recover, and
 * fails unless the server stayed up, every request during an outage answered SERVICE_UNAVAILABLE
 * within 3 s, and answers came back within 15 s of the store's return.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { faultRun } from './load-fault.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '4790' },
    fault: { type: 'boolean', default: false },
    outages: { type: 'string', default: '3' },
    'outage-seconds': { type: 'string', default: '5' },
    'outage-cmd-stop': { type: 'string' },
    'outage-cmd-start': { type: 'string' },
  },
  strict: true,
});
const positive = (flag: 'seconds' | 'connections' | 'port' | 'outages' | 'outage-seconds') => {
  const n = Number(values[flag]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag} needs a positive whole number, got ${values[flag]}`);
  return n;
};
const SECONDS = positive('seconds');
const CONNECTIONS = positive('connections');
const PORT = positive('port');
const base = `http://127.0.0.1:${PORT}`;

const MIX = [
  '{ search(text: "寧德時代", first: 5) { edges { node { id name } score } } }',
  '{ chainLeaders(city: "肇庆") { enterprise { name } chain { name } parks { name } evidence { quote } } }',
  '{ parks(first: 20, filter: {city: "韶关"}) { totalCount nodes { name enterprises { name projects { name amountYi } } } } }',
  '{ connections(from: "韶关", to: "东莞") { length steps { type evidence { quote } } } }',
  '{ investmentSummary(groupBy: CITY) { key totalAmountYi projectCount } }',
  '{ projects(first: 50, filter: {city: "郴州", minAmountYi: 100}) { totalCount nodes { name amountYi } } }',
];

async function memory(): Promise<{ rssMb: number; heapUsedMb: number }> {
  return (await (await fetch(`${base}/health`)).json()).memory;
}

const neo4j = Boolean(process.env.NEO4J_URI);
if (values.fault && neo4j && !(values['outage-cmd-stop'] && values['outage-cmd-start']))
  throw new Error('--fault on Neo4j needs --outage-cmd-stop and --outage-cmd-start (commands that stop and start it)');
if (!values.fault && (values['outage-cmd-stop'] || values['outage-cmd-start']))
  throw new Error('--outage-cmd-stop and --outage-cmd-start belong to --fault');

async function main() {
  // The embedded engine lives in the server's process: its outages are injected there.
  const entry = values.fault && !neo4j ? 'tests/support/fault-server.ts' : 'src/main.ts';
  const server = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  server.stdout.on('data', (d) => (out += d));
  const started = Date.now();
  while (!out.includes('GraphQL ready')) {
    if (server.exitCode !== null || Date.now() - started > 120_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const engine = (await (await fetch(`${base}/health`)).json()).engine;
  if (values.fault) {
    try {
      const outage = neo4j
        ? { stop: values['outage-cmd-stop']!, start: values['outage-cmd-start']! }
        : { signal: server };
      const report = await faultRun({
        base,
        engine,
        connections: CONNECTIONS,
        outages: positive('outages'),
        outageSeconds: positive('outage-seconds'),
        mix: MIX,
        outage,
        server,
      });
      console.log(report.lines.join('\n'));
      if (!report.passed) process.exitCode = 1;
    } finally {
      server.kill('SIGTERM');
    }
    return;
  }
  try {
    const before = await memory();
    let graphqlErrors = 0;
    const requests = MIX.map((query) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    }));
    const run = (seconds: number) => autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests });

    await run(Math.min(5, SECONDS)); // warm-up: JIT, caches, connection pools
    const warm = await memory();
    graphqlErrors = 0;
    const result = await run(SECONDS);
    const end = await memory();

    const lines = [
      `## Load run (${new Date().toISOString().slice(0, 10)}, ${engine}, ${SECONDS} s, ${CONNECTIONS} connections, ${MIX.length}-operation mix)`,
      '',
      `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
      '',
      '| requests | throughput | p50 | p99 | HTTP errors | GraphQL errors | memory rss / heap (start → warm → end) |',
      '|---|---|---|---|---|---|---|',
      `| ${result.requests.total} | ${result.requests.average.toFixed(0)} req/s | ${result.latency.p50} ms | ${result.latency.p99} ms | ` +
        `${result.errors + result.non2xx + result.timeouts} | ${graphqlErrors} | ` +
        `${before.rssMb}/${before.heapUsedMb} → ${warm.rssMb}/${warm.heapUsedMb} → ${end.rssMb}/${end.heapUsedMb} MB |`,
    ];
    console.log(lines.join('\n'));
    const failed = result.errors + result.non2xx + result.timeouts + graphqlErrors > 0;
    if (failed) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
