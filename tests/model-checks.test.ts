/**
 * The model's build checks, each on a small seed written to a temp dir with a small corpus: a
 * bad seed fails `buildSeedFiles` with the file, the entry and the reason; the fixed seed builds.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSeedFiles } from '../src/knowledge/build-seed-files.js';
import { SeedError } from '../src/errors.js';
import { duplicateKey } from '../src/knowledge/model-checks.js';

const TEXT = [
  '韶关市推进华南装备园和韶关华南装备园区建设。',
  '发展装备制造业,做大装备制造产业,培育海上风电和风电产业。',
  '加快推进南兴装备、比亚迪汽车模具等项目建设。',
  '新丰产业园规划建设。甬金三期项目投产。',
].join('\n');

let root: string;
let seedDir: string;
let corpusDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'chainatlas-model-'));
  corpusDir = path.join(root, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(path.join(corpusDir, '000_0a.txt'), TEXT);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const city = {
  id: 'city:shaoguan',
  kind: 'City',
  name: '韶关市',
  props: { level: 'prefecture' },
  evidence: ['韶关市推进'],
};

interface Seed {
  entities: Array<Record<string, unknown>>;
  facts?: Array<Record<string, unknown>>;
}

async function build(seed: Seed, worklist?: unknown): Promise<{ error?: SeedError; unplaced?: string[] }> {
  seedDir = mkdtempSync(path.join(root, 'seeds-'));
  const file = {
    document: {
      id: 'doc:000',
      file: '000_0a.txt',
      title: '测试',
      publisher: '测试',
      date: '2023-01-01',
      city: 'city:shaoguan',
      script: 'simplified',
      evidence: ['韶关市推进'],
    },
    entities: [city, ...seed.entities],
    facts: seed.facts ?? [],
  };
  writeFileSync(path.join(seedDir, '000_test.yaml'), stringify(file));
  if (worklist) writeFileSync(path.join(seedDir, 'unplaced-worklist.yaml'), stringify(worklist));
  try {
    const result = await buildSeedFiles(seedDir, corpusDir);
    return { unplaced: result.knowledge.unplaced.map((u) => u.id) };
  } catch (error) {
    if (error instanceof SeedError) return { error };
    throw error;
  }
}

const expectProblem = async (seed: Seed, message: RegExp, worklist?: unknown) => {
  const { error } = await build(seed, worklist);
  expect(error, 'the build should fail').toBeInstanceOf(SeedError);
  expect(error!.message).toMatch(message);
  return error!;
};
const expectBuilds = async (seed: Seed, worklist?: unknown) => {
  const result = await build(seed, worklist);
  expect(result.error?.message).toBeUndefined();
  return result;
};

const park = (id: string, name: string, quote: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'Park',
  name,
  props: { parkType: 'industrial-park' },
  evidence: [quote],
  ...extra,
});
const locatedIn = (s: string, o = 'city:shaoguan', quote = '韶关市推进') => ({
  s,
  p: 'LOCATED_IN',
  o,
  evidence: [quote],
});
const chain = (id: string, name: string, quote: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'IndustryChain',
  name,
  props: { chainType: 'industry' },
  evidence: [quote],
  ...extra,
});

describe('duplicate key', () => {
  it('folds script, width, punctuation and generic endings', () => {
    expect(duplicateKey('IndustryChain', '裝備製造業')).toBe(duplicateKey('IndustryChain', '装备制造'));
    expect(duplicateKey('IndustryChain', '装备制造产业')).toBe('装备制造');
    expect(duplicateKey('Project', '南兴装备项目')).toBe(duplicateKey('Enterprise', '南兴装备'));
    expect(duplicateKey('Enterprise', '中远海运集团')).toBe('中远海运');
    // Never below two characters, and 业 only for chains.
    expect(duplicateKey('IndustryChain', '农业')).toBe('农业');
    expect(duplicateKey('Policy', '服务业')).toBe('服务业');
    expect(duplicateKey('Designation', '省级特色产业集群')).toBe('省级特色产业集群');
  });
});

describe('likely duplicates fail the build', () => {
  it('two ids with the same name after normalisation', async () => {
    const error = await expectProblem(
      {
        entities: [
          chain('chain:zhuangbei-zhizao', '装备制造', '做大装备制造产业'),
          chain('chain:zhuangbei-zhizaoye', '装备制造业', '发展装备制造业'),
        ],
      },
      /entities\[\d\] \(chain:zhuangbei-zhizao\): likely duplicate of chain:zhuangbei-zhizaoye .*both are called "装备制造"/,
    );
    expect(error.message).toContain(path.join(seedDir, '000_test.yaml'));
  });

  it('… unless one names the other in distinctFrom with the reason (pairwise: a third is still compared)', async () => {
    const twins = [
      chain('chain:zhuangbei-zhizao', '装备制造', '做大装备制造产业'),
      chain('chain:zhuangbei-zhizaoye', '装备制造业', '发展装备制造业', {
        distinctFrom: { 'chain:zhuangbei-zhizao': 'two cities’ own programmes in the test text' },
      }),
    ];
    await expectBuilds({ entities: twins });
    await expectProblem(
      { entities: [...twins, chain('chain:zb3', '装备制造产业', '做大装备制造产业')] },
      /likely duplicate of chain:zb3 .*both are called "装备制造"/,
    );
  });

  it('the blanket sharesNameBecause is gone, with a message that says what replaces it', async () => {
    await expectProblem(
      { entities: [chain('chain:zb', '装备制造', '做大装备制造产业', { sharesNameBecause: 'old escape' })] },
      /\(chain:zb\) field sharesNameBecause: sharesNameBecause is replaced by distinctFrom/,
    );
  });

  it('one name containing another, same kind and city', async () => {
    const seed = {
      entities: [
        park('park:huanan', '华南装备园', '推进华南装备园'),
        park('park:sg-huanan', '韶关华南装备园区', '韶关华南装备园区建设'),
      ],
      facts: [locatedIn('park:huanan'), locatedIn('park:sg-huanan')],
    };
    await expectProblem(
      seed,
      /\(park:huanan\): likely duplicate of park:sg-huanan .*"韶关华南装备园区" \(park:sg-huanan\) contains "华南装备园"/,
    );
  });

  it('… unless a fact links them or one says they differ', async () => {
    const entities = [
      park('park:huanan', '华南装备园', '推进华南装备园'),
      park('park:sg-huanan', '韶关华南装备园区', '韶关华南装备园区建设'),
    ];
    await expectBuilds({
      entities,
      facts: [
        locatedIn('park:huanan'),
        { s: 'park:sg-huanan', p: 'PART_OF', o: 'park:huanan', evidence: ['韶关华南装备园区建设'] },
      ],
    });
    await expectBuilds({
      entities: [
        entities[0]!,
        { ...entities[1]!, distinctFrom: { 'park:huanan': 'a different park in the test text' } },
      ],
      facts: [locatedIn('park:huanan'), locatedIn('park:sg-huanan')],
    });
  });

  it('a sub-chain whose name contains its parent must be linked (海上风电 → 风电)', async () => {
    const entities = [
      chain('chain:fengdian', '风电', '和风电产业'),
      chain('chain:haishang-fengdian', '海上风电', '培育海上风电'),
    ];
    await expectProblem({ entities }, /likely duplicate of .*"海上风电" \(chain:haishang-fengdian\) contains "风电"/);
    await expectBuilds({
      entities,
      facts: [
        {
          s: 'chain:haishang-fengdian',
          p: 'PART_OF',
          o: 'chain:fengdian',
          basis: 'inferred',
          reason: 'the name narrows 风电 (head-final)',
          evidence: ['培育海上风电'],
        },
      ],
    });
  });

  it('an enterprise and a project of the same name must be linked by OPERATES', async () => {
    const entities = [
      { id: 'ent:nanxing', kind: 'Enterprise', name: '南兴装备', evidence: ['加快推进南兴装备'] },
      {
        id: 'proj:nanxing',
        kind: 'Project',
        name: '南兴装备项目',
        aliases: ['南兴装备'],
        evidence: ['加快推进南兴装备'],
      },
    ];
    await expectProblem(
      { entities, facts: [locatedIn('proj:nanxing')] },
      /likely duplicate of .*an enterprise and a project named "南兴装备" must be linked by OPERATES/,
    );
    await expectBuilds({
      entities,
      facts: [
        locatedIn('proj:nanxing'),
        { s: 'ent:nanxing', p: 'OPERATES', o: 'proj:nanxing', evidence: ['加快推进南兴装备'] },
      ],
    });
  });
});

describe('the model’s kinds, qualifiers and basis', () => {
  const two = [park('park:a', '华南装备园', '推进华南装备园'), park('park:b', '新丰产业园', '新丰产业园规划建设')];

  it('a kind/predicate combination the model does not allow', async () => {
    await expectProblem(
      {
        entities: two,
        facts: [locatedIn('park:a'), { s: 'park:b', p: 'IN_PARK', o: 'park:a', evidence: ['新丰产业园规划建设'] }],
      },
      /facts\[1\] \(park:b IN_PARK park:a\): the model does not allow Park -\[IN_PARK\]-> Park \(allowed: Enterprise\/Project\/Organization → Park\)/,
    );
  });

  it('a qualifier outside its vocabulary, an unknown qualifier, a missing required one', async () => {
    const hasIndustry = (props: Record<string, unknown>) => ({
      entities: [chain('chain:zb', '装备制造', '做大装备制造产业')],
      facts: [{ s: 'city:shaoguan', p: 'HAS_INDUSTRY', o: 'chain:zb', props, evidence: ['做大装备制造产业'] }],
    });
    await expectProblem(
      hasIndustry({ status: 'maybe' }),
      /facts\[0\] \(city:shaoguan HAS_INDUSTRY chain:zb\) field props\.status: status must be one of: existing, planned, under-way \(got "maybe"\)/,
    );
    await expectProblem(
      hasIndustry({}),
      /field props\.status: status is required \(one of: existing, planned, under-way\)/,
    );
    await expectProblem(
      hasIndustry({ status: 'existing', mode: '对接' }),
      /HAS_INDUSTRY takes no qualifier mode \(allowed: status, tier\)/,
    );
    await expectBuilds(hasIndustry({ status: 'planned', tier: '千亿级' }));
  });

  it('a figure without its bound, and a qualifier word in a metric', async () => {
    const indicator = (props: Record<string, unknown>) => ({
      entities: [{ id: 'ind:x', kind: 'Indicator', name: '甬金三期', props, evidence: ['甬金三期项目投产'] }],
      facts: [{ s: 'city:shaoguan', p: 'HAS_INDICATOR', o: 'ind:x', evidence: ['甬金三期项目投产'] }],
    });
    await expectProblem(
      indicator({ metric: '产能', value: 3, unit: '万吨', status: 'actual' }),
      /field props\.bound: bound is required \(one of: exact, over, at-least, about, nearly, under\)/,
    );
    await expectProblem(
      indicator({ metric: '产能(目标)', value: 3, unit: '万吨', bound: 'exact', status: 'target' }),
      /field props\.metric: metric names the measure only/,
    );
  });

  it('an instrument sets only target figures (SETS_TARGET)', async () => {
    const plan = (status: string) => ({
      entities: [
        {
          id: 'policy:p',
          kind: 'Policy',
          name: '装备制造计划',
          props: { policyType: 'plan' },
          evidence: ['做大装备制造产业'],
        },
        {
          id: 'ind:x',
          kind: 'Indicator',
          name: '甬金三期产能',
          props: { metric: '产能', value: 3, unit: '万吨', bound: 'exact', status },
          evidence: ['甬金三期项目投产'],
        },
      ],
      facts: [
        { s: 'city:shaoguan', p: 'HAS_INDICATOR', o: 'ind:x', evidence: ['甬金三期项目投产'] },
        { s: 'policy:p', p: 'SETS_TARGET', o: 'ind:x', evidence: ['甬金三期项目投产'] },
      ],
    });
    await expectProblem(plan('actual'), /SETS_TARGET policy:p → ind:x: the indicator's status is actual/);
    await expectBuilds(plan('target'));
  });

  it('an inferred fact without a reason, and an id whose prefix is not its kind’s', async () => {
    await expectProblem(
      { entities: two.slice(0, 1), facts: [{ ...locatedIn('park:a'), basis: 'inferred' }] },
      /facts\[0\] \(park:a LOCATED_IN city:shaoguan\) field reason: an inferred fact or entity needs a one-line reason/,
    );
    await expectProblem(
      { entities: [{ ...park('ent:a', '华南装备园', '推进华南装备园') }] },
      /entities\[1\] \(ent:a\) field id: the id of a Park starts with "park:"/,
    );
  });
});

describe('the model’s ends for designations, figures, reports and park targets', () => {
  const entity = (id: string, kind: string, name: string, props: Record<string, unknown>, quote: string) => ({
    id,
    kind,
    name,
    props,
    evidence: [quote],
  });
  const fact = (spo: string, quote: string, props: Record<string, unknown> = {}) => {
    const [s, p, o] = spo.split(' ');
    return { s, p, o, props, evidence: [quote] };
  };
  const policy = entity('policy:liangyuan', 'Policy', '装备制造制度', { policyType: 'mechanism' }, '做大装备制造产业');
  const designation = entity(
    'designation:dianxing',
    'Designation',
    '典型经验做法',
    { designationType: 'honour' },
    '发展装备制造业',
  );
  const report = entity('report:r', 'Report', '装备制造报告', { reportType: 'work-report' }, '培育海上风电');
  const indicator = entity(
    'ind:n',
    'Indicator',
    '典型经验做法数',
    { metric: '入选数', value: 8, unit: '个', bound: 'exact', status: 'actual' },
    '甬金三期项目投产',
  );

  it('a policy holds a designation, a designation has its own figures, a policy implements a report', async () => {
    await expectBuilds({
      entities: [policy, designation, report, indicator],
      facts: [
        fact('policy:liangyuan HAS_DESIGNATION designation:dianxing', '发展装备制造业', { status: 'awarded' }),
        fact('designation:dianxing HAS_INDICATOR ind:n', '甬金三期项目投产'),
        fact('policy:liangyuan IMPLEMENTS report:r', '培育海上风电'),
      ],
    });
    await expectProblem(
      {
        entities: [policy, report],
        facts: [{ s: 'report:r', p: 'IMPLEMENTS', o: 'policy:liangyuan', evidence: ['培育海上风电'] }],
      },
      /the model does not allow Report -\[IMPLEMENTS\]-> Policy \(allowed: Policy → Policy\/Report\)/,
    );
  });

  it('a park’s target state, and its year only with it', async () => {
    await expectBuilds({
      entities: [
        park('park:x', '新丰产业园', '新丰产业园规划建设', {
          props: { parkType: 'zone', status: 'under-way', targetStatus: 'existing', targetYear: 2027 },
        }),
      ],
      facts: [locatedIn('park:x')],
    });
    await expectProblem(
      {
        entities: [
          park('park:x', '新丰产业园', '新丰产业园规划建设', { props: { parkType: 'zone', targetYear: 2027 } }),
        ],
        facts: [locatedIn('park:x')],
      },
      /\(park:x\) field props\.targetYear: targetYear without targetStatus/,
    );
  });
});

describe('a fact several documents give different statuses: the latest document’s stands', () => {
  // doc:000 is TEXT; doc:002 is a second, differently dated text about the same fact.
  const SECOND = '韶关市加快发展装备制造产业。';
  const zb = (quote: string) => chain('chain:zb', '装备制造', quote);
  const doc = (id: string, file: string, date: string, quote: string, status: string | undefined, extra = {}) => ({
    document: {
      id,
      file,
      title: id,
      publisher: '测试',
      date,
      city: 'city:shaoguan',
      script: 'simplified',
      evidence: [quote],
      ...extra,
    },
    entities: [
      { ...city, evidence: [quote] },
      zb(quote === '韶关市推进' ? '做大装备制造产业' : '加快发展装备制造产业'),
    ],
    facts: [
      {
        s: 'city:shaoguan',
        p: 'HAS_INDUSTRY',
        o: 'chain:zb',
        props: status ? { status } : {},
        evidence: [quote === '韶关市推进' ? '做大装备制造产业' : '加快发展装备制造产业'],
      },
    ],
  });
  async function merged(date0: string, status0: string, date2: string, status2: string) {
    writeFileSync(path.join(corpusDir, '002_0c.txt'), SECOND);
    seedDir = mkdtempSync(path.join(root, 'seeds-'));
    writeFileSync(
      path.join(seedDir, '000_test.yaml'),
      stringify(doc('doc:000', '000_0a.txt', date0, '韶关市推进', status0)),
    );
    writeFileSync(
      path.join(seedDir, '002_test.yaml'),
      stringify(doc('doc:002', '002_0c.txt', date2, '韶关市加快', status2)),
    );
    try {
      const { knowledge } = await buildSeedFiles(seedDir, corpusDir);
      return { fact: knowledge.facts.find((f) => f.p === 'HAS_INDUSTRY')!, notes: knowledge.notes };
    } catch (error) {
      if (error instanceof SeedError) return { error };
      throw error;
    }
  }

  it('takes the latest document’s status, by date not by file, and keeps every reading', async () => {
    const { fact, notes } = await merged('2023', 'existing', '2021-04-12', 'under-way');
    expect(fact!.props).toMatchObject({
      status: 'existing',
      statusDocs: ['doc:002', 'doc:000'],
      statuses: ['under-way', 'existing'],
    });
    expect(notes).toEqual([]);
  });

  it('notes a latest status that is less advanced than an earlier one, without failing', async () => {
    const { fact, notes } = await merged('2023', 'planned', '2021-04-12', 'under-way');
    expect(fact!.props).toMatchObject({ status: 'planned', statuses: ['under-way', 'planned'] });
    expect(notes).toEqual([
      expect.stringMatching(
        /city:shaoguan HAS_INDUSTRY chain:zb: .*doc:002 2021-04-12: under-way → doc:000 2023: planned/,
      ),
    ]);
  });

  it('keeps no lists when the documents agree', async () => {
    const { fact } = await merged('2023', 'existing', '2021-04-12', 'existing');
    expect(fact!.props.status).toBe('existing');
    expect(fact!.props.statusDocs).toBeUndefined();
  });

  it('fails when the documents disagree and their dates cannot be ordered', async () => {
    const { error } = await merged('2023', 'existing', '2023-06-28', 'under-way');
    expect(error).toBeInstanceOf(SeedError);
    expect(error!.message).toMatch(
      /facts\[0\] \(city:shaoguan HAS_INDUSTRY chain:zb\): doc:000 \(2023\) says existing, doc:002 \(2023-06-28\) says under-way, and their dates do not tell which is later/,
    );
  });

  it('a year-only date needs its basis: an inferred date gives its reason', async () => {
    writeFileSync(path.join(corpusDir, '002_0c.txt'), SECOND);
    seedDir = mkdtempSync(path.join(root, 'seeds-'));
    const write = (extra: Record<string, unknown>) =>
      writeFileSync(
        path.join(seedDir, '000_test.yaml'),
        stringify(doc('doc:000', '000_0a.txt', '2023', '韶关市推进', 'existing', extra)),
      );
    write({ dateBasis: 'inferred' });
    await expect(buildSeedFiles(seedDir, corpusDir)).rejects.toThrow(
      /document\.dateReason: an inferred date needs a one-line dateReason|dateReason: an inferred date needs a one-line dateReason/,
    );
    write({ dateBasis: 'inferred', dateReason: 'the text reports the full year 2022 and plans 2023' });
    const { knowledge } = await buildSeedFiles(seedDir, corpusDir);
    expect(knowledge.documents[0]).toMatchObject({ date: '2023', dateBasis: 'inferred' });
    write({ date: '2023-3' });
    await expect(buildSeedFiles(seedDir, corpusDir)).rejects.toThrow(/a document date is YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('a fact is written with its document, so its ends must be declared there', () => {
  it('fails when no document of the fact has evidence for both ends', async () => {
    const second = {
      document: {
        id: 'doc:001',
        file: '001_0b.txt',
        title: '测试二',
        publisher: '测试',
        date: '2023-01-01',
        city: 'city:shaoguan',
        script: 'simplified',
        evidence: ['新丰县新丰产业园'],
      },
      entities: [
        { ...city, evidence: ['新丰县新丰产业园'] },
        {
          id: 'city:xinfeng',
          kind: 'City',
          name: '新丰县',
          props: { level: 'county' },
          evidence: ['新丰县新丰产业园'],
        },
      ],
      facts: [],
    };
    writeFileSync(path.join(corpusDir, '001_0b.txt'), '新丰县新丰产业园。');
    const seed = {
      entities: [park('park:xinfeng', '新丰产业园', '新丰产业园规划建设')],
      facts: [locatedIn('park:xinfeng', 'city:xinfeng', '新丰产业园规划建设')],
    };
    seedDir = mkdtempSync(path.join(root, 'seeds-'));
    const first = {
      document: { ...second.document, id: 'doc:000', file: '000_0a.txt', title: '测试', evidence: ['韶关市推进'] },
      entities: [city, ...seed.entities],
      facts: seed.facts,
    };
    writeFileSync(path.join(seedDir, '000_test.yaml'), stringify(first));
    writeFileSync(path.join(seedDir, '001_test.yaml'), stringify(second));
    const error = await buildSeedFiles(seedDir, corpusDir).then(
      () => undefined,
      (e: unknown) => e as SeedError,
    );
    expect(error).toBeInstanceOf(SeedError);
    expect(error!.message).toMatch(
      /000_test\.yaml: facts\[0\] \(park:xinfeng LOCATED_IN city:xinfeng\): no document of its evidence \(doc:000\) has evidence for both ends \(park:xinfeng: doc:000; city:xinfeng: none of them\)/,
    );
    // Declared in the fact's own document too, it builds.
    first.entities.push({
      id: 'city:xinfeng',
      kind: 'City',
      name: '新丰县',
      props: { level: 'county' },
      evidence: ['新丰产业园规划建设'],
    });
    writeFileSync(path.join(seedDir, '000_test.yaml'), stringify(first));
    await expect(buildSeedFiles(seedDir, corpusDir)).resolves.toBeDefined();
  });
});

describe('placement: parks and projects must reach a city', () => {
  const entities = [
    park('park:xinfeng', '新丰产业园', '新丰产业园规划建设'),
    {
      id: 'proj:yongjin',
      kind: 'Project',
      name: '甬金三期',
      props: { targetStatus: '投产' },
      evidence: ['甬金三期项目投产'],
    },
  ];

  it('fails for an unplaced park or project, naming the entry', async () => {
    const error = await expectProblem(
      { entities, facts: [locatedIn('park:xinfeng')] },
      /entities\[2\] \(proj:yongjin\): Project 甬金三期 reaches no City/,
    );
    expect(error.message).not.toMatch(/park:xinfeng\): Park/);
  });

  it('a project reaches its city through a park, and a park through its parent park', async () => {
    await expectBuilds({
      entities: [...entities, park('park:huanan', '华南装备园', '推进华南装备园')],
      facts: [
        locatedIn('park:huanan'),
        {
          s: 'park:xinfeng',
          p: 'PART_OF',
          o: 'park:huanan',
          props: { status: 'planned' },
          evidence: ['新丰产业园规划建设'],
        },
        { s: 'proj:yongjin', p: 'IN_PARK', o: 'park:xinfeng', evidence: ['甬金三期项目投产'] },
      ],
    });
  });

  it('the worklist reports listed ones instead of failing, and fails when an entry is stale', async () => {
    const worklist = { unplaced: [{ id: 'proj:yongjin', doc: 'doc:000' }] };
    const { unplaced } = await expectBuilds({ entities, facts: [locatedIn('park:xinfeng')] }, worklist);
    expect(unplaced).toEqual(['proj:yongjin']);
    await expectProblem(
      { entities, facts: [locatedIn('park:xinfeng'), locatedIn('proj:yongjin', 'city:shaoguan', '甬金三期项目投产')] },
      /unplaced-worklist\.yaml: proj:yongjin is placed now: remove it from the worklist/,
      worklist,
    );
    await expectProblem(
      { entities, facts: [locatedIn('park:xinfeng'), locatedIn('proj:yongjin', 'city:shaoguan', '甬金三期项目投产')] },
      /proj:gone is not an entity of any seed file/,
      { unplaced: [{ id: 'proj:gone', doc: 'doc:000' }] },
    );
  });
});
