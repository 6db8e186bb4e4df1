/**
 * The list compiler (src/graphql/list-compiler.ts) on the real seeds: a list request with nested
 * relationship fields is one store call, and its answer is the one the resolvers' own loading
 * gives (the same selection asked through nodes(ids), which the compiler does not touch); what it
 * does not compile falls back to that loading; a filter naming nothing is still the user's error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrow, RELATION_FIELDS } from '../src/graphql/relation-model.js';
import { RecordingStore } from '../src/store/recording-store.js';
import { serve, type TestServer } from './support/http-client.js';
import { lintCypher, prefetchLint } from './support/cypher-lint.js';
import { seededStore } from './support/seeded-store.js';

let recorder: RecordingStore;
let store: Awaited<ReturnType<typeof seededStore>>['store'];
let server: TestServer;
/** Every text the requests here sent, linted at the end. */
const texts = new Set<string>();

beforeAll(async () => {
  ({ store } = await seededStore());
  recorder = new RecordingStore(store);
  server = await serve(recorder);
  await server.gql('{ __typename }'); // the one-off statistics read
});
afterAll(async () => {
  await server?.close();
  await recorder?.close();
});

async function recorded(query: string, variables?: Record<string, unknown>) {
  recorder.start();
  const res = await server.gql(query, variables);
  const calls = recorder.stop();
  for (const call of calls) if (call.method === 'read') texts.add(call.cypher);
  return { res, calls };
}

/** A list field, its arguments, its kind and a selection on its nodes. */
const NESTED: Array<[list: string, args: string, kind: string, selection: string]> = [
  [
    'parks',
    '(first: 20, filter: {city: "郴州"})',
    'Park',
    'id name enterprises(first: 20) { id name projects(first: 10) { id name amountYi status } }',
  ],
  [
    'cities',
    '(first: 40)',
    'City',
    'id name parks(first: 10) { id name enterprises(first: 10) { id name projects(first: 5) { id name amountYi } } }',
  ],
  [
    'projects',
    '(first: 30, filter: {city: "韶关"})',
    'Project',
    'id name status amountYi city { id name prefecture { id name } }',
  ],
  [
    'indicators',
    '(first: 30, filter: {city: "阳江"})',
    'Indicator',
    'id metric value unit status subject { id name kind }',
  ],
  [
    'enterprises',
    '(first: 40)',
    'Enterprise',
    'name a: chains(first: 1) { name } b: chains { id ... on IndustryChain { parent { name } } } parent { id } city { name province { name } }',
  ],
  [
    'policies',
    '(first: 20)',
    'Policy',
    'name status targets(first: 2) { metric year } issuers { id name } appliesTo(first: 3) { id ... on City { level } }',
  ],
  [
    'chains',
    '(first: 30)',
    'IndustryChain',
    'name children { name leaders(first: 2) { name } } enterprises(first: 0) { id }',
  ],
  [
    'parks',
    '(first: 10)',
    'Park',
    'name status designationNames evidence { quote } documents { id } relations(types: [LOCATED_IN]) { type node { id } } subParks { name city { name } }',
  ],
];

describe('nested lists compiled into one query', () => {
  it.each(NESTED)('%s%s answers as the resolvers load it, in one store call', async (list, args, kind, selection) => {
    const { res, calls } = await recorded(
      `{ ${list}${args} { totalCount pageInfo { hasNextPage } nodes { ${selection} } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const nodes = res.data[list].nodes as Array<{ id?: string }>;
    expect(nodes.length, 'the operation must answer something').toBeGreaterThan(0);
    const ids = (await server.gql(`{ ${list}${args} { nodes { id } } }`)).data[list].nodes.map((n: any) => n.id);
    const loaded = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${kind} { ${selection} } } }`, {
      ids,
    });
    expect(loaded.errors).toBeUndefined();
    expect(nodes).toEqual(loaded.data.nodes);
    // The fields it does not compile (documents, evidence documents, relations) load as before.
    if (!/documents|relations/.test(selection)) expect(calls).toHaveLength(1);
  });

  it('answers edges, aliases, fragments and pageInfo from the same query', async () => {
    const query = `query($first: Int) { parks(first: 3, filter: {city: "韶关"}) {
      pageInfo { hasNextPage endCursor } edges { cursor node { ...P e: enterprises(first: 1) { id } } }
      nodes { id e: enterprises(first: $first) { name } ... on Park { e: enterprises(first: $first) { id } } } } }
      fragment P on Park { name enterprises { id } }`;
    const { res, calls } = await recorded(query, { first: 2 });
    expect(res.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    const ids = res.data.parks.nodes.map((n: any) => n.id);
    const loaded = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Park { id e: enterprises(first: 2) { name id } } } }`,
      { ids },
    );
    expect(res.data.parks.nodes).toEqual(loaded.data.nodes);
    const edges = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Park { name enterprises { id } e: enterprises(first: 1) { id } } } }`,
      { ids },
    );
    expect(res.data.parks.edges.map((e: any) => e.node)).toEqual(edges.data.nodes);
    expect(res.data.parks.pageInfo.hasNextPage).toBe(true);
    expect(res.data.parks.pageInfo.endCursor).toBe(res.data.parks.edges[2].cursor);
  });

  it('pages with after as the whole list orders it, counting every match', async () => {
    const filter = '{city: "韶关", status: [EXISTING, PLANNED]}';
    const all = await server.gql(`{ parks(first: 100, filter: ${filter}) { totalCount nodes { id } } }`);
    const ids = all.data.parks.nodes.map((n: any) => n.id);
    expect(ids.length).toBeGreaterThan(4);
    expect(all.data.parks.totalCount).toBe(ids.length);
    const first = await server.gql(`{ parks(first: 2, filter: ${filter}) { edges { cursor } } }`);
    const { res, calls } = await recorded(
      `query($after: String) { parks(first: 2, after: $after, filter: ${filter}) { totalCount pageInfo { hasNextPage } nodes { id enterprises { id } } } }`,
      { after: first.data.parks.edges[1].cursor },
    );
    expect(calls).toHaveLength(1);
    expect(res.data.parks).toEqual({
      totalCount: ids.length,
      pageInfo: { hasNextPage: ids.length > 4 },
      nodes: expect.any(Array),
    });
    expect(res.data.parks.nodes.map((n: any) => n.id)).toEqual(ids.slice(2, 4));
  });

  it.each([
    ['parks', 'Park'],
    ['enterprises', 'Enterprise'],
    ['projects', 'Project'],
    ['organizations', 'Organization'],
    // No walk: one pass per city, each node's placeIds tested for it (an indicator's are its subject's).
    ['indicators', 'Indicator'],
    ['policies', 'Policy'],
  ])('finds, walking down from a city or city by city, every %s whose placeIds name it', async (list, kind) => {
    const cities = await recorder.read<{ id: string }>('MATCH (c:City) RETURN c.id AS id ORDER BY id');
    let found = 0;
    for (const { id } of cities) {
      const expected = await recorder.read<{ id: string }>(
        `MATCH (n:${kind}) WHERE $city IN n.placeIds RETURN n.id AS id ORDER BY id`,
        { city: id },
      );
      const res = await server.gql(
        `query($city: String) { ${list}(first: 100, filter: {city: $city}) { totalCount nodes { id } } }`,
        {
          city: id,
        },
      );
      expect(res.data[list].totalCount, `${kind} in ${id}`).toBe(expected.length);
      expect(res.data[list].nodes.map((n: any) => n.id)).toEqual(expected.slice(0, 100).map((e) => e.id));
      found += expected.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('keeps the errors and limits of the fields it compiles', async () => {
    const bad = await server.gql('{ parks(first: 2) { nodes { enterprises(first: 501) { id } } } }');
    expect(bad.errors?.[0]?.message).toBe('first must be an integer from 0 to 500, got 501');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await recorded('{ parks(filter: {city: "不存在的城市"}) { totalCount nodes { id } } }');
    expect(unknown.calls).toHaveLength(1);
    expect(unknown.res.data).toBeNull();
    expect(unknown.res.errors?.[0]?.message).toBe(
      'filter.city: no City is called "不存在的城市" (use an id, a name or an alias)',
    );
    const issuer = await server.gql('{ policies(filter: {issuer: "nobody"}) { totalCount } }');
    expect(issuer.errors?.[0]?.message).toBe(
      'filter.issuer: no Organization or City is called "nobody" (use an id, a name or an alias)',
    );
  });

  it('skips what @skip and @include leave out', async () => {
    const query = `query($no: Boolean!) { parks(first: 5) { nodes { id enterprises @include(if: $no) { id } projects @skip(if: $no) { id } } } }`;
    const { res, calls } = await recorded(query, { no: false });
    expect(res.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(res.data.parks.nodes[0]).toEqual({ id: res.data.parks.nodes[0].id, projects: expect.any(Array) });
    expect(calls[0]!.method === 'read' && calls[0]!.cypher).not.toContain('IN_PARK]-(v2:Enterprise)');
  });

  it.each(RELATION_FIELDS.map((f) => [`${f.owner}.${f.field}`, f] as const))(
    'node(id) { %s } answers as the resolvers load it, in one store call when compiled',
    async (_, f) => {
      const [row] = await store.read<{ id: string }>(
        `MATCH (n:${f.owner})${arrow(f.direction, f.types)}(:Entity) RETURN n.id AS id ORDER BY id LIMIT 1`,
      );
      if (!row) return; // no such relationship in the seeds: the snapshot test still pins its text
      const selection = f.single ? `${f.field} { id name }` : `${f.field}(first: 3) { id name }`;
      const { res, calls } = await recorded(
        `query($id: ID!) { node(id: $id) { id ... on ${f.owner} { ${selection} } } }`,
        {
          id: row.id,
        },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const loaded = await server.gql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${f.owner} { ${selection} } } }`,
        {
          ids: [row.id],
        },
      );
      expect(res.data.node).toEqual(loaded.data.nodes[0]);
      // As compileLevel: a field with a kinds argument, or to several kinds, loads through its resolver.
      const compiles = !f.kindsArgument && (f.kinds === null || f.kinds.length === 1);
      expect(calls).toHaveLength(compiles ? 1 : 2);
    },
  );

  it('node(id) with nested relationship fields and fragments: one query, the answer the loaders give', async () => {
    const parks = (await server.gql('{ parks(first: 100) { nodes { id enterprises(first: 1) { id } } } }')).data.parks
      .nodes as Array<{ id: string; enterprises: unknown[] }>;
    const park = parks.find((p) => p.enterprises.length > 0)!.id;
    const selection = `id name ... on Park { enterprises(first: 20) { id name projects(first: 10) { id name amountYi status } }
      e: enterprises(first: 2) { ...E } city { id name prefecture { id } } } ... on City { parks { id } }`;
    const { res, calls } = await recorded(
      `query($id: ID!) { node(id: $id) { ${selection} } } fragment E on Enterprise { name }`,
      { id: park },
    );
    expect(res.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    const loaded = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } } fragment E on Enterprise { name }`,
      { ids: [park] },
    );
    expect(res.data.node).toEqual(loaded.data.nodes[0]);
    console.log('NODE', park, JSON.stringify(res.data.node).slice(0, 300));
    expect(res.data.node.enterprises.length).toBeGreaterThan(0);
    const missing = await recorded(`{ node(id: "park:nowhere") { ${selection} } } fragment E on Enterprise { name }`);
    expect(missing.res.errors).toBeUndefined();
    expect(missing.res.data.node).toBeNull();
  });

  it('relations(types, direction, first) under node(id) and under a list: in the same query, the rows the loaders give', async () => {
    const relations = `relations(first: 500) { type direction basis reason properties { key value }
        qualifiers { status mode } evidence { quote start end document { id name } } node { id kind name } }
      out: relations(types: $types, direction: OUT, first: $first) { type direction node { id } }`;
    const variables = { types: ['LOCATED_IN', 'PART_OF', 'PAIRED_WITH', 'MENTIONED_IN'], first: 7 };
    for (const id of ['city:shaoguan', 'doc:001', 'park:huanan-zhuangbei']) {
      const query = `query($id: ID!, $types: [RelationType!], $first: Int) { node(id: $id) { id name ${relations} } }`;
      const { res, calls } = await recorded(query, { ...variables, id });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      // The node, its relations and the documents they mention came in one call; an evidence
      // document no relation brought is one more.
      expect(calls.length, id).toBeLessThanOrEqual(2);
      expect(calls[0]!.method === 'read' && calls[0]!.cypher).toContain('$_r0Types');
      const loaded = await server.gql(
        `query($ids: [ID!]!, $types: [RelationType!], $first: Int) { nodes(ids: $ids) { id name ${relations} } }`,
        { ...variables, ids: [id] },
      );
      expect(loaded.errors).toBeUndefined();
      expect(res.data.node, id).toEqual(loaded.data.nodes[0]);
      expect(res.data.node.relations.length, id).toBeGreaterThan(0);
    }
    const list = `{ parks(first: 30, filter: {city: "韶关"}) { nodes { id
      relations(types: [PART_OF, LOCATED_IN, IN_PARK, HAS_INDUSTRY, PART_OF_CHAIN], direction: OUT, first: 30) { type node { id } } } } }`;
    const { res, calls } = await recorded(list);
    expect(res.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    const ids = res.data.parks.nodes.map((n: any) => n.id);
    const loaded = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Park { id relations(types: [PART_OF, LOCATED_IN, IN_PARK, HAS_INDUSTRY, PART_OF_CHAIN], direction: OUT, first: 30) { type node { id } } } } }`,
      { ids },
    );
    expect(res.data.parks.nodes).toEqual(loaded.data.nodes);
    expect(res.data.parks.nodes.some((n: any) => n.relations.length > 0)).toBe(true);
    // An argument out of bounds is refused as before (the request's cost check reads it first).
    const bad = await server.gql('{ node(id: "city:shaoguan") { relations(first: -1) { type } } }');
    expect(bad.errors?.[0]?.extensions?.code, JSON.stringify(bad.errors)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe('first must be an integer from 0 to 500, got -1');
  });

  it('chainLeaders with relationship fields under its enterprise and chain: one query, the answer the loaders give', async () => {
    const enterprise = 'id name projects(first: 20) { id name parks(first: 10) { id name } } parks(first: 5) { id }';
    const chain = 'id name parent { id name } leaders(first: 3) { id }';
    for (const city of ['肇庆', '韶关', null]) {
      const { res, calls } = await recorded(
        `query($city: String) { chainLeaders(city: $city) { role enterprise { ${enterprise} } chain { ${chain} } parks { id } } }`,
        { city },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(calls, String(city)).toHaveLength(1);
      const leaders = res.data.chainLeaders as Array<{ enterprise: { id: string }; chain: { id: string } }>;
      expect(leaders.length).toBeGreaterThan(0);
      const loaded = await server.gql(
        `query($e: [ID!]!, $c: [ID!]!) { e: nodes(ids: $e) { ... on Enterprise { ${enterprise} } } c: nodes(ids: $c) { ... on IndustryChain { ${chain} } } }`,
        { e: leaders.map((l) => l.enterprise.id), c: leaders.map((l) => l.chain.id) },
      );
      expect(loaded.errors).toBeUndefined();
      expect(leaders.map((l) => l.enterprise)).toEqual(loaded.data.e);
      expect(leaders.map((l) => l.chain)).toEqual(loaded.data.c);
    }
    // Asked under two aliases, the enterprise's fields load through their resolvers, as before.
    const twice = await recorded(
      '{ chainLeaders(city: "肇庆") { a: enterprise { projects(first: 1) { id } } b: enterprise { projects(first: 2) { id } } } }',
    );
    expect(twice.res.errors).toBeUndefined();
    expect(twice.calls.length).toBeGreaterThan(1);
  });

  // Last: linting blocks the event loop for seconds, long enough to drop a kept-alive connection.
  it('writes texts Neo4j’s parser accepts', async () => {
    expect(texts.size).toBeGreaterThan(NESTED.length);
    await prefetchLint(texts);
    for (const text of texts) expect(lintCypher(text, { singleStatement: true }).errors, text).toEqual([]);
  }, 120_000);
});
