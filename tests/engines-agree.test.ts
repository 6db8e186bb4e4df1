/**
 * The API answers the same on Neo4j as on the embedded engine: each operation below runs against
 * both, loaded from the same cypher/ files, and the answers must agree. Runs in the `neo4j` test
 * project only (NEO4J_TEST_URI; vitest.config.ts): without a Neo4j there is nothing to compare.
 * Lists whose order no query fixes (evidence, paths of equal length) are compared as sets; search
 * is compared by its first hit, as the engines' full-text indexes score differently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/graph-store.js';
import { serve, type TestServer } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';
import { ON_NEO4J, seededTestStore } from './support/test-store.js';

/** Arrays sorted by their elements' JSON, at every depth: the answer as a set of sets. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

const OPERATIONS = [
  '{ chainLeaders(city: "肇庆") { enterprise { id } chain { id } role parks { id } city { id } evidence { quote start end document { id } } } }',
  '{ chainLeaders { enterprise { id } chain { id } parks { id } } }',
  '{ parks(first: 100) { totalCount nodes { id city { id } enterprises { id projects { id amountYi } } industries { id } } } }',
  '{ projects(first: 100, filter: {city: "郴州", minAmountYi: 10}) { totalCount nodes { id amountYi status } } }',
  '{ policies(first: 100, filter: {issuer: "阳江"}) { totalCount nodes { id issuers { id } appliesTo { id } targets { id } } } }',
  '{ chains(first: 100, filter: {park: "广东省韶钢产业园"}) { totalCount nodes { id } } }',
  '{ investmentSummary(groupBy: CITY) { key label totalAmountYi projectCount projectsWithAmount projects { id } } }',
  '{ investmentSummary(groupBy: CHAIN, city: "郴州") { key totalAmountYi projectCount } }',
  '{ investmentSummary(groupBy: STATUS) { key totalAmountYi projectCount } }',
  '{ investmentSummary(groupBy: DOCUMENT) { key totalAmountYi projectCount } }',
  '{ connections(from: "比亚迪", to: "宁德时代", maxHops: 6) { length nodes { id } steps { type forward } } }',
  '{ node(id: "city:shaoguan") { relations { type direction node { id } properties { key value } evidence { quote } } } }',
  '{ node(id: "doc:002") { ... on Document { entities(kinds: [Enterprise, Park]) { id } city { id } } } }',
  '{ stats { nodes { name count } relationships { name count } documents { document { id } entities relationships } } }',
  '{ regions(first: 100) { totalCount nodes { id regionType city { id } members { id } industries { id } } } }',
  '{ designations(first: 100, filter: {city: "韶关"}) { totalCount nodes { id holders { id } issuers { id } indicators { id value } } } }',
  '{ reports(first: 100) { totalCount nodes { id issuers { id } subjects { id } proposes { id } implementedBy { id } } } }',
  '{ policies(first: 100, filter: {city: "阳江"}) { totalCount nodes { id level partOf { id } parts { id } } } }',
  '{ node(id: "city:zhaoqing") { relations(types: [HAS_DESIGNATION, IN_REGION, HAS_INDUSTRY]) { type node { id } basis reason properties { key value } } } }',
  // Analyst API v2 (issue #13): the place rule, the derived lists, facts, look-ups, qualifiers.
  '{ projects(first: 100) { totalCount nodes { id status city { id prefecture { id } province { id } } } } }',
  '{ parks(first: 100) { nodes { id status designationNames city { id } } } enterprises(first: 100) { nodes { id city { id } } } }',
  '{ chainLeaders(chain: "汽车及零部件") { enterprise { id } chain { id } basis qualifiers { role status } parkLinks { id type basis qualifiers { status tier } } city { id } } }',
  '{ enterprises(first: 100, filter: {city: "韶关", chain: "先进材料"}) { totalCount nodes { id } } }',
  '{ projects(first: 100, filter: {status: ["竣工投产", "在建"], chain: "电子信息"}) { totalCount nodes { id } } }',
  '{ investmentSummary(groupBy: STATUS, chain: "电子信息") { key totalAmountYi projectCount } }',
  '{ facts(first: 100, type: [PAIRED_WITH, COOPERATES_WITH]) { totalCount nodes { id type subject { id } object { id } basis reason qualifiers { mode round status } evidence { quote start end } } } }',
  '{ facts(first: 100, subject: "韶关") { totalCount nodes { id basis qualifiers { status designationStatus tier statusHistory { document { id } status } } } } }',
  '{ facts(first: 100, object: "city:yangjiang", basis: INFERRED) { totalCount nodes { id reason } } }',
  '{ facts(first: 100, designationStatus: SOUGHT) { totalCount pageInfo { hasNextPage endCursor } nodes { id qualifiers { designationStatus year batch } } } }',
  '{ facts(first: 50, status: PLANNED, document: "doc:003") { totalCount nodes { id } } }',
  '{ policies(filter: {docNumber: "阳府[2023]14号"}) { nodes { id targets { id metric value year setBy { id } } } } }',
  '{ indicators(first: 100, filter: {city: "阳江", year: 2027, target: true}) { totalCount nodes { id } } }',
  '{ designations(first: 100, filter: {city: "韶关", status: [AWARDED]}) { totalCount nodes { id holders { id } proposedIn { id } } } }',
  '{ parks(first: 100, filter: {designation: "省级高新区", designationStatus: [AWARDED]}) { nodes { id } } }',
  '{ chains(first: 100, filter: {chain: "电子信息"}) { nodes { id parent { id } parents { id } children { id } } } }',
  '{ cities(first: 100) { nodes { parks { enterprises { projects { name } } } } } }',
  '{ connections(from: "韶关", to: "东莞") { steps { type basis qualifiers { mode round } } } }',
];

describe.skipIf(!ON_NEO4J)('Neo4j answers as the embedded engine does', () => {
  const stores: GraphStore[] = [];
  let neo4j: TestServer;
  let embedded: TestServer;

  beforeAll(async () => {
    const [a, b] = await Promise.all([seededTestStore(), seededStore()]);
    stores.push(a.store, b.store);
    [neo4j, embedded] = await Promise.all([serve(a.store), serve(b.store)]);
  });
  afterAll(async () => {
    await Promise.all([neo4j?.close(), embedded?.close()]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('holds the same fan-out statistics, so the cost limit judges a request alike on both', async () => {
    const query =
      'MATCH (s:Statistic) RETURN s.id AS id, s.p99 AS p99, s.max AS max, s.sources AS sources, s.count AS count ORDER BY id';
    const [a, b] = await Promise.all(stores.map((s) => s.read(query)));
    expect(a!.length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  });

  it.each(OPERATIONS)('%s', async (query) => {
    const [fromNeo4j, fromEmbedded] = await Promise.all([neo4j.gql(query), embedded.gql(query)]);
    expect(fromEmbedded.errors).toBeUndefined();
    expect(fromNeo4j.errors).toBeUndefined();
    expect(canonical(fromNeo4j.data)).toEqual(canonical(fromEmbedded.data));
  });

  it.each(['韶关', '韶關', 'Shaoguan', '宁德时代', 'CATL', '比亚迪', '广东省韶钢产业园', '阳府〔2023〕14号'])(
    'search finds the same entity first for %s',
    async (text) => {
      const query = 'query($t: String!) { search(text: $t, first: 1) { edges { node { id } match } } }';
      const [a, b] = await Promise.all([neo4j.gql(query, { t: text }), embedded.gql(query, { t: text })]);
      expect(a.data.search.edges[0]).toEqual(b.data.search.edges[0]);
    },
  );
});
