/**
 * Analyst API v2 (issue #13): everyday questions, each one honest request over HTTP against the
 * engine loaded from the real seeds, with real answers asserted. One place rule everywhere; enums
 * that refuse what they do not know; the look-ups analysts expect; facts of a kind with their
 * evidence; basis and qualifiers on every relationship; cost limits that judge the real graph.
 */
import { describe, expect, it } from 'vitest';
import { PREDICATE_NAMES } from '../src/knowledge/seed-schema.js';
import { readManifest } from '../src/seeding/seed-files.js';
import { serve } from './support/http-client.js';
import { useServedGraph } from './support/served-graph.js';
import { CYPHER_DIR } from './support/test-store.js';

const graph = useServedGraph();

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const res = await graph.server.gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};
const refused = async (query: string, variables?: Record<string, unknown>) => {
  const res = await graph.server.gql(query, variables);
  expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null, JSON.stringify(res.data)).toBeNull();
  expect(res.errors?.length, 'an error').toBeGreaterThan(0);
  return res.errors![0]!;
};

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();
const names = (list: Array<{ name: string }>) => list.map((x) => x.name);

/** Every node of a list, page by page. */
async function all(list: string, filter: string, selection: string): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await ok(
      `query($after: String) { ${list}(first: 100, after: $after${filter ? `, filter: ${filter}` : ''}) { pageInfo { hasNextPage endCursor } nodes { ${selection} } } }`,
      { after },
    );
    nodes.push(...data[list].nodes);
    if (!data[list].pageInfo.hasNextPage) return nodes;
    after = data[list].pageInfo.endCursor;
  }
}

describe('one place rule, used everywhere', () => {
  const PLACE = 'id name city { id level prefecture { id } province { id } }';

  it('every project and park has a city, its most specific one, with its prefecture and province', async () => {
    for (const list of ['projects', 'parks']) {
      const nodes = await all(list, '', PLACE);
      expect(nodes.length).toBeGreaterThan(40);
      const unplaced = nodes.filter((n) => !n.city).map((n) => n.id);
      expect(unplaced, `${list} without a city`).toEqual([]);
      for (const n of nodes) {
        if (n.city.level === 'PROVINCE') continue;
        expect(n.city.province, n.id).not.toBeNull();
        if (n.city.level !== 'PREFECTURE') expect(n.city.prefecture?.id, n.id).not.toBe(n.city.id);
      }
    }
  });

  it('广东省韶钢产业园 lies in 韶关市 (its park-place, not the province in its name)', async () => {
    const { node } = await ok(`{ node(id: "park:shaogang") { ... on Park { name ${PLACE} } } }`);
    expect(node.city).toEqual({
      id: 'city:shaoguan',
      level: 'PREFECTURE',
      prefecture: { id: 'city:shaoguan' },
      province: { id: 'city:guangdong' },
    });
  });

  it('a project placed only through its park answers the park’s county', async () => {
    const { node } = await ok(
      '{ node(id: "park:ruyuan") { ... on Park { city { name level prefecture { name } province { name } } projects { name city { name } } } } }',
    );
    expect(node.city).toEqual({
      name: '乳源瑶族自治县',
      level: 'COUNTY',
      prefecture: { name: '韶关市' },
      province: { name: '广东省' },
    });
    for (const p of node.projects) expect(p.city.name, p.name).toBe('乳源瑶族自治县');
  });

  it('an enterprise is placed where the text places it: 小鹏汽车 in 肇庆, the outside investor 比亚迪 nowhere', async () => {
    const data = await ok(
      '{ xpeng: node(id: "ent:xpeng") { ... on Enterprise { city { name } } } byd: node(id: "ent:byd") { ... on Enterprise { city { name } projects { city { name } } } } }',
    );
    expect(data.xpeng.city.name).toBe('肇庆市');
    expect(data.byd.city).toBeNull();
    expect(data.byd.projects[0].city.name).toBe('韶关市');
  });

  it('for every city, the lists, chainLeaders and investmentSummary agree, and with each entity’s city', async () => {
    const cities = await all('cities', '', 'id');
    expect(cities.length).toBeGreaterThan(30);
    const parks = await all('parks', '', PLACE);
    const enterprises = await all('enterprises', '', `${PLACE} leadsChains { id }`);
    const projects = await all('projects', '', PLACE);
    // The cities above a city (its parent chain), for the ones with a county-level city or district in between.
    const { cities: hierarchy } = await ok('{ cities(first: 100) { nodes { id parent { id parent { id } } } } }');
    const ancestors = new Map<string, string[]>(
      hierarchy.nodes.map((c: any) => [c.id, [c.id, c.parent?.id, c.parent?.parent?.id].filter(Boolean)]),
    );
    const inCity = (n: any, cityId: string) => n.city && (ancestors.get(n.city.id) ?? []).includes(cityId);
    for (const { id } of cities) {
      const data = await ok(
        `query($c: String) {
          parks(first: 100, filter: {city: $c}) { totalCount nodes { id } }
          enterprises(first: 100, filter: {city: $c}) { totalCount nodes { id } }
          projects(first: 100, filter: {city: $c}) { totalCount nodes { id } }
          chainLeaders(city: $c) { enterprise { id } }
          investmentSummary(groupBy: STATUS, city: $c) { projectCount }
        }`,
        { c: id },
      );
      expect(ids(data.parks.nodes), `parks in ${id}`).toEqual(ids(parks.filter((p) => inCity(p, id))));
      expect(ids(data.enterprises.nodes), `enterprises in ${id}`).toEqual(
        ids(enterprises.filter((e) => inCity(e, id))),
      );
      expect(ids(data.projects.nodes), `projects in ${id}`).toEqual(ids(projects.filter((p) => inCity(p, id))));
      const summed = data.investmentSummary.reduce((n: number, g: any) => n + g.projectCount, 0);
      expect(summed, `investmentSummary(${id})`).toBe(data.projects.totalCount);
      const leaders = new Set(data.chainLeaders.map((l: any) => l.enterprise.id));
      const leadingHere = enterprises.filter((e) => inCity(e, id) && e.leadsChains.length > 0).map((e) => e.id);
      expect([...leaders].sort(), `chainLeaders(${id})`).toEqual(leadingHere.sort());
    }
  });
});

describe('an honest schema', () => {
  it('an unknown project status is an error listing the valid ones, not an empty list', async () => {
    for (const status of ['竣工了', 'finished']) {
      const error = await refused('query($s: [ProjectStatus!]) { projects(filter: {status: $s}) { totalCount } }', {
        s: [status],
      });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(`"${status}" is not a ProjectStatus`);
      expect(error.message).toContain('UNDER_CONSTRUCTION (在建), IN_OPERATION (投产), COMPLETED (竣工)');
    }
    const literal = await refused('{ projects(filter: {status: ["建好了"]}) { totalCount } }');
    expect(literal.message).toMatch(/"建好了" is not a ProjectStatus: use one of PLANNED \(规划\)/);
  });

  it('synonyms map to their stage: 竣工投产 = 建成投产 = 投产 = IN_OPERATION, in either script', async () => {
    const data = await ok(`{
      a: projects(filter: {status: [IN_OPERATION]}) { totalCount nodes { status } }
      b: projects(filter: {status: ["竣工投产"]}) { totalCount }
      c: projects(filter: {status: ["建成投產"]}) { totalCount }
      d: projects(filter: {status: ["投产"]}) { totalCount }
      e: projects(filter: {status: ["in operation"]}) { totalCount }
      building: projects(filter: {status: ["在建"]}) { totalCount nodes { status } } }`);
    expect(data.a.totalCount).toBeGreaterThan(0);
    for (const k of ['b', 'c', 'd', 'e']) expect(data[k].totalCount, k).toBe(data.a.totalCount);
    expect(new Set(data.a.nodes.map((p: any) => p.status))).toEqual(new Set(['IN_OPERATION']));
    expect(new Set(data.building.nodes.map((p: any) => p.status))).toEqual(new Set(['UNDER_CONSTRUCTION']));
  });

  it('"completed" is understood: the documents name no completed project, so the answer is none', async () => {
    const data = await ok('{ projects(filter: {status: ["completed"]}) { totalCount } }');
    expect(data.projects.totalCount).toBe(0);
    const rows = await graph.store.read<{ n: number }>(
      "MATCH (p:Project) WHERE p.status = '竣工' RETURN count(p) AS n",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('a filter a kind cannot do is not in its input: the request is invalid before it runs', async () => {
    const res = await graph.server.gql('{ organizations(filter: {chain: "钢铁"}) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/"chain" is not defined by type "OrganizationFilter"/);
  });

  it('indicators filter by city, which the schema used to accept and the server refuse', async () => {
    const data = await ok('{ indicators(first: 100, filter: {city: "阳江"}) { totalCount nodes { subject { id } } } }');
    expect(data.indicators.totalCount).toBeGreaterThan(20);
  });

  it('statuses of parks and policies default to EXISTING; enums answer for every closed vocabulary', async () => {
    const data = await ok(`{
      parks(first: 100) { nodes { status parkType } }
      planned: parks(first: 100, filter: {status: [PLANNED]}) { nodes { status } }
      cities(first: 100) { nodes { level } } }`);
    expect(data.parks.nodes.every((p: any) => ['EXISTING', 'PLANNED', 'UNDER_WAY'].includes(p.status))).toBe(true);
    expect(data.planned.nodes.length).toBeGreaterThan(0);
    expect(new Set(data.planned.nodes.map((p: any) => p.status))).toEqual(new Set(['PLANNED']));
    expect(new Set(data.cities.nodes.map((c: any) => c.level))).toEqual(
      new Set(['PROVINCE', 'PREFECTURE', 'COUNTY_LEVEL_CITY', 'DISTRICT', 'COUNTY', 'NEW_AREA']),
    );
  });

  it('the SDL documents each enum value’s Chinese label', async () => {
    const { __type } = await ok('{ __type(name: "ProjectStatus") { enumValues { name description } } }');
    expect(__type.enumValues.find((v: any) => v.name === 'UNDER_CONSTRUCTION').description).toMatch(/^在建:/);
  });
});

describe('look-ups analysts expect', () => {
  it('search finds the Yangjiang plan first by its document number, in any bracket style', async () => {
    for (const text of ['阳府〔2023〕14号', '陽府〔2023〕14號', '阳府[2023]14号', '阳府（2023）14号']) {
      const { search } = await ok('query($t: String!) { search(text: $t, first: 3) { edges { match node { id } } } }', {
        t: text,
      });
      expect(search.edges[0], text).toEqual({ match: 'ALIAS', node: { id: 'policy:yangjiang-zhizao-qiangshi' } });
    }
  });

  it('search finds a policy by an alias and by a fragment of its title', async () => {
    const data = await ok(`{
      alias: search(text: "关于高质量建设制造强省的意见", first: 3) { edges { match node { id } } }
      number: search(text: "粤发〔2023〕7号", first: 3) { edges { match node { id } } }
      fragment: search(text: "制造强市实施方案", kinds: [Policy], first: 5) { edges { match node { id } } } }`);
    expect(data.alias.edges[0]).toEqual({ match: 'ALIAS', node: { id: 'policy:gd-zhizao-qiangsheng-yijian' } });
    expect(data.number.edges[0]).toEqual({ match: 'ALIAS', node: { id: 'policy:gd-zhizao-qiangsheng-yijian' } });
    expect(data.fragment.edges.map((e: any) => e.node.id)).toContain('policy:yangjiang-zhizao-qiangshi');
  });

  it('policies(filter: {docNumber}) answers the one plan, whatever brackets the number is typed with', async () => {
    for (const docNumber of ['阳府〔2023〕14号', '阳府[2023]14号', '阳府（2023）14号']) {
      const { policies } = await ok(
        'query($d: String) { policies(filter: {docNumber: $d}) { totalCount nodes { id } } }',
        {
          d: docNumber,
        },
      );
      expect(policies, docNumber).toEqual({ totalCount: 1, nodes: [{ id: 'policy:yangjiang-zhizao-qiangshi' }] });
    }
    const none = await ok('{ policies(filter: {docNumber: "阳府〔2023〕99号"}) { totalCount } }');
    expect(none.policies.totalCount).toBe(0);
  });

  it("a plan's targets are its SETS_TARGET indicators, and each indicator names the plans that set it", async () => {
    const { node } = await ok(`{ node(id: "policy:yangjiang-zhizao-qiangshi") { ... on Policy {
      targets { id status metric value unit year setBy { id } subject { name } }
      appliesTo { name } } } }`);
    const rows = await graph.store.read<{ n: number }>(
      'MATCH (:Policy {id: "policy:yangjiang-zhizao-qiangshi"})-[:SETS_TARGET]->(i:Indicator) RETURN count(i) AS n',
    );
    expect(node.targets).toHaveLength(rows[0]!.n);
    expect(node.targets.length).toBeGreaterThan(10);
    for (const t of node.targets) {
      expect(t.status, t.id).toBe('TARGET');
      expect(ids(t.setBy), t.id).toContain('policy:yangjiang-zhizao-qiangshi');
    }
    expect(node.targets).toContainEqual(
      expect.objectContaining({ metric: '制造业增加值', value: 350, unit: '亿元', year: 2027 }),
    );
    expect(names(node.appliesTo)).toContain('阳江市');
  });

  it('indicators(filter: {city, year, metric, target}) narrows by each', async () => {
    const data = await ok(`{
      targets: indicators(first: 100, filter: {city: "阳江", year: 2027, target: true}) { totalCount nodes { year status subject { id } } }
      results: indicators(first: 100, filter: {city: "阳江", target: false}) { nodes { status } }
      metric: indicators(first: 100, filter: {metric: "专精特新"}) { totalCount nodes { metric } } }`);
    expect(data.targets.totalCount).toBeGreaterThan(5);
    for (const i of data.targets.nodes) expect(i).toMatchObject({ year: 2027, status: 'TARGET' });
    expect(data.results.nodes.every((i: any) => i.status !== 'TARGET')).toBe(true);
    expect(data.metric.totalCount).toBeGreaterThan(2);
    for (const i of data.metric.nodes) expect(i.metric).toContain('专精特新');
  });

  it('filters by designation, with the holder’s status', async () => {
    const data = await ok(`{
      awarded: parks(filter: {designation: "省级高新区", designationStatus: [AWARDED]}) { nodes { name } }
      sought: cities(first: 100, filter: {designationStatus: [SOUGHT]}) { nodes { id } }
      designations(first: 100, filter: {city: "韶关", status: [SOUGHT]}) { nodes { id } } }`);
    expect(names(data.awarded.nodes).sort()).toEqual(['乳源高新区', '南雄高新区']);
    expect(ids(data.sought.nodes)).toContain('city:zhaoqing');
    const facts = await ok(
      '{ facts(first: 100, type: HAS_DESIGNATION, designationStatus: SOUGHT, subject: "韶关") { nodes { object { id } } } }',
    );
    expect(ids(data.designations.nodes)).toEqual(
      expect.arrayContaining(facts.facts.nodes.map((f: any) => f.object.id)),
    );
  });

  it('a chain filter includes the sub-chains, as investmentSummary does', async () => {
    const { chains } = await ok(
      '{ chains(first: 100) { nodes { id name children { id } parents { id } parent { id } } } }',
    );
    const withChildren = chains.nodes.filter((c: any) => c.children.length > 0);
    expect(withChildren.length).toBeGreaterThan(3);
    for (const c of withChildren) {
      const data = await ok(
        `query($c: String) {
          all: projects(first: 100, filter: {chain: $c}) { totalCount nodes { id } }
          summary: investmentSummary(groupBy: STATUS, chain: $c) { projectCount }
          self: chains(first: 100, filter: {chain: $c}) { nodes { id } } }`,
        { c: c.id },
      );
      for (const child of c.children) {
        const sub = await ok('query($c: String) { projects(first: 100, filter: {chain: $c}) { nodes { id } } }', {
          c: child.id,
        });
        expect(ids(data.all.nodes), `${c.name} ⊇ ${child.id}`).toEqual(expect.arrayContaining(ids(sub.projects.nodes)));
      }
      expect(data.summary.reduce((n: number, g: any) => n + g.projectCount, 0)).toBe(data.all.totalCount);
      expect(ids(data.self.nodes)).toEqual(expect.arrayContaining([c.id, ...ids(c.children)]));
    }
    // parent / children are each other's inverse; parent is the first of parents.
    const byId = new Map(chains.nodes.map((c: any) => [c.id, c]));
    for (const c of chains.nodes as any[]) {
      for (const child of c.children) expect(ids((byId.get(child.id) as any).parents), child.id).toContain(c.id);
      expect(c.parent?.id ?? null).toBe(c.parents[0]?.id ?? null);
    }
    const green = byId.get('chain:lvse-gangtie') as any;
    expect(ids(green.parents)).toEqual(['chain:gangtie', 'chain:xianjin-cailiao']);
  });

  it('regions and designations with their relationships', async () => {
    const data = await ok(`{
      region: node(id: "region:guangzhou-dushiquan") { ... on Region { regionType members { id } regions { id } industries { id } } }
      xibu: node(id: "designation:xibu-zhizao-xincheng") { ... on Designation { designationType holders { id } proposedIn { id } } }
      gaoxin: node(id: "designation:shengji-gaoxinqu") { ... on Designation { holders { id } issuers { id } } }
      zq: node(id: "city:zhaoqing") { ... on City { designations { id } regions { id } } } }`);
    expect(data.region.regionType).toBe('METROPOLITAN_CIRCLE');
    expect(ids(data.region.members)).toContain('city:shaoguan');
    expect(data.xibu.designationType).toBe('POSITIONING');
    expect(ids(data.xibu.holders)).toContain('city:zhaoqing');
    expect(ids(data.xibu.proposedIn)).toEqual(['report:zq-shisanci-dangdaihui']);
    expect(ids(data.zq.designations)).toContain('designation:xibu-zhizao-xincheng');
    expect(data.gaoxin.holders).toHaveLength(2);
  });
});

describe('facts of a kind, with their evidence', () => {
  it('facts(type: PAIRED_WITH) returns every pairing, each with its ends, mode and evidence', async () => {
    const manifest = (await readManifest(CYPHER_DIR))!;
    const { facts } = await ok(`{ facts(type: PAIRED_WITH, first: 100) { totalCount nodes {
      id type subject { id name } object { id name } basis reason qualifiers { mode round status } evidence { quote document { id } } } } }`);
    const pairings = manifest.relationships.PAIRED_WITH!;
    expect(pairings).toBeGreaterThan(3);
    expect(facts.totalCount).toBe(pairings);
    expect(facts.nodes).toHaveLength(pairings);
    for (const f of facts.nodes) {
      expect(f.type).toBe('PAIRED_WITH');
      expect(f.evidence.length, f.id).toBeGreaterThan(0);
      expect(['STATED', 'INFERRED']).toContain(f.basis);
      if (f.basis === 'INFERRED') expect(f.reason, f.id).toBeTruthy();
      expect(f.qualifiers.status).toBe('EXISTING');
    }
    expect(facts.nodes).toContainEqual(
      expect.objectContaining({
        subject: { id: 'city:dongguan', name: '东莞市' },
        object: { id: 'city:shaoguan', name: '韶关市' },
        qualifiers: { mode: '对口帮扶', round: '第三轮', status: 'EXISTING' },
      }),
    );
  });

  it('pages through every fact of the graph in a stable order, totalCount included', async () => {
    const manifest = (await readManifest(CYPHER_DIR))!;
    const expected = PREDICATE_NAMES.reduce((n, p) => n + (manifest.relationships[p] ?? 0), 0);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 30; page++) {
      const data: any = await ok(
        'query($a: String) { facts(first: 100, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
        { a: after },
      );
      total = data.facts.totalCount;
      seen.push(...data.facts.edges.map((e: any) => e.node.id));
      if (!data.facts.pageInfo.hasNextPage) break;
      after = data.facts.pageInfo.endCursor;
    }
    expect(total).toBe(expected);
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  it('facts(type) answers every fact of each type, ends, basis, qualifiers and evidence, whichever label its scan starts from', async () => {
    // The facts of a type as the every-fact text reads them (from :Entity), against the type's own
    // text (from its subjects' labels, through a UNION ALL subquery for several).
    const fields =
      'id type subject { id } object { id } basis reason qualifiers { mode round status designationStatus } evidence { quote }';
    const pages = async (filter: string) => {
      const all: any[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const data: any = await ok(
          `query($a: String) { facts(first: 100, after: $a${filter}) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`,
          { a: after },
        );
        all.push(...data.facts.nodes);
        if (!data.facts.pageInfo.hasNextPage) return all;
        after = data.facts.pageInfo.endCursor;
      }
      throw new Error(`more than 50 pages of facts${filter}`);
    };
    const every = await pages('');
    const manifest = (await readManifest(CYPHER_DIR))!;
    for (const p of PREDICATE_NAMES) {
      const ofType = await pages(`, type: ${p}`);
      expect(ofType, p).toEqual(every.filter((f) => f.type === p));
      expect(ofType, p).toHaveLength(manifest.relationships[p] ?? 0);
    }
  });

  it('pages through several types (each read side by side) across their boundaries, in the order of one page', async () => {
    const query =
      'query($a: String, $n: Int) { facts(first: $n, after: $a, status: PLANNED) { totalCount pageInfo { hasNextPage endCursor } nodes { id type } } }';
    const whole: any = await ok(query, { a: null, n: 100 });
    const types = new Set(whole.facts.nodes.map((f: any) => f.type));
    expect(types.size, 'planned facts of several types').toBeGreaterThan(1);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const data: any = await ok(query, { a: after, n: 3 });
      expect(data.facts.totalCount).toBe(whole.facts.totalCount);
      seen.push(...data.facts.nodes.map((f: any) => f.id));
      if (!data.facts.pageInfo.hasNextPage) break;
      after = data.facts.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.facts.nodes.map((f: any) => f.id));
    expect(seen).toHaveLength(whole.facts.totalCount);
  });

  it('narrows by subject (a symmetric fact from either end), object, basis, status and document', async () => {
    const data = await ok(`{
      pairings: facts(type: PAIRED_WITH, subject: "韶关") { nodes { subject { id } object { id } } }
      located: facts(first: 100, type: LOCATED_IN, object: "阳春") { totalCount nodes { subject { id } object { id } } }
      inferred: facts(first: 100, basis: INFERRED, document: "doc:001") { totalCount nodes { basis reason evidence { document { id } } } }
      planned: facts(first: 100, status: PLANNED) { totalCount nodes { type qualifiers { status } } }
      awards: facts(first: 100, designationStatus: AWARDED) { totalCount nodes { type qualifiers { designationStatus year } } } }`);
    expect(data.pairings.nodes).toContainEqual({ subject: { id: 'city:shaoguan' }, object: { id: 'city:dongguan' } });
    expect(data.located.totalCount).toBeGreaterThan(0);
    for (const f of data.located.nodes) expect(f.object.id).toBe('city:yangchun');
    expect(data.inferred.totalCount).toBeGreaterThan(0);
    for (const f of data.inferred.nodes) {
      expect(f.basis).toBe('INFERRED');
      expect(f.reason).toBeTruthy();
      expect(f.evidence.map((e: any) => e.document.id)).toContain('doc:001');
    }
    expect(data.planned.totalCount).toBeGreaterThan(0);
    for (const f of data.planned.nodes) expect(f.qualifiers.status).toBe('PLANNED');
    for (const f of data.awards.nodes)
      expect(f).toMatchObject({ type: 'HAS_DESIGNATION', qualifiers: { designationStatus: 'AWARDED' } });
  });

  it('refuses a status the asked types cannot have, instead of answering none', async () => {
    const error = await refused('{ facts(type: HAS_DESIGNATION, status: PLANNED) { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(error.message).toMatch(/no fact of type HAS_DESIGNATION has one/);
    expect((await refused('{ facts(subject: "Atlantis") { totalCount } }')).message).toMatch(
      /no entity is called "Atlantis"/,
    );
  });
});

describe('basis and qualifiers on every relationship the API returns', () => {
  it('Relation: the 2023 reading of 韶关 → 装备制造 stands, with each document’s reading', async () => {
    const { node } = await ok(`{ node(id: "city:shaoguan") { relations(types: [HAS_INDUSTRY], direction: OUT) {
      node { id } basis qualifiers { status tier statusHistory { document { id } status } } } } }`);
    const equipment = node.relations.find((r: any) => r.node.id === 'chain:zhuangbei-zhizao');
    expect(equipment.basis).toBe('STATED');
    expect(equipment.qualifiers.status).toBe('EXISTING');
    expect(equipment.qualifiers.statusHistory).toEqual([
      { document: { id: 'doc:004' }, status: 'UNDER_WAY' },
      { document: { id: 'doc:000' }, status: 'EXISTING' },
    ]);
  });

  it('path steps and chain leaderships carry basis and qualifiers', async () => {
    const data = await ok(`{
      connections(from: "韶关", to: "东莞") { steps { type basis qualifiers { mode round } } }
      chainLeaders(city: "肇庆", chain: "汽车零部件") { enterprise { name } basis role qualifiers { role status }
        parkLinks { type subject { name } object { name } basis qualifiers { status } evidence { quote } } } }`);
    expect(data.connections[0].steps[0]).toEqual({
      type: 'PAIRED_WITH',
      basis: 'STATED',
      qualifiers: { mode: '对口帮扶', round: '第三轮' },
    });
    const xpeng = data.chainLeaders.find((l: any) => l.enterprise.name === '小鹏汽车');
    expect(xpeng).toMatchObject({ basis: 'STATED', role: '龙头', qualifiers: { role: '龙头', status: 'EXISTING' } });
    expect(xpeng.parkLinks).toContainEqual(
      expect.objectContaining({
        type: 'HAS_INDUSTRY',
        subject: { name: '高要汽车零部件产业园' },
        object: { name: '汽车零部件' },
      }),
    );
    for (const link of xpeng.parkLinks) expect(link.evidence.length).toBeGreaterThan(0);
  });
});

describe('cost limits that judge the real query', () => {
  it('answers the nested question the worst-case rule refused', async () => {
    const { cities } = await ok('{ cities(first: 100) { nodes { parks { enterprises { projects { name } } } } } }');
    expect(cities.nodes.length).toBeGreaterThan(30);
    const projects = cities.nodes.flatMap((c: any) =>
      c.parks.flatMap((p: any) => p.enterprises.flatMap((e: any) => e.projects)),
    );
    expect(projects.length).toBeGreaterThan(0);
  });

  it('stops an answer that grows past the returned-rows cap with one error naming the field', async () => {
    const capped = await serve(graph.store, false, { maxRows: 60 });
    try {
      const res = await capped.gql('{ projects(first: 50) { nodes { name chains { name } parks { name } } } }');
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'rows' });
      expect(res.errors![0]!.message).toMatch(
        /^the answer grew past 60 rows at Project\.(chains|parks); ask for smaller pages/,
      );
      expect((await capped.gql('{ projects(first: 10) { nodes { name } } }')).errors).toBeUndefined();
    } finally {
      await capped.close();
    }
  });
});
