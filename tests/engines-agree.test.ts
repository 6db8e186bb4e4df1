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
  '{ policies(first: 100, filter: {issuer: "阳江"}) { totalCount nodes { id issuers { id } targets { id } } } }',
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

  it.each(OPERATIONS)('%s', async (query) => {
    const [fromNeo4j, fromEmbedded] = await Promise.all([neo4j.gql(query), embedded.gql(query)]);
    expect(fromEmbedded.errors).toBeUndefined();
    expect(fromNeo4j.errors).toBeUndefined();
    expect(canonical(fromNeo4j.data)).toEqual(canonical(fromEmbedded.data));
  });

  it.each(['韶关', '韶關', 'Shaoguan', '宁德时代', 'CATL', '比亚迪', '广东省韶钢产业园'])(
    'search finds the same entity first for %s',
    async (text) => {
      const query = 'query($t: String!) { search(text: $t, first: 1) { edges { node { id } match } } }';
      const [a, b] = await Promise.all([neo4j.gql(query, { t: text }), embedded.gql(query, { t: text })]);
      expect(a.data.search.edges[0]).toEqual(b.data.search.edges[0]);
    },
  );
});
