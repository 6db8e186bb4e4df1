/**
 * Hostile and clumsy traffic: injection payloads in every string argument, oversized and
 * malformed requests, query-shape attacks, and a store that dies mid-request. The graph must be
 * unchanged afterwards and every answer either results or a clear, coded error.
 */
import { describe, expect, it } from 'vitest';
import { countGraph, type GraphCounts } from '../src/store/graph-counts.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { serve } from './support/http-client.js';
import { useServedGraph } from './support/served-graph.js';

const graph = useServedGraph({ production: true });

const PAYLOADS = [
  "'",
  '"',
  '\\',
  '}) MATCH (n) DETACH DELETE n //',
  "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  '$ids',
  '韶关\u0000',
  '\u202e韶关',
  'Ѕhaoguan', // Cyrillic Ѕ, a confusable
  '韶关', // full-width
  '🏭'.repeat(20),
  'a'.repeat(5_000),
];

const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

/** Every operation with a string argument, the argument as $v. */
const OPERATIONS = [
  'query($v: ID!) { node(id: $v) { id } }',
  'query($v: ID!) { nodes(ids: [$v, "city:shaoguan"]) { id } }',
  'query($v: String!) { search(text: $v) { totalCount } }',
  'query($v: String!) { search(text: "韶关", after: $v) { totalCount } }',
  'query($v: String!) { parks(filter: {nameContains: $v}) { totalCount } }',
  'query($v: String!) { parks(filter: {city: $v}) { totalCount } }',
  'query($v: String!) { enterprises(filter: {park: $v}) { totalCount } }',
  'query($v: String!) { projects(filter: {chain: $v}) { totalCount } }',
  'query($v: ID!) { projects(filter: {document: $v}) { totalCount } }',
  'query($v: ProjectStatus!) { projects(filter: {status: [$v]}) { totalCount } }',
  'query($v: String!) { policies(filter: {issuer: $v}) { totalCount } }',
  'query($v: PolicyType!) { policies(filter: {policyType: [$v]}) { totalCount } }',
  'query($v: String!) { policies(filter: {docNumber: $v}) { totalCount } }',
  'query($v: String!) { indicators(filter: {metric: $v}) { totalCount } }',
  'query($v: String!) { parks(filter: {designation: $v}) { totalCount } }',
  'query($v: String!) { designations(filter: {issuer: $v}) { totalCount } }',
  'query($v: String!) { facts(subject: $v) { totalCount } }',
  'query($v: String!) { facts(object: $v, type: LOCATED_IN) { totalCount } }',
  'query($v: ID!) { facts(document: $v) { totalCount } }',
  'query($v: String!) { facts(after: $v) { totalCount } }',
  'query($v: String!) { parks(after: $v) { totalCount } }',
  'query($v: String!) { chainLeaders(city: $v) { chain { id } } }',
  'query($v: String!) { chainLeaders(park: $v) { chain { id } } }',
  'query($v: String!) { chainLeaders(chain: $v) { chain { id } } }',
  'query($v: String!) { connections(from: $v, to: "city:dongguan") { length } }',
  'query($v: String!) { connections(from: "city:shaoguan", to: $v) { length } }',
  'query($v: String!) { investmentSummary(groupBy: CITY, city: $v) { key } }',
  'query($v: String!) { investmentSummary(groupBy: CHAIN, chain: $v) { key } }',
];

describe('injection payloads in every string argument', () => {
  it.each(OPERATIONS)('%s, leaving the graph as it was', async (query) => {
    const before: GraphCounts = await countGraph(graph.store);
    for (const v of PAYLOADS) {
      const res = await graph.server.gql(query, { v });
      if (res.errors) {
        for (const e of res.errors) {
          expect(
            ALLOWED_CODES.has(e.extensions?.code ?? ''),
            `${query} with ${JSON.stringify(v).slice(0, 40)}: ${e.message}`,
          ).toBe(true);
          expect(e.message.split(v.slice(0, 40)).join('')).not.toMatch(
            /GRAFEO|properties\(|UNWIND|node_modules|\.ts:\d/,
          );
        }
      } else {
        expect(res.data).toBeDefined();
      }
    }
    expect(await countGraph(graph.store)).toEqual(before);
  });
});

describe('request shapes that are rejected before touching the store', () => {
  const expectRejected = async (query: string, limit: string) => {
    const res = await graph.server.gql(query);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    return res;
  };

  it('a deep query', async () => {
    const deep = `{ node(id: "ent:xpeng") { ...on Enterprise { leadsChains { leaders { leadsChains { leaders { leadsChains { leaders { leadsChains { leaders { leadsChains { leaders { id } } } } } } } } } } } } }`;
    const res = await expectRejected(deep, 'depth');
    expect(res.errors![0]!.message).toMatch(/depth limit of 10 exceeded/);
  });

  it('an alias bomb', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: node(id: "city:shaoguan") { id }`).join(' ');
    await expectRejected(`{ ${aliases} }`, 'aliases');
  });

  it('nested lists that would multiply into millions of rows on this graph', async () => {
    const res = await expectRejected(
      '{ documents(first: 100) { nodes { entities(first: 500) { relations(first: 500) { node { relations(first: 500) { node { id } } } } } } } }',
      'cost',
    );
    expect(res.errors![0]!.message).toMatch(
      /^Query cost exceeds the budget of 50000 rows: it would return about \d+ rows \(estimated from this graph's fan-out\), most at documents\.nodes\.entities\.relations\.node\.relations \(5 documents × \d+ entities × \d+ relations × \d+ relations\)\. Ask for fewer: a smaller first on documents, entities, relations/,
    );
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'documents.nodes.entities.relations.node.relations' });
  });

  it('a query with thousands of tokens', async () => {
    const fields = Array.from({ length: 2_100 }, () => 'id').join(' ');
    await expectRejected(`{ node(id: "city:shaoguan") { ${fields} } }`, 'tokens');
  });

  it('batched operations (a JSON array) get 400', async () => {
    const res = await graph.server.post(
      JSON.stringify([{ query: '{ stats { nodes { name } } }' }, { query: '{ stats { nodes { name } } }' }]),
    );
    expect(res.status).toBe(400);
  });
});

describe('malformed HTTP requests get 4xx with a code, never a stack trace', () => {
  it('malformed JSON', async () => {
    const res = await graph.server.post('{"query": "{ stats { nodes { name } } }"');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: 'request body is not valid JSON', extensions: { code: 'MALFORMED_JSON' } }],
    });
  });

  it('a wrong content type', async () => {
    const res = await graph.server.post('{"query": "{ stats { nodes { name } } }"}', { 'content-type': 'text/plain' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('an oversized body (a 1 MB string)', async () => {
    const res = await graph.server.post(
      JSON.stringify({
        query: 'query($v: String!) { search(text: $v) { totalCount } }',
        variables: { v: 'x'.repeat(1_000_000) },
      }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a query that is not GraphQL', async () => {
    const res = await graph.server.gql('MATCH (n) DETACH DELETE n');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('a store that fails in the middle of a request', () => {
  it('yields a clean INTERNAL_SERVER_ERROR in production: no Cypher, no paths, no stack', async () => {
    let reads = 0;
    // The real store answers the first query; then it fails the way an engine does, with internals in the message.
    const failing: GraphStore = Object.create(graph.store, {
      read: {
        value: async (...args: Parameters<GraphStore['read']>) => {
          if (++reads > 1)
            throw new Error(
              `GRAFEO-E042: storage closed while running ${args[0]} at /work/main/src/store/grafeo-store.ts:61`,
            );
          return graph.store.read(...args);
        },
      },
    });
    const broken = await serve(failing, true);
    try {
      const res = await broken.gql('{ parks(first: 3) { nodes { name city { name } enterprises { name } } } }');
      expect(reads).toBeGreaterThan(1);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const e of res.errors!) {
        expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(e.message).toBe('Internal server error');
      }
      expect(JSON.stringify(res)).not.toMatch(/stack|GRAFEO|MATCH|grafeo-store|\.ts/);
    } finally {
      await broken.close();
    }
  });

  it('a request that has used up its time budget answers TIMEOUT, with the budget in the message', async () => {
    const hurried = await serve(graph.store, true, { requestTimeoutMs: 0 });
    try {
      const res = await hurried.gql('{ parks(first: 3) { totalCount nodes { name } } }');
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]).toEqual({
        message: 'the request exceeded its 0 ms time limit',
        locations: expect.anything(),
        path: ['parks'],
        extensions: { code: 'TIMEOUT' },
      });
    } finally {
      await hurried.close();
    }
  });
});
