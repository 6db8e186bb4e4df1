/**
 * The fault mode of `npm run load` (run-load.ts starts the server): steady load from
 * `connections` clients, while the store is stopped and started `outages` times. Every request is
 * timed and classified (data, or its error codes, or no HTTP answer at all), and the circuit's
 * state is sampled from /health, so the report can say per outage: what clients got, the longest
 * request, when the circuit opened, and how long after the store's return answers came back.
 */
import { exec, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(exec);

/** The issue's bounds: an answer during an outage within 3 s, answers again within 15 s of the store's return. */
const OUTAGE_ANSWER_MS = 3_000;
const RECOVERY_MS = 15_000;
/** A request with no HTTP answer by then counts as hung. */
const CLIENT_TIMEOUT_MS = 30_000;

export interface FaultRunOptions {
  base: string;
  engine: string;
  connections: number;
  outages: number;
  outageSeconds: number;
  mix: string[];
  /** Neo4j: shell commands; embedded: the fault server, switched by SIGUSR1 (on) / SIGUSR2 (off). */
  outage: { stop: string; start: string } | { signal: ChildProcess };
  server: ChildProcess;
}

interface Sample {
  start: number;
  end: number;
  /** 'data', the error codes joined, `HTTP <status>` without a GraphQL body, or 'NO ANSWER'. */
  outcome: string;
}

interface Window {
  stopBegin: number;
  stopEnd: number;
  startBegin: number;
  startEnd: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(base: string, query: string): Promise<Sample> {
  const start = performance.now();
  let outcome: string;
  try {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await res.text();
    try {
      const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'NO CODE'))].sort();
      outcome = codes.length ? codes.join('+') : 'data';
    } catch {
      outcome = `HTTP ${res.status}`;
    }
  } catch {
    outcome = 'NO ANSWER';
  }
  return { start, end: performance.now(), outcome };
}

export async function faultRun(o: FaultRunOptions): Promise<{ lines: string[]; passed: boolean }> {
  const samples: Sample[] = [];
  const circuit: Array<{ at: number; state: string }> = [];
  let loading = true;
  const clients = Array.from({ length: o.connections }, async (_, c) => {
    for (let i = c; loading; i++) samples.push(await request(o.base, o.mix[i % o.mix.length]!));
  });
  const watcher = (async () => {
    while (loading) {
      const state = await fetch(`${o.base}/health`, { signal: AbortSignal.timeout(5_000) })
        .then(async (r) => ((await r.json()) as { circuit: string }).circuit)
        .catch(() => 'NO ANSWER');
      if (circuit.at(-1)?.state !== state) circuit.push({ at: performance.now(), state });
      await sleep(100);
    }
  })();

  const stop = async () =>
    'signal' in o.outage ? void o.outage.signal.kill('SIGUSR1') : void (await run(o.outage.stop));
  const start = async () =>
    'signal' in o.outage ? void o.outage.signal.kill('SIGUSR2') : void (await run(o.outage.start));

  const began = performance.now();
  await sleep(3_000); // warm-up and a baseline
  const windows: Window[] = [];
  for (let n = 0; n < o.outages; n++) {
    const stopBegin = performance.now();
    await stop();
    const stopEnd = performance.now();
    await sleep(o.outageSeconds * 1_000);
    const startBegin = performance.now();
    await start();
    const startEnd = performance.now();
    windows.push({ stopBegin, stopEnd, startBegin, startEnd });
    // Until answers are back (or the bound is long past), then a calm stretch before the next one.
    const until = startEnd + RECOVERY_MS * 2;
    while (performance.now() < until && !samples.some((s) => s.start >= startEnd && s.outcome === 'data'))
      await sleep(100);
    await sleep(o.outageSeconds * 1_000);
  }
  loading = false;
  await Promise.all([...clients, watcher]);
  const ended = performance.now();
  const alive = o.server.exitCode === null;
  const faults = await fetch(`${o.base}/health`)
    .then(async (r) => ((await r.json()) as { faults: unknown }).faults)
    .catch(() => 'no answer');

  const byOutcome = (list: Sample[]) => {
    const counts = new Map<string, number>();
    for (const s of list) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
    return [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const ms = (x: number) => `${Math.round(x)} ms`;
  let passed = alive && !samples.some((s) => s.outcome === 'NO ANSWER' || s.outcome.startsWith('HTTP'));
  const rows: string[] = [];
  for (const [n, w] of windows.entries()) {
    // Requests sent while the store was down (after the stop command returned, before the start began).
    const during = samples.filter((s) => s.start >= w.stopEnd && s.start < w.startBegin);
    const longest = Math.max(0, ...during.map((s) => s.end - s.start));
    const allUnavailable = during.every((s) => s.outcome === 'SERVICE_UNAVAILABLE');
    const opened = circuit.find((c) => c.at >= w.stopBegin && c.state === 'open');
    const back = samples.filter((s) => s.start >= w.startEnd && s.outcome === 'data').sort((a, b) => a.end - b.end)[0];
    const recovery = back ? back.end - w.startEnd : Infinity;
    if (!allUnavailable || longest > OUTAGE_ANSWER_MS || recovery > RECOVERY_MS) passed = false;
    rows.push(
      `| ${n + 1} | ${ms(w.stopEnd - w.stopBegin)} / ${ms(w.startEnd - w.startBegin)} | ${during.length}: ${byOutcome(during) || '–'} | ` +
        `${ms(longest)} | ${opened ? ms(opened.at - w.stopEnd) : 'never'} | ${Number.isFinite(recovery) ? ms(recovery) : 'not within the run'} |`,
    );
  }
  const lines = [
    `## Fault run (${new Date().toISOString().slice(0, 10)}, ${o.engine}, ${o.connections} connections, ${o.outages} outages of ${o.outageSeconds} s, ${o.mix.length}-operation mix)`,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ` +
      `Outage: ${'signal' in o.outage ? 'injected in the embedded store (FaultyStore, SIGUSR1/SIGUSR2)' : `\`${o.outage.stop}\` / \`${o.outage.start}\``}.`,
    '',
    `${samples.length} requests in ${ms(ended - began)}: ${byOutcome(samples)}.`,
    `Server ${alive ? 'still running' : `EXITED (${o.server.exitCode})`}; process faults at the end: ${JSON.stringify(faults)}.`,
    '',
    '| outage | stop / start command took | requests sent while down: outcomes | longest of them | circuit open after | first data after the store returned |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Circuit as sampled from /health every 100 ms: ${circuit.map((c) => `${c.state} at ${((c.at - began) / 1000).toFixed(1)} s`).join(', ')}.`,
    '',
    passed
      ? `PASS: the server stayed up, every request during an outage answered SERVICE_UNAVAILABLE within ${OUTAGE_ANSWER_MS / 1000} s, and answers came back within ${RECOVERY_MS / 1000} s.`
      : 'FAIL: see the table (a request without an answer, a slow or other answer during an outage, or a late recovery).',
  ];
  return { lines, passed };
}
