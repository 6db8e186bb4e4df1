/**
 * The questions analysts ask, answered through the HTTP endpoint by the embedded engine loaded
 * from the real seed files, checked against what the documents say.
 */
import { describe, expect, it } from 'vitest';
import { useServedGraph } from './support/served-graph.js';

const graph = useServedGraph();

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const res = await graph.server.gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

const names = (list: Array<{ name: string }>) => list.map((x) => x.name);

describe('which chain leaders anchor which parks', () => {
  const LEADERS = `query($city: String) { chainLeaders(city: $city) {
    enterprise { name } chain { name } role parks { name } city { name }
    evidence { document { id } quote start end } } }`;

  it('Zhaoqing: 小鹏汽车, 瑞庆时代, 风华高科 and 喜珍电路, with evidence from the Zhaoqing document', async () => {
    const { chainLeaders } = await ok(LEADERS, { city: '肇庆' });
    expect(new Set(chainLeaders.map((l: any) => l.enterprise.name))).toEqual(
      new Set(['小鹏汽车', '瑞庆时代', '风华高科', '喜珍电路']),
    );
    const chains = new Set(chainLeaders.map((l: any) => l.chain.name));
    expect(chains).toEqual(new Set(['汽车零部件', '电子材料', '集成电路']));
    for (const l of chainLeaders) {
      expect(l.city.name).toBe('肇庆市');
      expect(l.role).toBe('龙头');
      expect(l.evidence.length).toBeGreaterThan(0);
      expect(l.evidence.some((e: any) => e.document.id === 'doc:002')).toBe(true);
      expect(l.evidence.some((e: any) => /龍頭/.test(e.quote))).toBe(true);
    }
    // 小鹏汽车 is in no park the text names; the parks of 肇庆 that host its chain anchor it.
    const xpeng = chainLeaders.find((l: any) => l.enterprise.name === '小鹏汽车');
    expect(names(xpeng.parks)).toContain('高要汽车零部件产业园');
  });

  it('accepts the city in Traditional Chinese and English with the same answer', async () => {
    const simplified = await ok(LEADERS, { city: '肇庆' });
    expect(await ok(LEADERS, { city: '肇慶' })).toEqual(simplified);
    expect(await ok(LEADERS, { city: 'Zhaoqing' })).toEqual(simplified);
  });

  it("Shaoguan's green steel chain: led by 中南钢铁 and carried by 广东省韶钢产业园", async () => {
    const { chainLeaders } = await ok(
      '{ chainLeaders(city: "韶关", chain: "绿色钢铁") { enterprise { name } parks { name designationNames } city { name } evidence { quote } } }',
    );
    expect(chainLeaders).toHaveLength(1);
    const [leader] = chainLeaders;
    expect(leader.enterprise.name).toBe('中南钢铁');
    expect(leader.city.name).toBe('韶关市');
    expect(names(leader.parks)).toContain('广东省韶钢产业园');
    expect(leader.evidence.map((e: any) => e.quote).join()).toMatch(/以中南钢铁为龙头/);
  });

  it('returns every leadership in the graph when unfiltered (no engine drops rows)', async () => {
    const { chainLeaders } = await ok('{ chainLeaders { enterprise { id } chain { id } } }');
    const rows = await graph.store.read<{ n: number }>(
      'MATCH (:Enterprise)-[l:LEADS_CHAIN]->(:IndustryChain) RETURN count(l) AS n',
    );
    expect(chainLeaders).toHaveLength(rows[0]!.n);
  });
});

describe('Chenzhou projects of 100 亿元 or more', () => {
  it('lists them with their amounts, and the investment summary adds them up', async () => {
    const { projects } = await ok(
      '{ projects(first: 100, filter: {city: "郴州", minAmountYi: 100}) { totalCount nodes { name amountYi operators { name } evidence { quote } } } }',
    );
    const byName = Object.fromEntries(projects.nodes.map((p: any) => [p.name, p.amountYi]));
    expect(byName['上海安能项目']).toBe(406);
    expect(Object.values(byName).every((a) => (a as number) >= 100)).toBe(true);
    expect(projects.totalCount).toBeGreaterThanOrEqual(4);
    for (const p of projects.nodes) expect(p.evidence.length).toBeGreaterThan(0);

    const { investmentSummary } = await ok(
      '{ investmentSummary(groupBy: CITY, city: "郴州") { key label totalAmountYi projectCount projectsWithAmount projects { name amountYi } } }',
    );
    const chenzhou = investmentSummary.find((g: any) => g.key === 'city:chenzhou');
    expect(chenzhou.label).toBe('郴州市');
    const sum = chenzhou.projects.reduce((s: number, p: any) => s + (p.amountYi ?? 0), 0);
    expect(chenzhou.totalAmountYi).toBeCloseTo(sum, 2);
    expect(chenzhou.projectsWithAmount).toBe(chenzhou.projects.filter((p: any) => p.amountYi != null).length);
  });

  it('a county filter finds the projects the text places in that county', async () => {
    const rows = await graph.store.read<{ county: string; n: number }>(
      "MATCH (p:Project)-[:LOCATED_IN|IN_PARK*1..2]->(c:City) WHERE c.level IN ['county', 'district', 'county-level-city'] RETURN c.name AS county, count(DISTINCT p) AS n ORDER BY n DESC LIMIT 1",
    );
    expect(rows.length).toBe(1);
    const { county, n } = rows[0]!;
    const { investmentSummary } = await ok(
      'query($c: String) { investmentSummary(groupBy: CITY, city: $c) { projectCount } }',
      { c: county },
    );
    expect(investmentSummary.reduce((sum: number, g: any) => sum + g.projectCount, 0)).toBeGreaterThanOrEqual(n);
  });

  it('groups by status, chain and document too', async () => {
    for (const groupBy of ['STATUS', 'CHAIN', 'DOCUMENT']) {
      const { investmentSummary } = await ok(`{ investmentSummary(groupBy: ${groupBy}) { key projectCount } }`);
      expect(investmentSummary.length, groupBy).toBeGreaterThan(1);
    }
  });
});

describe("what Yangjiang's 2023 plan committed to", () => {
  it('the policies 阳江 issued (itself or through its bodies), with what they target', async () => {
    const { policies } = await ok(
      '{ policies(first: 100, filter: {issuer: "阳江"}) { totalCount nodes { id name docNumber issuers { name } appliesTo { name } targets { name } } } }',
    );
    const plan = policies.nodes.find((p: any) => p.docNumber === '阳府〔2023〕14号');
    expect(plan, 'the 2023 plan 阳府〔2023〕14号').toBeDefined();
    expect(plan.name).toBe('阳江市高质量建设制造强市实施方案');
    expect(names(plan.issuers)).toContain('阳江市人民政府');
    expect(names(plan.appliesTo)).toContain('阳江市');
    expect(plan.targets.length).toBeGreaterThan(10);
    expect(policies.totalCount).toBeGreaterThan(3);
  });

  it('the plan implements the provincial opinion 粤发〔2023〕7号', async () => {
    const { policies } = await ok(
      '{ policies(first: 5, filter: {nameContains: "制造强市实施方案"}) { nodes { docNumber implements { docNumber name } } } }',
    );
    const plan = policies.nodes.find((p: any) => p.docNumber === '阳府〔2023〕14号');
    expect(plan.implements.map((p: any) => p.docNumber)).toContain('粤发〔2023〕7号');
  });
});

describe('city and park pairings', () => {
  it('韶关 is paired with 东莞 (对口帮扶), with evidence', async () => {
    const data = await ok(
      '{ node(id: "city:shaoguan") { relations(types: [PAIRED_WITH]) { node { name } properties { key value } evidence { quote } } } }',
    );
    const dongguan = data.node.relations.find((r: any) => r.node.name === '东莞市');
    expect(dongguan).toBeDefined();
    expect(dongguan.properties).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'mode' })]));
    expect(dongguan.evidence.length).toBeGreaterThan(0);
  });

  it('parks are paired too (华南装备园 with 银瓶创新园)', async () => {
    const { parks } = await ok('{ parks(first: 100) { nodes { name pairedWith { name } } } }');
    const paired = parks.nodes.filter((p: any) => p.pairedWith.length > 0);
    expect(paired.length).toBeGreaterThan(1);
    expect(names(paired.find((p: any) => p.name === '华南装备园').pairedWith)).toContain('银瓶创新园');
  });
});

describe('search', () => {
  it.each(['韶关', '韶關', 'Shaoguan', 'shaoguan', '韶关市'])('finds 韶关市 first for %s', async (text) => {
    const { search } = await ok(
      'query($t: String!) { search(text: $t, first: 3) { edges { node { id name } score match } } }',
      { t: text },
    );
    expect(search.edges[0].node.name).toBe('韶关市');
  });

  it.each(['寧德時代', 'CATL', '宁德时代'])('finds 宁德时代 first for %s', async (text) => {
    const { search } = await ok(
      'query($t: String!) { search(text: $t) { totalCount edges { node { name kind } match } } }',
      { t: text },
    );
    expect(search.edges[0].node).toEqual({ name: '宁德时代', kind: 'Enterprise' });
  });

  it('ranks exact name > alias > partial and filters by kind', async () => {
    const { search } = await ok(
      '{ search(text: "比亚迪", kinds: [Enterprise, Project], first: 10) { edges { node { name kind } match score } } }',
    );
    expect(search.edges[0]).toMatchObject({ node: { name: '比亚迪', kind: 'Enterprise' }, match: 'NAME' });
    const scores = search.edges.map((e: any) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const e of search.edges) expect(['Enterprise', 'Project']).toContain(e.node.kind);
  });

  it('pages with cursors', async () => {
    const first = await ok(
      '{ search(text: "韶关", first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
    );
    const next = await ok('query($a: String) { search(text: "韶关", first: 2, after: $a) { edges { node { id } } } }', {
      a: first.search.pageInfo.endCursor,
    });
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    expect(next.search.edges[0].node.id).not.toBe(first.search.edges[1].node.id);
  });
});

describe('connections', () => {
  it('韶关 ↔ 东莞: one step, the pairing, with its evidence', async () => {
    const { connections } = await ok(
      '{ connections(from: "韶关", to: "东莞") { length steps { from { name } to { name } type forward evidence { quote } } } }',
    );
    expect(connections[0].length).toBe(1);
    expect(connections[0].steps[0]).toMatchObject({
      from: { name: '韶关市' },
      to: { name: '东莞市' },
      type: 'PAIRED_WITH',
    });
    expect(connections[0].steps[0].evidence.length).toBeGreaterThan(0);
  });

  it('比亚迪 ↔ 宁德时代: five hops through the chain and the place they share', async () => {
    const short = await ok('{ connections(from: "比亚迪", to: "宁德时代") { length } }');
    expect(short.connections).toEqual([]); // not within the default 4 hops
    const { connections } = await ok(
      '{ connections(from: "比亚迪", to: "宁德时代", maxHops: 6) { length nodes { name } steps { type evidence { quote } } } }',
    );
    expect(connections.length).toBeGreaterThan(0);
    for (const path of connections) {
      expect(path.length).toBe(5);
      expect(path.nodes[0].name).toBe('比亚迪');
      expect(path.nodes.at(-1).name).toBe('宁德时代');
      expect(path.steps.map((s: any) => s.type)).not.toContain('MENTIONED_IN');
    }
  });

  it('paths of several hops name every step', async () => {
    const { connections } = await ok(
      '{ connections(from: "中南钢铁", to: "广东省", maxHops: 5) { length nodes { name } steps { type } } }',
    );
    expect(connections.length).toBeGreaterThan(0);
    for (const path of connections) {
      expect(path.nodes[0].name).toBe('中南钢铁');
      expect(path.nodes.at(-1).name).toBe('广东省');
      expect(path.steps).toHaveLength(path.length);
    }
  });

  it('rejects maxHops out of range', async () => {
    const res = await graph.server.gql('{ connections(from: "韶关", to: "东莞", maxHops: 9) { length } }');
    expect(res.errors?.[0]).toMatchObject({
      message: 'maxHops must be from 1 to 6, got 9',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('invalid arguments to the questions', () => {
  it.each([
    ['{ search(text: "   ") { totalCount } }', /text must not be empty/],
    ['{ search(text: "韶关", after: "bogus") { totalCount } }', /not a cursor this search issued/],
    ['{ chainLeaders(city: "Atlantis") { chain { id } } }', /city: no City is called "Atlantis"/],
    [
      '{ investmentSummary(groupBy: CITY, chain: "不存在的链") { key } }',
      /chain: no IndustryChain is called "不存在的链"/,
    ],
  ])('%s', async (query, message) => {
    const res = await graph.server.gql(query);
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the knowledge model in the API', () => {
  it('projects(filter: {city}) and investmentSummary(groupBy: CITY) count the same projects for every city', async () => {
    const { investmentSummary } = await ok('{ investmentSummary(groupBy: CITY) { key projectCount } }');
    const cities = investmentSummary.filter((g: any) => g.key.startsWith('city:'));
    expect(cities.length).toBeGreaterThan(3);
    for (const g of cities) {
      const { projects } = await ok('query($c: String) { projects(first: 1, filter: {city: $c}) { totalCount } }', {
        c: g.key,
      });
      expect(projects.totalCount, g.key).toBe(g.projectCount);
    }
    // A county counts the projects placed in it, in both.
    const { projects } = await ok('{ projects(first: 100, filter: {city: "阳春"}) { totalCount nodes { id } } }');
    const summary = await ok('{ investmentSummary(groupBy: CITY, city: "阳春") { projectCount } }');
    expect(projects.totalCount).toBe(summary.investmentSummary.reduce((n: number, g: any) => n + g.projectCount, 0));
    expect(projects.totalCount).toBeGreaterThan(0);
  });

  it('regions are not parks: 韶关 is in the 广州都市圈 and the 北部生态发展区', async () => {
    const { regions } = await ok('{ regions(first: 50) { totalCount nodes { id name regionType members { name } } } }');
    const byName = Object.fromEntries(regions.nodes.map((r: any) => [r.name, r]));
    expect(byName['广州都市圈'].regionType).toBe('METROPOLITAN_CIRCLE');
    expect(names(byName['广州都市圈'].members)).toContain('韶关市');
    expect(names(byName['北部生态发展区'].members)).toContain('韶关市');
    expect(byName['粤港澳大湾区'].regionType).toBe('ECONOMIC_REGION');
    const { parks } = await ok('{ parks(first: 100) { nodes { name } } }');
    for (const region of ['粤港澳大湾区', '西江经济带', '大丹霞', '南岭国家公园'])
      expect(names(parks.nodes)).not.toContain(region);
  });

  it('a designation and its holders, with the status and year of each award', async () => {
    const data = await ok(`{
      gaoxin: node(id: "designation:shengji-gaoxinqu") { name ... on Designation { designationType level holders { name } } }
      shixing: node(id: "city:shixing") { relations(types: [HAS_DESIGNATION]) { node { name } basis properties { key value } evidence { quote } } }
      zq: node(id: "city:zhaoqing") { relations(types: [HAS_DESIGNATION]) { node { name } properties { key value } } }
      shaogang: node(id: "park:shaogang") { ... on Park { designationNames } } }`);
    expect(data.gaoxin).toMatchObject({ name: '省级高新区', designationType: 'PARK_STATUS', level: 'PROVINCIAL' });
    expect(new Set(names(data.gaoxin.holders))).toEqual(new Set(['南雄高新区', '乳源高新区']));
    const award = data.shixing.relations.find((r: any) => r.node.name === '国家生态文明建设示范县');
    expect(award.basis).toBe('STATED');
    expect(award.properties).toContainEqual({ key: 'status', value: 'awarded' });
    expect(award.evidence[0].quote).toMatch(/始兴县获评/);
    const sought = data.zq.relations.find((r: any) => r.node.name === '粤港澳大湾区西部制造新城');
    expect(sought.properties).toContainEqual({ key: 'status', value: 'sought' });
    expect(data.shaogang.designationNames).toEqual(['省产业园', '省级特色产业园']);
  });

  it('inferred facts carry their basis and reason; stated ones say so', async () => {
    const data = await ok(
      '{ node(id: "proj:byd-qiche-moju") { relations(types: [LOCATED_IN]) { node { name } basis reason evidence { quote } } } }',
    );
    const [place] = data.node.relations;
    expect(place.node.name).toBe('韶关市');
    expect(place.basis).toBe('INFERRED');
    expect(place.reason).toMatch(/韶关/);
    expect(place.evidence.length).toBeGreaterThan(0);
    const { connections } = await ok(
      '{ connections(from: "韶关", to: "东莞") { steps { type basis properties { key value } } } }',
    );
    expect(connections[0].steps[0]).toMatchObject({ type: 'PAIRED_WITH', basis: 'STATED' });
    expect(connections[0].steps[0].properties).toContainEqual({ key: 'mode', value: '对口帮扶' });
  });

  it('reports are cited documents, kept apart from the sources', async () => {
    const { reports, documents } = await ok(`{
      reports(first: 20) { totalCount nodes { name reportType issuers { name } subjects { name } } }
      documents(first: 20) { totalCount } }`);
    expect(documents.totalCount).toBe(5);
    const report = reports.nodes.find((r: any) => r.name === '郴州市有色金属产业高质量发展调研报告');
    expect(report.reportType).toBe('RESEARCH_REPORT');
    // The title names both the industry and the city it studies.
    expect(names(report.subjects).sort()).toEqual(['有色金属', '郴州市'].sort());
    expect(names(report.issuers)).toContain('郴州市工业和信息化局');
    const { policies } = await ok('{ policies(first: 100, filter: {nameContains: "调研报告"}) { totalCount } }');
    expect(policies.totalCount).toBe(0);
  });

  it("the 2023 Yangjiang plan's own actions are its parts; what it implements is broader", async () => {
    const { node } = await ok(
      '{ node(id: "policy:yangjiang-zhizao-qiangshi") { ... on Policy { parts { name } implements { name } } } }',
    );
    expect(names(node.parts)).toEqual(expect.arrayContaining(['集群强链提升行动', '园区质效提升行动']));
    expect(names(node.implements)).not.toContain('集群强链提升行动');
    expect(names(node.implements)).toContain('制造业当家');
  });

  it('a fact two documents date differently: the 2023 reading stands, the 2021 one is kept', async () => {
    const data = await ok(`{
      sg: node(id: "city:shaoguan") { relations(types: [HAS_INDUSTRY], direction: OUT) { node { id } properties { key value } } }
      d000: node(id: "doc:000") { ... on Document { date dateBasis dateReason } }
      d004: node(id: "doc:004") { ... on Document { date dateBasis dateReason } } }`);
    const props = (id: string) =>
      Object.fromEntries(
        data.sg.relations.find((r: any) => r.node.id === id).properties.map((p: any) => [p.key, p.value]),
      );
    // 004 (2021): 加快推动…装备制造…发展 (under-way); 000 (2023): 做大做强装备制造业 (existing).
    expect(props('chain:zhuangbei-zhizao')).toMatchObject({
      status: 'existing',
      statusDocs: 'doc:004, doc:000',
      statuses: 'under-way, existing',
    });
    // Both documents say under-way: one status, no history.
    expect(props('chain:shengwu-yiyao').status).toBe('under-way');
    expect(props('chain:shengwu-yiyao').statusDocs).toBeUndefined();
    expect(data.d004).toEqual({ date: '2021-04-12', dateBasis: 'STATED', dateReason: null });
    expect(data.d000).toMatchObject({ date: '2023', dateBasis: 'INFERRED' });
    expect(data.d000.dateReason).toMatch(/2022/);
  });

  it('what else holds a designation, has figures of its own, or is carried out', async () => {
    const data = await ok(`{
      liangyuan: node(id: "policy:liangyuan-zhidu") { relations(types: [HAS_DESIGNATION], direction: OUT) { node { name } basis } }
      batch: node(id: "designation:laogongye-chengshi-zhuanxing-shifanqu") { ... on Designation { indicators { ... on Indicator { value unit } } } }
      labs: node(id: "designation:sheng-shiyanshi") { ... on Designation { designationType holders { name } } }
      congress: node(id: "report:ershida-baogao") { ... on Report { implementedBy { name } proposes { name } } } }`);
    // 这一制度还入选了…典型经验做法: the 两员 system holds it, not the city.
    expect(data.liangyuan.relations).toEqual([
      { node: { name: '“两个统筹”督导和服务工作典型经验做法' }, basis: 'STATED' },
    ]);
    expect(data.batch.indicators).toContainEqual({ value: 8, unit: '个' });
    expect(data.labs.designationType).toBe('ORGANIZATION_STATUS');
    expect(new Set(names(data.labs.holders))).toEqual(new Set(['阳江合金材料实验室', '阳江海上风电实验室']));
    expect(names(data.congress.implementedBy)).toEqual(['阳江市高质量建设制造强市实施方案']);
    expect(names(data.congress.proposes).length).toBeGreaterThan(0);
  });
});
