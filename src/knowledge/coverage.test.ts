/** The coverage lint on small texts: mention extraction and the coverage rule (the real corpus: tests/coverage.test.ts). */
import { describe, expect, it } from 'vitest';
import type { EntityNode, Knowledge } from './compile-knowledge.js';
import {
  coverageReport,
  extractMentions,
  formatCoverage,
  ignoreMatches,
  MAX_MENTION,
  mentionKeys,
  type IgnoreEntry,
} from './coverage.js';
import type { EntityKind } from './seed-schema.js';
import { sourceText, type SourceText } from '../text/source-text.js';

const texts = (s: string) => extractMentions(sourceText(s)).map((m) => m.text);

describe('mention extraction', () => {
  it('takes a 《》 title whole, with its original offsets', () => {
    const original = '为深入贯彻《中共广东省委 广东省人民政府关于高质量建设制造强省的意见》精神,结合我市实际';
    const [title, ...rest] = extractMentions(sourceText(original));
    expect(rest).toEqual([]);
    expect(title).toMatchObject({ kind: 'title', text: '《中共广东省委 广东省人民政府关于高质量建设制造强省的意见》' });
    expect(original.slice(title!.start, title!.end)).toBe(title!.original);
    expect(title!.original).toBe('《中共广东省委 广东省人民政府关于高质量建设制造强省的意见》');
  });

  it('takes the run of name characters before a suffix, leading context words included', () => {
    expect(
      texts('隆冬时节，穿行在宜章氟化学工业园，年产30000吨六氟磷酸锂项目、氟资源综合利用项目等建设如火如荼。'),
    ).toEqual(['穿行在宜章氟化学工业园', '年产30000吨六氟磷酸锂项目', '氟资源综合利用项目']);
  });

  it('keeps decimals, units and balanced parentheses inside a run, and stops at an unmatched one', () => {
    expect(
      texts('形成年产16.3万吨正极材料项目;华润5000t/d水泥生产线项目;已开工在建(含续建)项目63个;选派企业(项目)服务专员'),
    ).toEqual(['形成年产16.3万吨正极材料项目', '华润5000t/d水泥生产线项目', '已开工在建(含续建)项目', '项目']);
  });

  it('counts a compound of suffixes once (工业园区, 平台项目) and caps a run at MAX_MENTION', () => {
    expect(texts('深入推进工业园区建设,大力推动重大平台项目。')).toEqual(['深入推进工业园区', '大力推动重大平台项目']);
    const long = `${'很'.repeat(40)}产业园`;
    const [m] = extractMentions(sourceText(long));
    expect(m!.text).toHaveLength(MAX_MENTION);
    expect(m!.text.endsWith('产业园')).toBe(true);
  });

  it('finds the zone endings 经开区, 新区, 起步区, 示范区, 试验区, with 高新区 counted once and 区域 not a zone', () => {
    expect(texts('郴州高新区、永兴经开区;推动肇庆新区永安起步区;海陵试验区;深圳先行示范区;科技创新区域')).toEqual([
      '郴州高新区',
      '永兴经开区',
      '推动肇庆新区',
      '推动肇庆新区永安起步区',
      '海陵试验区',
      '深圳先行示范区',
    ]);
    expect(extractMentions(sourceText('郴州高新区')).map((m) => m.suffix)).toEqual(['高新区']);
  });

  it('takes a name ending in a bare 园 (华南装备园), but not 公园, 扩园, “园园通”, 园中园 inside, 园林', () => {
    expect(texts('力促银瓶创新园、华南装备园建立机制,新丰食品园、翁源兰花电商创业园建成')).toEqual([
      '力促银瓶创新园',
      '华南装备园',
      '新丰食品园',
      '翁源兰花电商创业园',
    ]);
    expect(
      texts('推进南岭国家公园建设,新建森林公园38个;推进扩园工作;推进天然气“园园通”工程;建设美丽家园;发展园林绿化'),
    ).toEqual([]);
    // 园中园 is one word: a mention ends after it, not at its first 园.
    expect(texts('在乐昌打造多个特色园中园。')).toEqual(['在乐昌打造多个特色园中园']);
    // 产业园, 工业园 and 园区 stay one mention each, not a second one ending at their 园.
    expect(extractMentions(sourceText('宜章氟化学工业园、韶钢产业园区')).map((m) => [m.text, m.suffix])).toEqual([
      ['宜章氟化学工业园', '工业园'],
      ['韶钢产业园区', '园区'],
    ]);
  });

  it('does not take a phrase inside a title as a mention of its own, nor a list enumerator', () => {
    expect(texts('印发《阳江市承接产业有序转移主平台规划建设方案》。(十二)提升主平台建设')).toEqual([
      '《阳江市承接产业有序转移主平台规划建设方案》',
      '提升主平台',
    ]);
  });

  it('finds document numbers with the year in 〔〕, and not unit numbers such as 7-8号机组', () => {
    const found = extractMentions(
      sourceText('关于印发实施方案的通知（阳府〔2023〕14号）。推动阳江核电7-8号机组前期工作,阳西电厂1-6号机组'),
    );
    expect(found.filter((m) => m.kind === 'docNumber').map((m) => m.text)).toEqual(['阳府〔2023〕14号']);
    expect(found.some((m) => m.text.includes('机组') || m.text.includes('7-8'))).toBe(false);
  });

  it('reads Traditional text in its Simplified form and reports the original excerpt', () => {
    const original = '隆冬時節,穿行在宜章氟化學工業園,年產30000噸六氟磷酸鋰項目建設如火如荼';
    const found = extractMentions(sourceText(original));
    expect(found.map((m) => m.text)).toEqual(['穿行在宜章氟化学工业园', '年产30000吨六氟磷酸锂项目']);
    expect(found.map((m) => m.original)).toEqual(['穿行在宜章氟化學工業園', '年產30000噸六氟磷酸鋰項目']);
    for (const m of found) expect(original.slice(m.start, m.end)).toBe(m.original);
  });

  it('reads 002-style pinyin annotations away, keeping them in the original excerpt', () => {
    const original = '加快大旺新能源汽車產(chǎn)業(yè)城(chéng)建設(shè)';
    const [m, ...rest] = extractMentions(sourceText(original));
    expect(rest).toEqual([]);
    expect(m!.text).toBe('加快大旺新能源汽车产业城');
    expect(m!.original).toBe('加快大旺新能源汽車產(chǎn)業(yè)城(chéng)');
  });
});

// A small knowledge graph over synthetic documents, for the coverage rule.
function fixture(
  docs: Record<string, string>,
  entities: Array<{
    id: string;
    kind?: EntityKind;
    name: string;
    aliases?: string[];
    props?: EntityNode['props'];
    docs: string[];
  }>,
  ignores: Record<string, IgnoreEntry[]>,
): { knowledge: Knowledge; texts: Map<string, SourceText> } {
  const texts = new Map(Object.entries(docs).map(([id, text]) => [id, sourceText(text)]));
  const knowledge: Knowledge = {
    documents: Object.keys(docs).map((id) => ({
      id,
      file: `${id.slice(4)}_0.txt`,
      title: id,
      publisher: 'p',
      date: '2023-01-01',
      dateBasis: 'stated' as const,
      city: 'city:x',
      script: 'simplified',
      seedFile: `${id}.yaml`,
      evidence: [],
    })),
    entities: entities.map((e) => ({
      id: e.id,
      kind: e.kind ?? 'Park',
      name: e.name,
      aliases: e.aliases ?? [],
      props: e.props ?? {},
      basis: 'stated' as const,
      distinctFrom: {},
      evidence: e.docs.map((doc) => ({ doc, quote: e.name, start: 0, end: 1 })),
    })),
    facts: [],
    ignores: new Map(Object.entries(ignores)),
    unplaced: [],
    notes: [],
  };
  return { knowledge, texts };
}

describe('coverage rule', () => {
  const { knowledge, texts } = fixture(
    {
      'doc:001':
        '穿行在宜章氟化學工業園,狠抓項目落地,三一重能风机生产项目竣工;企业(項目)服务;印发实施方案(郴政发〔2022〕3号);建设1个省级重点主平台;各园区',
      'doc:002': '打造阳江主平台。',
    },
    [
      { id: 'park:yizhang', name: '宜章氟化学工业园', aliases: ['宜章氟化學工業園'], docs: ['doc:001'] },
      {
        id: 'policy:fangan',
        kind: 'Policy',
        name: '郴州实施方案',
        props: { policyType: 'plan', docNumber: '郴政发〔2022〕3号' },
        docs: ['doc:001'],
      },
      { id: 'park:zhupingtai', name: '阳江主平台', aliases: ['主平台'], docs: ['doc:002'] },
      { id: 'park:short', name: '园区', docs: ['doc:001'] }, // too short to map anything
    ],
    {
      'doc:001': [
        { text: '項目', reason: 'the bare word' },
        { text: '狠抓项目', reason: 'generic' },
        { text: '园区', reason: 'the bare word, which the text never uses alone' },
        { text: '省级重点主平台', reason: 'unnamed' },
        { text: '沪ICP备14003370号', reason: 'licence' },
      ],
    },
  );
  const classify = () =>
    Object.fromEntries(
      coverageReport(knowledge, texts).documents[0]!.items.map((i) => [
        i.text,
        i.status === 'mapped' ? i.entityId : i.status === 'ignored' ? `ignore:${i.ignore.text}` : 'uncovered',
      ]),
    );

  it('maps by name, alias or document number as a suffix, ignores by entry, and reports the rest', () => {
    const report = coverageReport(knowledge, texts);
    expect(classify()).toEqual({
      穿行在宜章氟化学工业园: 'park:yizhang',
      狠抓项目: 'ignore:狠抓项目',
      三一重能风机生产项目: 'uncovered', // a named project: the bare 項目 entry does not hide it
      项目: 'ignore:項目', // the bare word, 企业(項目)
      '郴政发〔2022〕3号': 'policy:fangan',
      建设1个省级重点主平台: 'ignore:省级重点主平台', // the longer ignore entry beats another document's alias 主平台
      各园区: 'uncovered', // 园区 is too short a name to map, and the bare 园区 entry matches only 园区 itself
    });
    const [d1, d2] = report.documents;
    expect(d1).toMatchObject({ mentions: 7, mapped: 2, ignored: 3, uncovered: 2, coveragePct: 71.4 });
    expect(d1!.staleIgnores.map((e) => e.text)).toEqual(['园区', '沪ICP备14003370号']);
    expect(d2).toMatchObject({ mentions: 1, mapped: 1, uncovered: 0, coveragePct: 100 });
    expect(report.totals).toMatchObject({ mentions: 8, mapped: 3, ignored: 3, uncovered: 2 });
    const lines = formatCoverage(report).join('\n');
    expect(lines).toContain('doc:001 [');
    expect(lines).toContain('各园区');
    expect(lines).toContain('三一重能风机生产项目');
    expect(lines).toContain('ignore "园区"');
    expect(lines).toContain('ignore "沪ICP备14003370号"');
  });

  it('matches an ignore entry as a suffix of the mention, a bare suffix only as the bare word', () => {
    expect(ignoreMatches('狠抓项目', '狠抓项目')).toBe(true);
    expect(ignoreMatches('重点项目', '抓好重点项目')).toBe(true);
    expect(ignoreMatches('重点项目', '重点项目库')).toBe(false);
    for (const bare of ['项目', '园区', '平台', '开发区', '集聚区', '高新区', '新区', '示范区', '园']) {
      expect(ignoreMatches(bare, bare), bare).toBe(true);
      expect(ignoreMatches(bare, `狠抓${bare}`), bare).toBe(false);
    }
    expect(ignoreMatches('', '项目')).toBe(false);
  });

  it("reads a list's last member before 等 as the member's mention, for parks, projects and policies only", () => {
    const { knowledge: k, texts: t } = fixture(
      {
        'doc:001': '加快推进韶华科技、朗科科技等项目建成投产,力促加美味二期等一批重点项目动工,引进电子终端制造等项目。',
      },
      [
        { id: 'proj:langke', kind: 'Project', name: '朗科科技项目', aliases: ['朗科科技'], docs: ['doc:001'] },
        { id: 'proj:jiameiwei', kind: 'Project', name: '加美味二期', docs: ['doc:001'] },
        { id: 'chain:zhongduan', kind: 'IndustryChain', name: '电子终端制造', docs: ['doc:001'] },
      ],
      { 'doc:001': [{ text: '等项目', reason: 'the tail of a list of unnamed projects' }] },
    );
    const items = Object.fromEntries(
      coverageReport(k, t).documents[0]!.items.map((i) => [
        i.text,
        i.status === 'mapped' ? i.entityId : i.status === 'ignored' ? `ignore:${i.ignore.text}` : 'uncovered',
      ]),
    );
    expect(items).toEqual({
      朗科科技等项目: 'proj:langke', // member + 项目, over the shorter ignore entry
      力促加美味二期等一批重点项目: 'proj:jiameiwei', // the bare member, after 力促 and 等一批重点
      引进电子终端制造等项目: 'ignore:等项目', // projects of an industry, not the industry
    });
    expect(mentionKeys({ text: '朗科科技等项目', suffix: '项目' })).toEqual([
      '朗科科技等项目',
      '朗科科技项目',
      '朗科科技',
    ]);
    expect(mentionKeys({ text: '朗科科技项目', suffix: '项目' })).toEqual(['朗科科技项目']);
    expect(mentionKeys({ text: '等项目', suffix: '项目' })).toEqual(['等项目']);
  });

  it("flags a mapping through another document's entity", () => {
    const { knowledge: k, texts: t } = fixture(
      { 'doc:001': '打造阳江主平台。' },
      [{ id: 'park:zhupingtai', name: '阳江主平台', docs: ['doc:009'] }],
      {},
    );
    const [item] = coverageReport(k, t).documents[0]!.items;
    expect(item).toMatchObject({ status: 'mapped', entityId: 'park:zhupingtai', inDocument: false });
  });
});
