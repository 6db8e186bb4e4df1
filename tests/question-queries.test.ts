/**
 * The question root fields (chainLeaders, connections, investmentSummary, search) answer a request
 * in one query (search: its full-text call and one read), the nested selections analysts ask for
 * included, and give the same answers whatever the selection picks: checked on the real seeds,
 * over HTTP, with every store call recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingStore } from '../src/store/recording-store.js';
import { nameKey, normalizeText } from '../src/text/chinese.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { serve, type TestServer } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';

let store: GrafeoStore;
let recorder: RecordingStore;
let server: TestServer;

beforeAll(async () => {
  ({ store } = await seededStore());
  recorder = new RecordingStore(store);
  server = await serve(recorder);
  // The one-off read of the fan-out statistics, before the first request's cost check.
  await server.gql('{ __typename }');
});
afterAll(async () => {
  await server?.close();
  await recorder?.close();
});

/** The data of a request that must succeed, and how many store calls it made. */
async function answer(query: string, variables?: Record<string, unknown>): Promise<{ data: any; calls: number }> {
  recorder.start();
  const res = await server.gql(query, variables);
  const calls = recorder.stop().length;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { data: res.data, calls };
}

const refusal = async (query: string) => {
  const res = await server.gql(query);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return res.errors![0]!.message;
};

const ENTITY = 'id kind name aliases evidence { quote document { id } }';

describe('chainLeaders', () => {
  /** Everything a leadership offers, whole entities included: no property is picked. */
  const FULL = `role basis reason qualifiers { role status } enterprise { ${ENTITY} city { id } } chain { ${ENTITY} chainType }
    parks { ${ENTITY} parkType status } city { id name level } evidence { quote start end document { id title } }
    parkLinks { id type subject { ${ENTITY} } object { ${ENTITY} } evidence { document { id } } }`;
  const PICKED =
    'enterprise { id name } chain { id name } parks { id } city { name } evidence { quote document { id } }';

  const leaders = async (args: string, selection: string) =>
    (await answer(`{ chainLeaders${args} { ${selection} } }`)).data.chainLeaders as any[];

  it('answers the same whatever the selection picks, for every city, park and chain filter', async () => {
    const refs = await store.read<{ kind: string; id: string }>(
      `MATCH (n:Entity) WHERE n.kind IN ['City', 'Park', 'IndustryChain'] RETURN n.kind AS kind, n.id AS id ORDER BY id`,
    );
    const arg = { City: 'city', Park: 'park', IndustryChain: 'chain' } as Record<string, string>;
    let compared = 0;
    for (const { kind, id } of [{ kind: '', id: '' }, ...refs]) {
      const args = kind ? `(${arg[kind]}: "${id}")` : '';
      const full = await leaders(args, FULL);
      const picked = await leaders(args, PICKED);
      expect(picked, args).toEqual(
        full.map((l) => ({
          enterprise: { id: l.enterprise.id, name: l.enterprise.name },
          chain: { id: l.chain.id, name: l.chain.name },
          parks: l.parks.map((p: any) => ({ id: p.id })),
          city: l.city && { name: l.city.name },
          evidence: l.evidence.map((e: any) => ({ quote: e.quote, document: { id: e.document.id } })),
        })),
      );
      // A park link's ends are the leadership's own entities, whole.
      for (const l of full)
        for (const link of l.parkLinks) {
          const ends = [l.enterprise, l.chain, ...l.parks].map((e) => e.id);
          expect(ends).toContain(link.subject.id);
          expect(ends).toContain(link.object.id);
          expect(link.subject.name).toBeTruthy();
        }
      compared += full.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('filters by park: the leaders anchored in the park or a park inside it', async () => {
    const parks = await store.read<{ id: string; parkIds: string[] }>(
      'MATCH (p:Park) RETURN p.id AS id, p.parkIds AS parkIds ORDER BY id',
    );
    const inside = new Map(parks.map((p) => [p.id, p.parkIds]));
    const every = await leaders('', 'enterprise { id } chain { id } parks { id }');
    let found = 0;
    for (const park of parks) {
      const expected = every.filter((l) => l.parks.some((p: any) => inside.get(p.id)?.includes(park.id)));
      expect(await leaders(`(park: "${park.id}")`, 'enterprise { id } chain { id } parks { id }'), park.id).toEqual(
        expected,
      );
      found += expected.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('costs one store call, the leaders’ cities and the documents of their evidence included', async () => {
    const selection = `role enterprise { id name } chain { id name } parks { id name } city { id name }
      evidence { quote document { id title } } parkLinks { subject { id } object { id } evidence { document { id } } }`;
    for (const args of ['(city: "肇庆")', '(city: "韶关", chain: "钢铁")', '(park: "广东省韶钢产业园")', '']) {
      const { data, calls } = await answer(`{ chainLeaders${args} { ${selection} } }`);
      expect(data.chainLeaders.length, args).toBeGreaterThan(0);
      expect(calls, args).toBe(1);
    }
  });

  it('refuses a park, city or chain that names nothing, the first given first', async () => {
    expect(await refusal('{ chainLeaders(park: "不存在的园区") { role } }')).toBe(
      'park: no Park is called "不存在的园区" (use an id, a name or an alias)',
    );
    expect(await refusal('{ chainLeaders(city: "Atlantis", chain: "不存在的链") { role } }')).toMatch(
      /^city: no City is called "Atlantis"/,
    );
  });
});

describe('investmentSummary', () => {
  /** The projects behind a group as the graph holds them: the group key among the project's keys, biggest first. */
  const projectsOf = async (groupBy: string, key: string, city: string | null, chain: string | null = null) =>
    (
      await store.read<{ id: string }>(
        `MATCH (p:Project) WHERE ($city IS NULL OR $city IN p.placeIds) AND ($chain IS NULL OR $chain IN p.chainIds)
           AND CASE $groupBy WHEN 'CITY' THEN $key IN p.cityIds WHEN 'CHAIN' THEN $key IN p.chainIds
             WHEN 'STATUS' THEN p.status = $key ELSE $key IN p.evidenceDocs END
         RETURN p.id AS id ORDER BY coalesce(p.amountYi, -1) DESC, id`,
        { groupBy, key, city, chain },
      )
    ).map((p) => p.id);

  it('gives each group its projects (biggest first) and its entity in the same query', async () => {
    const cities = await store.read<{ id: string }>('MATCH (c:City) RETURN c.id AS id ORDER BY id');
    let groups = 0;
    for (const groupBy of ['CITY', 'CHAIN', 'STATUS', 'DOCUMENT'])
      for (const city of [null, ...cities.map((c) => c.id)]) {
        const { data, calls } = await answer(
          `query($city: String) { investmentSummary(groupBy: ${groupBy}, city: $city) {
            key label projectCount entity { id name } projects { id name amountYi } } }`,
          { city },
        );
        expect(calls, `${groupBy} ${city}`).toBe(1);
        for (const g of data.investmentSummary) {
          if (g.key === '(not stated)') continue;
          expect(
            g.projects.map((p: any) => p.id),
            `${groupBy} ${city} ${g.key}`,
          ).toEqual(await projectsOf(groupBy, g.key, city));
          expect(g.projects).toHaveLength(g.projectCount);
          expect(g.entity, g.key).toEqual(groupBy === 'STATUS' ? null : { id: g.key, name: g.label });
          groups++;
        }
      }
    expect(groups).toBeGreaterThan(50);
  });

  it('filters by city and chain together', async () => {
    const cities = await store.read<{ id: string }>('MATCH (c:City) RETURN c.id AS id ORDER BY id');
    const chains = await store.read<{ id: string }>(
      'MATCH (p:Project) UNWIND p.chainIds AS id WITH id, count(*) AS n ORDER BY n DESC, id LIMIT 3 RETURN id',
    );
    let groups = 0;
    for (const { id: chain } of chains)
      for (const { id: city } of cities) {
        const { data } = await answer(
          `query($city: String, $chain: String) { investmentSummary(groupBy: CITY, city: $city, chain: $chain) {
            key projects { id } } }`,
          { city, chain },
        );
        for (const g of data.investmentSummary) {
          expect(
            g.projects.map((p: any) => p.id),
            `${city} ${chain} ${g.key}`,
          ).toEqual(await projectsOf('CITY', g.key, city, chain));
          groups++;
        }
      }
    expect(groups).toBeGreaterThan(10);
  });

  it('answers the same whatever the selection picks', async () => {
    const full = await answer(`{ investmentSummary(groupBy: CHAIN, city: "郴州") {
      key entity { ${ENTITY} } projects { ${ENTITY} status amountYi city { id } } } }`);
    const picked = await answer(
      '{ investmentSummary(groupBy: CHAIN, city: "郴州") { key entity { name } projects { name } } }',
    );
    expect(picked.data.investmentSummary).toEqual(
      full.data.investmentSummary.map((g: any) => ({
        key: g.key,
        entity: g.entity && { name: g.entity.name },
        projects: g.projects.map((p: any) => ({ name: p.name })),
      })),
    );
    expect(full.data.investmentSummary.length).toBeGreaterThan(3);
  });

  it('refuses a city that names nothing', async () => {
    expect(await refusal('{ investmentSummary(groupBy: CHAIN, city: "Atlantis") { key } }')).toBe(
      'city: no City is called "Atlantis" (use an id, a name or an alias)',
    );
  });
});

describe('connections', () => {
  const PATH = (nodes: string) =>
    `length nodes { ${nodes} } steps { from { id } to { id } type forward basis qualifiers { mode } evidence { quote start } }`;
  const paths = async (from: string, to: string, selection: string, maxHops = 4) =>
    answer(
      `query($from: String!, $to: String!) { connections(from: $from, to: $to, maxHops: ${maxHops}, first: 20) { ${selection} } }`,
      {
        from,
        to,
      },
    );

  const PAIRS: Array<[string, string, number]> = [
    ['city:shaoguan', 'city:dongguan', 4],
    ['ent:byd', 'ent:catl', 6],
    ['中南钢铁', '广东省', 5],
    ['韶关', '东莞', 4],
    ['宁德时代', '肇庆', 4],
  ];

  it.each(PAIRS)(
    '%s → %s: the same paths by id, name or alias, whatever the selection picks',
    async (from, to, hops) => {
      const full = await paths(from, to, PATH('id kind name aliases evidence { quote }'), hops);
      const picked = await paths(from, to, PATH('id name'), hops);
      expect(full.data.connections.length).toBeGreaterThan(0);
      expect(picked.data.connections).toEqual(
        full.data.connections.map((p: any) => ({ ...p, nodes: p.nodes.map((n: any) => ({ id: n.id, name: n.name })) })),
      );
      // By ids: the ends the names named, the same paths.
      const [first] = full.data.connections;
      const byIds = await paths(
        first.nodes[0].id,
        first.nodes.at(-1).id,
        PATH('id kind name aliases evidence { quote }'),
        hops,
      );
      expect(byIds.data.connections).toEqual(full.data.connections);
      // Ids and canonical names are resolved in the query itself; an alias needs the full-text index
      // (one call each), whose candidates the query then narrows by name key on its second run.
      expect(byIds.calls).toBe(1);
      const aliased = [from, to].filter((ref) => !/:/.test(ref) && !['中南钢铁', '广东省', '宁德时代'].includes(ref));
      expect(full.calls).toBe(aliased.length ? 1 + aliased.length + 1 : 1);
    },
  );

  it('refuses an end that names nothing, names several entities, or is the other end', async () => {
    expect(await refusal('{ connections(from: "Atlantis", to: "city:dongguan") { length } }')).toBe(
      'from: no entity is called "Atlantis" (use an id, a name or an alias)',
    );
    expect(await refusal('{ connections(from: "city:shaoguan", to: "链长制") { length } }')).toBe(
      'to: "链长制" names 2 entities (policy:lianzhangzhi, policy:yangjiang-lianzhangzhi); pass an id',
    );
    expect(await refusal('{ connections(from: "韶关", to: "city:shaoguan") { length } }')).toBe(
      'from and to are the same entity',
    );
    expect(await refusal('{ connections(from: "city:shaoguan", to: "city:shaoguan") { length } }')).toBe(
      'from and to are the same entity',
    );
  });
});

describe('search', () => {
  const SEARCH = `query($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 50) {
    totalCount edges { match score node { id kind name } } } }`;

  it('ranks by the index hits alone, then reads the page once: two store calls, one without nodes', async () => {
    const rows = await store.read<{ id: string; name: string; aliases: string[] | null }>(
      `MATCH (n:Entity) WHERE n.kind IN ['City', 'Park', 'Enterprise', 'Document']
       RETURN n.id AS id, n.name AS name, n.aliases AS aliases ORDER BY id`,
    );
    let aliases = 0;
    for (const { id, name, aliases: forms } of rows) {
      const { data, calls } = await answer(SEARCH, { text: name });
      expect(calls, name).toBe(2);
      const edge = data.search.edges.find((e: any) => e.node.id === id);
      expect(edge?.match, `${id} ${name}`).toBe('NAME');
      expect(edge.score).toBeGreaterThanOrEqual(3);
      const count = await answer('query($text: String!) { search(text: $text) { totalCount } }', { text: name });
      expect(count.calls).toBe(1);
      // An alias that is not the name in another script or spacing.
      const alias = forms?.find((a) => nameKey(a) !== nameKey(name) && [...normalizeText(a)].length > 1);
      if (!alias) continue;
      const byAlias = (await answer(SEARCH, { text: alias })).data.search.edges.find((e: any) => e.node.id === id);
      expect(byAlias?.match, `${id} ${alias}`).toBe('ALIAS');
      aliases++;
    }
    expect(rows.length).toBeGreaterThan(50);
    expect(aliases).toBeGreaterThan(20);
  });

  it('keeps the kinds asked for among the same candidates', async () => {
    const every = (await answer(SEARCH, { text: '新能源' })).data.search;
    for (const kind of ['Project', 'Enterprise', 'Park', 'Policy']) {
      const { data } = await answer(SEARCH, { text: '新能源', kinds: [kind] });
      expect(data.search.totalCount, kind).toBeGreaterThan(0);
      for (const e of data.search.edges) expect(e.node.kind).toBe(kind);
      expect(data.search.edges.map((e: any) => e.node.id)).toEqual(
        every.edges.filter((e: any) => e.node.kind === kind).map((e: any) => e.node.id),
      );
    }
  });
});
