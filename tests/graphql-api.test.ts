/** Real GraphQL operations over HTTP against the embedded engine seeded from cypher/. */
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import { useServedGraph } from './support/served-graph.js';

const graph = useServedGraph();

describe('GraphQL API', () => {
  it('serves node(id) with kind-specific fields, relationships and evidence', async () => {
    const res = await graph.server.gql(`{
      node(id: "city:zhaoqing") {
        id kind name nameEn aliases
        ... on City { level parks { id name } }
        evidence { document { id title } quote start end }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const city = res.data.node;
    expect(city).toMatchObject({ id: 'city:zhaoqing', kind: 'City', name: '肇庆市', level: 'PREFECTURE' });
    expect(city.aliases).toContain('肇慶');
    expect(city.parks.map((p: { name: string }) => p.name)).toContain('肇庆大旺新能源汽车产业城');
    expect(city.evidence.length).toBeGreaterThan(0);
    for (const ev of city.evidence) {
      expect(ev.document.id).toMatch(/^doc:\d{3}$/);
      expect(ev.end - ev.start).toBe(ev.quote.length);
    }
  });

  it('returns null for an unknown id', async () => {
    const res = await graph.server.gql('{ node(id: "city:atlantis") { id } }');
    expect(res).toEqual({ data: { node: null } });
  });

  it('lists every kind as a connection with stable keyset pagination', async () => {
    const first = await graph.server.gql(
      '{ enterprises(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
    );
    const conn = first.data.enterprises;
    expect(conn.totalCount).toBeGreaterThan(10);
    expect(conn.edges).toHaveLength(5);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const ids: string[] = conn.edges.map((e: { node: { id: string } }) => e.node.id);
    expect([...ids].sort()).toEqual(ids);
    const next = await graph.server.gql(
      'query($after: String) { enterprises(first: 5, after: $after) { edges { node { id } } } }',
      { after: conn.pageInfo.endCursor },
    );
    const nextIds: string[] = next.data.enterprises.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(nextIds[0]! > ids[4]!).toBe(true);
    for (const list of [
      'cities',
      'parks',
      'projects',
      'chains',
      'policies',
      'organizations',
      'indicators',
      'documents',
    ]) {
      const res = await graph.server.gql(`{ ${list}(first: 1) { totalCount nodes { id kind } } }`);
      expect(res.errors, list).toBeUndefined();
      expect(res.data[list].totalCount, list).toBeGreaterThan(0);
    }
  });

  it('filters chains and cities by a city: the chains it or its parks have, and the city with its districts and counties', async () => {
    const res = await graph.server.gql(
      '{ chains(first: 100, filter: {city: "肇庆"}) { nodes { name } } cities(first: 100, filter: {city: "肇庆"}) { nodes { id } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.chains.nodes.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['新能源汽车', '电子信息']),
    );
    expect(res.data.cities.nodes.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['city:zhaoqing', 'city:gaoyao', 'city:duanzhou']),
    );
  });

  it('filters by a city given in any script, including its districts and counties', async () => {
    const query =
      'query($city: String!) { parks(first: 100, filter: {city: $city}) { totalCount nodes { id city { id } } } }';
    const simplified = await graph.server.gql(query, { city: '肇庆' });
    const traditional = await graph.server.gql(query, { city: '肇慶' });
    const english = await graph.server.gql(query, { city: 'Zhaoqing' });
    expect(simplified.data.parks.totalCount).toBeGreaterThan(2);
    expect(traditional.data).toEqual(simplified.data);
    expect(english.data).toEqual(simplified.data);
    const ids = simplified.data.parks.nodes.map((p: { id: string }) => p.id);
    expect(ids).toContain('park:dawang-xinnengyuan-qiche-chanyecheng');
    expect(ids).not.toContain('park:shaogang');
  });

  it('filters projects by investment range and returns the amounts', async () => {
    const res = await graph.server.gql(
      '{ projects(first: 100, filter: {minAmountYi: 100}) { totalCount nodes { name amountYi } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.totalCount).toBeGreaterThan(0);
    for (const p of res.data.projects.nodes) expect(p.amountYi).toBeGreaterThanOrEqual(100);
  });

  it('answers relationship fields in both directions with evidence via relations', async () => {
    const res = await graph.server.gql(`{
      node(id: "ent:xpeng") {
        ... on Enterprise { leadsChains { id leaders { id } } }
        relations(types: [LEADS_CHAIN], direction: OUT) { type direction node { id } properties { key value } evidence { quote document { id } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const xpeng = res.data.node;
    expect(xpeng.leadsChains.length).toBeGreaterThan(0);
    for (const chain of xpeng.leadsChains)
      expect(chain.leaders.map((l: { id: string }) => l.id)).toContain('ent:xpeng');
    for (const rel of xpeng.relations) {
      expect(rel).toMatchObject({ type: 'LEADS_CHAIN', direction: 'OUT' });
      expect(rel.evidence[0].document.id).toBe('doc:002');
      // The fact's own properties: not the places the build derives on it for chainLeaders.
      expect(rel.properties.map((p: { key: string }) => p.key)).toEqual(['basis', 'role']);
    }
  });

  it('reports stats per label, relationship type and document', async () => {
    const res = await graph.server.gql(
      '{ stats { nodes { name count } relationships { name count } documents { document { id } entities relationships } } }',
    );
    const nodes = Object.fromEntries(
      res.data.stats.nodes.map((c: { name: string; count: number }) => [c.name, c.count]),
    );
    expect(nodes.City).toBeGreaterThan(10);
    expect(res.data.stats.documents.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['{ parks(first: -1) { totalCount } }', /first must be an integer from 0 to 100, got -1/],
    ['{ parks(first: 100000) { totalCount } }', /first must be an integer from 0 to 100, got 100000/],
    ['{ parks(after: "not-a-cursor!") { totalCount } }', /not a cursor this API issued/],
    ['{ parks(filter: {city: "Atlantis"}) { totalCount } }', /no City is called "Atlantis"/],
    [
      '{ projects(filter: {minAmountYi: 10, maxAmountYi: 1}) { totalCount } }',
      /minAmountYi \(10\) is greater than maxAmountYi \(1\)/,
    ],
  ])('rejects bad arguments with BAD_USER_INPUT: %s', async (query, message) => {
    const res = await graph.server.gql(query);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('relation fields fetch only the properties their selection reads', () => {
  const selections = [
    'id name',
    'id name nameEn aliases ... on Entity { ... on Project { status } }',
    'id name nameEn aliases __typename ... on Entity { ... on Enterprise { industry } } ...more',
    'id name documents { id } evidence { quote document { id } }',
  ];
  it.each(selections)('answers exactly as full nodes do: { %s }', async (selection) => {
    const fragment = selection.includes('...more')
      ? 'fragment more on Entity { kind ... on Park { parkType designationNames } ... on Project { amountYi status } ... on City { level } }'
      : '';
    const nested = await graph.server.gql(
      `{ parks(first: 100) { nodes { id enterprises { ${selection} } projects { ${selection} } city { ${selection} } } } } ${fragment}`,
    );
    expect(nested.errors).toBeUndefined();
    const parks = nested.data.parks.nodes as Array<Record<string, any>>;
    const related = parks.flatMap((p) => [...p.enterprises, ...p.projects, p.city].filter(Boolean));
    const ids = [...new Set(related.map((n) => n.id as string))];
    expect(ids.length).toBeGreaterThan(20);
    // The same nodes loaded whole, by id.
    const full = new Map<string, unknown>();
    for (let i = 0; i < ids.length; i += 100) {
      const res = await graph.server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } } ${fragment}`, {
        ids: ids.slice(i, i + 100),
      });
      expect(res.errors).toBeUndefined();
      for (const n of res.data.nodes) full.set(n.id, n);
    }
    for (const n of related) expect(n, n.id).toEqual(full.get(n.id));
  });
});

describe('query cost', () => {
  it('a nested list query costs a bounded number of store queries, however many rows', async () => {
    const run = async (first: number) => {
      const ctx = createContext(graph.store);
      const response = await graph.server.apollo.executeOperation(
        {
          query: `{ parks(first: ${first}) { nodes { name city { name parent { name } } enterprises { name projects { name amountYi } leadsChains { name } } evidence { document { title } } } } }`,
        },
        { contextValue: ctx },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors).toBeUndefined();
      return { queries: ctx.cost.queries, parks: (result?.data as any).parks.nodes.length };
    };
    const small = await run(15);
    const large = await run(100);
    expect(large.parks).toBeGreaterThan(small.parks);
    // page + count, then one query per nested field level: city, parent, enterprises, projects, leadsChains, documents.
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(8);
  });
});
