/**
 * The store calls behind each flagship operation and every relationship field, pinned: the exact
 * Cypher text and parameters, recorded by a GraphStore decorator (src/store/recording-store.ts)
 * around the real embedded store seeded from cypher/. Any change to a query shows here in review
 * (`npx vitest run tests/cypher-snapshots.test.ts -u` to accept one). The texts are the same on
 * both engines by design, so this runs on the embedded engine only: on Neo4j the full-text hits,
 * and with them the ids search passes on, differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_FIELDS } from '../src/graphql/relation-model.js';
import { RecordingStore, type RecordedCall } from '../src/store/recording-store.js';
import { lintCypher, prefetchLint } from './support/cypher-lint.js';
import { serve, type TestServer } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';

let recorder: RecordingStore;
let server: TestServer;
/** The first entity of each kind by id: a stable subject for each relationship field. */
const firstOfKind = new Map<string, string>();

beforeAll(async () => {
  const { store } = await seededStore();
  recorder = new RecordingStore(store);
  server = await serve(recorder);
  // The server reads the graph's fan-out statistics once, before it checks its first request's
  // cost: done here, so that one-off read is pinned by no operation's snapshot.
  await server.gql('{ __typename }');
  const rows = await store.read<{ kind: string; id: string }>(
    'MATCH (n:Entity) WITH n.kind AS kind, min(n.id) AS id RETURN kind, id ORDER BY kind',
  );
  for (const { kind, id } of rows) firstOfKind.set(kind, id);
});
afterAll(async () => {
  await server?.close();
  await recorder?.close();
});

/**
 * Calls as a reviewer reads them: the method, the Cypher as written, the parameters as sent.
 * Sorted: calls that run concurrently (from and to of connections) start in either order.
 */
function describeCalls(calls: RecordedCall[]): string {
  return calls
    .map((call) =>
      call.method === 'read'
        ? `read ${JSON.stringify(call.params)}\n${call.cypher.trim()}`
        : `searchEntities(${JSON.stringify(call.text)}, ${call.limit})`,
    )
    .sort()
    .join('\n\n');
}

/** Runs one operation over HTTP and returns its store calls (it must succeed). */
async function recordedCalls(query: string, variables?: Record<string, unknown>): Promise<RecordedCall[]> {
  recorder.start();
  const res = await server.gql(query, variables);
  const calls = recorder.stop();
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return calls;
}

async function callsOf(query: string, variables?: Record<string, unknown>): Promise<string> {
  const calls = await recordedCalls(query, variables);
  expectLinted(calls);
  return describeCalls(calls);
}

/**
 * The flagship operations as the benchmark runs them (bench/run-bench.ts), each with the number
 * of store calls one request makes: on Neo4j every call is a round trip, so a change in these
 * numbers is a change in what a request costs over a network, and shows here.
 */
const FLAGSHIP: Array<[name: string, query: string, storeCalls: number]> = [
  [
    'search, exact name',
    '{ search(text: "宁德时代", first: 10) { totalCount edges { score match node { id kind name } } } }',
    2,
  ],
  [
    'search, keyword',
    '{ search(text: "新能源", first: 10) { totalCount edges { score match node { id kind name } } } }',
    2,
  ],
  [
    'chainLeaders(city)',
    '{ chainLeaders(city: "肇庆") { role enterprise { id name } chain { id name } parks { id name } city { id name } evidence { quote start end document { id } } } }',
    1,
  ],
  [
    'park → enterprises → projects',
    '{ parks(first: 20, filter: {city: "郴州"}) { totalCount nodes { id name enterprises(first: 20) { id name projects(first: 10) { id name amountYi status } } } } }',
    1,
  ],
  [
    'cities → parks → enterprises → projects',
    '{ cities(first: 20, filter: {city: "韶关"}) { nodes { id name parks(first: 10) { id name enterprises(first: 10) { id name projects(first: 5) { id name amountYi } } } } } }',
    1,
  ],
  [
    'projects(city, status words)',
    '{ projects(first: 20, filter: {city: "韶关", status: ["在建", "竣工投产"]}) { totalCount nodes { id name status amountYi city { id name prefecture { id } } } } }',
    1,
  ],
  [
    'indicators(city, year)',
    '{ indicators(first: 20, filter: {city: "阳江", year: 2027}) { totalCount nodes { id metric value unit status subject { id name } } } }',
    1,
  ],
  [
    'connections',
    '{ connections(from: "ent:xpeng", to: "ent:fenghua-gaoke", maxHops: 4, first: 5) { length nodes { id name } steps { type forward evidence { quote } } } }',
    1,
  ],
  [
    'investmentSummary(CHAIN, city)',
    '{ investmentSummary(groupBy: CHAIN, city: "郴州") { key label totalAmountYi projectCount projectsWithAmount } }',
    1,
  ],
];

describe('store calls per flagship operation', () => {
  it.each(FLAGSHIP)('%s', async (_, query, storeCalls) => {
    const calls = await recordedCalls(query);
    expect(calls.length).toBe(storeCalls);
    expectLinted(calls);
  });
});

/**
 * The list compiler (src/graphql/list-compiler.ts) writes a text per selection and filters given,
 * so the catalog's lint cannot see them: every text the operations here send is linted, after the
 * requests (the lint blocks the event loop for seconds, long enough to drop a kept-alive connection).
 */
const sentTexts = new Set<string>();
function expectLinted(calls: RecordedCall[]): void {
  for (const call of calls) if (call.method === 'read') sentTexts.add(call.cypher);
}

describe('flagship operations', () => {
  it.each([
    [
      'search by exact name',
      '{ search(text: "宁德时代", first: 5) { totalCount edges { score match node { id name } } } }',
    ],
    ['search by keyword, kinds', '{ search(text: "新能源", kinds: [Enterprise, Project]) { edges { node { id } } } }'],
    ['search, one character', '{ search(text: "钢") { totalCount } }'],
    [
      'chainLeaders(city)',
      '{ chainLeaders(city: "肇庆") { enterprise { name } chain { name } role parks { name } city { name } evidence { quote } } }',
    ],
    [
      'chainLeaders(park, chain)',
      '{ chainLeaders(park: "广东省韶钢产业园", chain: "绿色钢铁") { enterprise { id } } }',
    ],
    [
      'park → enterprises → projects',
      '{ parks(first: 5) { nodes { name enterprises { name projects { name amountYi } } city { name } } } }',
    ],
    ['connections', '{ connections(from: "韶关", to: "东莞") { length steps { type evidence { quote } } } }'],
    [
      'investmentSummary(CHAIN, city)',
      '{ investmentSummary(groupBy: CHAIN, city: "郴州") { key label totalAmountYi projectCount projects { name } } }',
    ],
    [
      'investmentSummary(CHAIN, city), stored totals',
      '{ investmentSummary(groupBy: CHAIN, city: "郴州") { key label totalAmountYi projectCount projectsWithAmount } }',
    ],
    [
      'investmentSummary(CITY, chain)',
      '{ investmentSummary(groupBy: CITY, chain: "新能源汽车") { key projectCount } }',
    ],
    [
      'projects(city, minAmountYi)',
      '{ projects(first: 10, filter: {city: "郴州", minAmountYi: 100}) { totalCount nodes { name amountYi } } }',
    ],
    ['chains(park)', '{ chains(filter: {park: "广东省韶钢产业园"}) { totalCount nodes { name } } }'],
    ['policies(issuer)', '{ policies(first: 5, filter: {issuer: "阳江"}) { totalCount nodes { name } } }'],
    ['enterprises(chain, after)', '{ enterprises(first: 3, filter: {chain: "新能源汽车"}) { nodes { id } } }'],
    [
      'node with relations',
      '{ node(id: "city:shaoguan") { name relations(types: [PAIRED_WITH]) { type node { name } } } }',
    ],
    ['stats', '{ stats { nodes { name count } relationships { name count } documents { entities } } }'],
    [
      'facts(type)',
      '{ facts(type: PAIRED_WITH) { totalCount nodes { subject { id } object { id } qualifiers { mode } evidence { quote } } } }',
    ],
    ['facts(subject, status)', '{ facts(subject: "韶关", status: PLANNED, first: 5) { totalCount nodes { id } } }'],
    [
      'facts(object, basis)',
      '{ facts(object: "city:shaoguan", basis: INFERRED, first: 5) { totalCount nodes { id } } }',
    ],
    ['search by document number', '{ search(text: "阳府〔2023〕14号", first: 3) { edges { match node { id } } } }'],
    [
      'policies(docNumber) with targets',
      '{ policies(filter: {docNumber: "阳府〔2023〕14号"}) { nodes { name targets { metric value year } } } }',
    ],
    [
      'indicators(city, year, target)',
      '{ indicators(filter: {city: "阳江", year: 2027, target: true}) { totalCount nodes { metric value } } }',
    ],
    [
      'cities → parks → enterprises → projects',
      '{ cities(first: 100) { nodes { parks { enterprises { projects { name } } } } } }',
    ],
    [
      'parks(designation, designationStatus) with city',
      '{ parks(filter: {designation: "省级高新区", designationStatus: [AWARDED]}) { nodes { name city { name prefecture { name } } } } }',
    ],
    ['projects(status synonym)', '{ projects(filter: {status: ["竣工投产"]}) { totalCount } }'],
  ])('%s', async (_, query) => {
    expect(await callsOf(query)).toMatchSnapshot();
  });
});

describe('every relationship field (@relation)', () => {
  it.each(RELATION_FIELDS.map((f) => [`${f.owner}.${f.field}`, f] as const))('%s', async (_, f) => {
    const id = firstOfKind.get(f.owner);
    expect(id, `no ${f.owner} in the graph`).toBeDefined();
    const selection = f.single ? `${f.field} { id name }` : `${f.field}(first: 3) { id name }`;
    expect(
      await callsOf(`query($id: ID!) { node(id: $id) { ... on ${f.owner} { ${selection} } } }`, { id }),
    ).toMatchSnapshot();
  });
});

describe('the texts sent', () => {
  it('pass Neo4j’s parser and semantic analysis', async () => {
    expect(sentTexts.size).toBeGreaterThan(20);
    await prefetchLint(sentTexts);
    for (const text of sentTexts) expect(lintCypher(text, { singleStatement: true }).errors, text).toEqual([]);
  }, 120_000);
});
