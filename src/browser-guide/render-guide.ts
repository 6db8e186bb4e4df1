/**
 * The Neo4j Browser guide (`:play <url>`): bilingual slides that walk through the graph model
 * (labels, relationships, evidence lists) and the query library. Every runnable block is read
 * from cypher/queries/ when the guide is rendered: each file's `:param` lines become one
 * runnable Browser command block and its query another, character for character.
 *
 * Format: Browser takes the `<slide>` elements of the page (older versions the
 * `<article class="guide"><carousel>` around them) and the `<title>`; a click on a
 * `<pre class="runnable">` block copies its text into the editor.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PREDICATES } from '../knowledge/seed-schema.js';
import { readQueryLibrary, type Bilingual, type LibraryQuery } from './query-library.js';

export interface GuideOptions {
  /** Absolute URL of the GraSS stylesheet, for a download link; without it the guide names the file only. */
  styleUrl?: string;
  /** Absolute URL the guide is served at, shown in the `:play` hint. */
  guideUrl?: string;
  /**
   * Counts per label and relationship type (cypher/manifest.json). Undefined: read from
   * `<queriesDir>/../manifest.json` if it exists; null: leave the counts out.
   */
  manifest?: { nodes: Record<string, number>; relationships: Record<string, number> } | null;
}

const GUIDE_TITLE = 'ChainAtlas 产业链知识图谱 · Neo4j Browser guide';

interface LabelDoc {
  label: string;
  zh: string;
  en: string;
  props: string;
}

const LABELS: LabelDoc[] = [
  {
    label: 'Entity',
    zh: '所有节点共有的标签；id 全局唯一、永久不变',
    en: 'on every node; its id is globally unique and stable',
    props: 'id, kind, name, nameEn, aliases, basis, nameKeys, searchText, evidence*',
  },
  {
    label: 'City',
    zh: '省、地级市、县级市、区、县、新区',
    en: 'provinces, prefectures, county-level cities, districts, counties, new areas',
    props: 'level',
  },
  {
    label: 'Region',
    zh: '经济区、都市圈、经济带、合作平台、国家公园、景区（非行政区、非园区）',
    en: 'economic regions, metropolitan circles, belts, cooperation platforms, national parks, scenic areas',
    props: 'regionType',
  },
  {
    label: 'Park',
    zh: '产业园、高新区、开发区、产业转移园、平台、基地',
    en: 'industrial parks, high-tech and development zones, transfer parks, platforms, bases',
    props: 'parkType, status, targetStatus, targetYear, designations (derived), areaKm2',
  },
  { label: 'Enterprise', zh: '企业', en: 'enterprises', props: 'industry' },
  {
    label: 'Project',
    zh: '投资项目',
    en: 'investment projects',
    props: 'amountYi (亿元), amountBound, status, year, targetStatus, targetYear, capacity, phase',
  },
  {
    label: 'IndustryChain',
    zh: '产业链、产业集群、产业',
    en: 'industry chains, clusters and industries',
    props: 'chainType',
  },
  {
    label: 'Policy',
    zh: '政府的政策工具：文件、规划、方案、机制、资金、战略、平台',
    en: 'instruments of government: documents, plans, programmes, mechanisms, funds, strategies, platforms',
    props: 'policyType, level, status, docNumber, issuedDate',
  },
  {
    label: 'Designation',
    zh: '称号、资质、级别、定位（如省级高新区、专精特新、国家森林城市）',
    en: 'honours, titles, levels and positionings (省级高新区, 专精特新, 国家森林城市)',
    props: 'designationType, level',
  },
  {
    label: 'Report',
    zh: '文中引用的报告（调研报告、工作报告、党代会），不是源文档',
    en: 'reports the sources cite (research and work reports, party congresses); not the sources',
    props: 'reportType, issuedDate',
  },
  {
    label: 'Organization',
    zh: '政府部门、科研院所、高校、协会、金融机构',
    en: 'government bodies, research institutes, universities, associations, financial bodies',
    props: 'orgType',
  },
  {
    label: 'Indicator',
    zh: '文档给出的统计数字',
    en: 'a figure a document states',
    props: 'metric, value, unit, bound, status, year, period, growthPct, rankScope',
  },
  {
    label: 'Document',
    zh: '源文档（报道、政府文件）',
    en: 'source documents (reports, government papers)',
    props: 'title, publisher, date, dateBasis, dateReason, file, script',
  },
];

interface RelationshipDoc {
  type: string;
  /** Only for the builder's own types; the curated predicates' ends come from PREDICATES. */
  ends?: string;
  zh: string;
  en: string;
}

const RELATIONSHIPS: RelationshipDoc[] = [
  {
    type: 'PART_OF',
    zh: '上级行政区、所属园区（园中园）、上级产业链、上级机构、所属规划（规划自身的行动）',
    en: 'administrative parent, enclosing park, parent chain, parent body, the plan an action belongs to',
  },
  { type: 'LOCATED_IN', zh: '所在地（最具体的城市）', en: 'where it is (its most specific city)' },
  { type: 'IN_PARK', zh: '位于园区', en: 'in a park' },
  { type: 'IN_REGION', zh: '属于经济区、都市圈、经济带', en: 'member of a region, circle or belt' },
  { type: 'LEADS_CHAIN', zh: '链主、龙头企业（属性 role）', en: 'leads the chain (property role)' },
  { type: 'PART_OF_CHAIN', zh: '属于该产业链', en: 'belongs to the chain' },
  {
    type: 'HAS_INDUSTRY',
    zh: '拥有、发展或规划该产业（属性 status、tier；多份文档说法不同时取最新，另存 statusDocs、statuses）',
    en: 'has, develops or plans the industry (properties status, tier; when documents differ, the latest one’s status, every reading in statusDocs, statuses)',
  },
  { type: 'OPERATES', zh: '投资、建设或运营项目', en: 'invests in, builds or runs the project' },
  { type: 'SUBSIDIARY_OF', zh: '子公司', en: 'subsidiary of' },
  { type: 'SUPPLIES', zh: '为其配套', en: 'supplies' },
  { type: 'COOPERATES_WITH', zh: '合作、签约、校企合作', en: 'cooperates with' },
  { type: 'ISSUED_BY', zh: '发布、授予或撰写的机构', en: 'the body that issued, conferred or wrote it' },
  {
    type: 'APPLIES_TO',
    zh: '政策作用对象（属性 role、batch）',
    en: 'what the instrument acts on (properties role, batch)',
  },
  {
    type: 'IMPLEMENTS',
    zh: '落实更上位的政策，或贯彻报告、党代会精神（具体的指向上位的）',
    en: 'carries out a broader instrument, or the line of a report or congress (the specific one points to the broader)',
  },
  {
    type: 'ASSIGNS',
    zh: '政策交给其任务：牵头或负责（属性 role）',
    en: 'the policy gives it a task: to lead or to carry out (property role)',
  },
  {
    type: 'PAIRED_WITH',
    zh: '对口帮扶、共建、产业转移（属性 mode）',
    en: 'counterpart assistance, co-building, industrial transfer (property mode)',
  },
  {
    type: 'HAS_DESIGNATION',
    zh: '获得、被推荐或争创的称号（属性 status：awarded / nominated / sought，year；多份文档说法不同时取最新，另存 statusDocs、statuses）',
    en: 'holds, is nominated for or seeks the designation (properties status, year; when documents differ, the latest one’s status, every reading in statusDocs, statuses)',
  },
  { type: 'PROPOSED_IN', zh: '由该报告或党代会提出', en: 'put forward in that report or congress' },
  { type: 'ABOUT', zh: '报告的主题', en: 'what a report is about' },
  { type: 'HAS_INDICATOR', zh: '统计数字', en: 'a stated figure' },
  {
    type: 'MENTIONED_IN',
    ends: 'Entity → Document',
    zh: '在文档中被提及（属性 quotes / starts / ends）',
    en: 'mentioned in (properties quotes / starts / ends)',
  },
  { type: 'DESCRIBES', ends: 'Document → City', zh: '文档所写的城市', en: 'the city the document is about' },
];

/** Renders the guide from the library files in `queriesDir`. */
export async function renderBrowserGuide(queriesDir: string, options: GuideOptions = {}): Promise<string> {
  const queries = await readQueryLibrary(queriesDir);
  const manifest =
    options.manifest === undefined
      ? await readManifest(path.join(queriesDir, '..', 'manifest.json'))
      : options.manifest;
  const byTopic = (topic: string) => queries.find((q) => q.topic === topic);
  const slides = [
    welcomeSlide(queries, manifest, options),
    labelsSlide(manifest),
    relationshipsSlide(manifest, byTopic('graph_model')),
    evidenceSlide(byTopic('evidence_for_fact'), byTopic('entity_lookup')),
    parametersSlide(queries),
    ...queries.map((q, i) => querySlide(q, i + 1, queries.length)),
    closingSlide(options),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(GUIDE_TITLE)}</title>`,
    '</head>',
    '<body>',
    '<article class="guide">',
    '<carousel class="deck container-fluid">',
    ...slides,
    '</carousel>',
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

async function readManifest(file: string): Promise<GuideOptions['manifest']> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as {
      nodes?: Record<string, number>;
      relationships?: Record<string, number>;
    };
    return parsed.nodes && parsed.relationships ? { nodes: parsed.nodes, relationships: parsed.relationships } : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Slides

function slide(title: Bilingual, lead: Bilingual, body: string[]): string {
  return [
    '<slide class="row-fluid">',
    '  <div class="col-sm-3">',
    `    <h3>${esc(title.zh)}<br><small>${esc(title.en)}</small></h3>`,
    `    <p class="lead" lang="zh-CN">${esc(lead.zh)}</p>`,
    `    <p class="lead" lang="en">${esc(lead.en)}</p>`,
    '  </div>',
    '  <div class="col-sm-9">',
    ...body.map((line) => `    ${line}`),
    '  </div>',
    '</slide>',
  ].join('\n');
}

/** A paragraph in Chinese and its English counterpart; the texts are HTML already. */
function both(zhHtml: string, enHtml: string): string[] {
  return [`<p lang="zh-CN">${zhHtml}</p>`, `<p lang="en">${enHtml}</p>`];
}

function runnable(text: string): string {
  return `<pre class="pre-scrollable code runnable">${esc(text)}</pre>`;
}

function figure(text: string, caption: Bilingual): string {
  return `<figure>${runnable(text)}<figcaption>${esc(caption.zh)} · ${esc(caption.en)}</figcaption></figure>`;
}

/** A condensed table: header cells, then one row per entry, each a list of cell HTML. */
function table(headers: string[], rows: string[][]): string[] {
  return [
    '<table class="table table-condensed">',
    `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`,
    ...rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`),
    '</table>',
  ];
}

function count(map: Record<string, number> | undefined, key: string): string {
  const n = map?.[key];
  return n === undefined ? '' : String(n);
}

function welcomeSlide(queries: LibraryQuery[], manifest: GuideOptions['manifest'], options: GuideOptions): string {
  const nodes = manifest?.nodes.Entity;
  const rels = manifest ? Object.values(manifest.relationships).reduce((a, b) => a + b, 0) : undefined;
  const docs = manifest?.nodes.Document;
  const size =
    nodes !== undefined && rels !== undefined
      ? both(
          `图中有 ${nodes} 个节点、${rels} 条关系，来自 ${docs ?? '若干'} 份源文档。`,
          `The graph holds ${nodes} nodes and ${rels} relationships from ${docs ?? 'several'} source documents.`,
        )
      : [];
  const download = options.styleUrl
    ? {
        zh: `（也可<a href="${esc(options.styleUrl)}" target="_blank">下载</a>）`,
        en: ` (or <a href="${esc(options.styleUrl)}" target="_blank">download it</a>)`,
      }
    : { zh: '', en: '' };
  const play = options.guideUrl
    ? both(
        `随时用 <code>:play ${esc(options.guideUrl)}</code> 重新打开本指南。`,
        `Reopen this guide at any time with <code>:play ${esc(options.guideUrl)}</code>.`,
      )
    : [];
  return slide(
    { zh: 'ChainAtlas 产业链知识图谱', en: 'ChainAtlas: a knowledge graph of regional industry' },
    {
      zh: '城市、园区、企业、项目、产业链与政策，每条事实都有原文证据。',
      en: 'Cities, parks, enterprises, projects, chains and policies, every fact backed by a quote.',
    },
    [
      ...both(
        '每个实体、每条关系都来自公开的报道与政府文件，并保存原文引文、文档和字符位置，可以回到原文核对。',
        'Every entity and relationship comes from public reports and government papers, and keeps the quote, the document and the character offsets, so each fact can be checked against its source.',
      ),
      ...size,
      '<ol>',
      `<li lang="zh-CN">载入数据：把 <code>cypher/all.cypher</code> 拖进 Browser 的编辑器后运行（需开启多语句），或执行 <code>cypher-shell -f cypher/all.cypher</code>。可重复运行，不会产生重复数据。</li>`,
      `<li lang="en">Load the data: drag <code>cypher/all.cypher</code> into the Browser editor and run it (multi-statement mode on), or run <code>cypher-shell -f cypher/all.cypher</code>. Running it again adds no duplicates.</li>`,
      `<li lang="zh-CN">样式：把 <code>cypher/chainatlas.grass</code> 拖进 Browser 窗口${download.zh}，节点按类别着色并显示名称。</li>`,
      `<li lang="en">Style: drag <code>cypher/chainatlas.grass</code> onto the Browser window${download.en}; nodes get a colour per kind and show their names.</li>`,
      `<li lang="zh-CN">逐页浏览：点击代码块即可复制到编辑器，先运行参数块（<code>:param</code>），再运行查询。</li>`,
      `<li lang="en">Go through the slides: a click on a code block copies it into the editor; run the parameter block (<code>:param</code>) first, then the query.</li>`,
      '</ol>',
      ...play,
      ...both(
        `共 ${queries.length} 个查询，均可在 Neo4j 5 与内置引擎上原样运行，文件在 <code>cypher/queries/</code>。`,
        `${queries.length} queries follow, each running unchanged on Neo4j 5 and on the embedded engine; the files are in <code>cypher/queries/</code>.`,
      ),
    ],
  );
}

function labelsSlide(manifest: GuideOptions['manifest']): string {
  const rows = LABELS.map((l) => [
    `<code>:${esc(l.label)}</code>`,
    `${esc(l.zh)}<br><small>${esc(l.en)}</small>`,
    `<small>${esc(l.props)}</small>`,
    count(manifest?.nodes, l.label),
  ]);
  return slide(
    { zh: '节点标签', en: 'Node labels' },
    { zh: '每个节点有 :Entity 标签和一个类别标签。', en: 'Every node has the :Entity label plus one kind label.' },
    [
      ...both(
        '类别标签与属性 <code>kind</code> 相同。名称用简体中文（<code>name</code>），另有英文名 <code>nameEn</code>、别名 <code>aliases</code>（简称、繁体、英文），以及用于匹配的规范化名称 <code>nameKeys</code>。',
        'The kind label equals the <code>kind</code> property. Names are in Simplified Chinese (<code>name</code>), with an English name <code>nameEn</code>, aliases <code>aliases</code> (short forms, Traditional forms, English) and normalised keys <code>nameKeys</code> for matching.',
      ),
      ...table(['标签 Label', '含义 Meaning', '主要属性 Properties', '数量 Count'], rows),
    ],
  );
}

/** From → to kinds of a relationship type, as the seed schema allows them. */
function endsOf(r: RelationshipDoc): string {
  const rule = (PREDICATES as Record<string, { from: readonly string[]; to: readonly string[] }>)[r.type];
  return rule ? `${rule.from.join(' / ')} → ${rule.to.join(' / ')}` : (r.ends ?? '');
}

function relationshipsSlide(manifest: GuideOptions['manifest'], model: LibraryQuery | undefined): string {
  // Types the graph holds that this page does not describe yet still get a row, with their count.
  const documented = new Set(RELATIONSHIPS.map((r) => r.type));
  const extra = Object.keys(manifest?.relationships ?? {})
    .filter((t) => !documented.has(t))
    .map((type): RelationshipDoc => ({ type, zh: '', en: '' }));
  const rows = [...RELATIONSHIPS, ...extra].map((r) => [
    `<code>:${esc(r.type)}</code>`,
    `<small>${esc(endsOf(r))}</small>`,
    `${esc(r.zh)}<br><small>${esc(r.en)}</small>`,
    count(manifest?.relationships, r.type),
  ]);
  return slide(
    { zh: '关系类型', en: 'Relationship types' },
    {
      zh: '事实关系都带原文证据；MENTIONED_IN 与 DESCRIBES 连接文档。',
      en: 'Fact relationships carry evidence; MENTIONED_IN and DESCRIBES link documents.',
    },
    [
      ...table(['类型 Type', '起点 → 终点 From → to', '含义 Meaning', '数量 Count'], rows),
      ...(model
        ? [
            ...both(
              '下面的查询列出图中实际的组合与数量：',
              'This query lists the combinations the graph actually holds:',
            ),
            ...queryBlocks(model),
          ]
        : []),
    ],
  );
}

function evidenceSlide(evidence: LibraryQuery | undefined, lookup: LibraryQuery | undefined): string {
  return slide(
    { zh: '证据与名称', en: 'Evidence and names' },
    {
      zh: '证据以平行列表存放：同一下标是一条证据。',
      en: 'Evidence is stored as parallel lists: one index, one piece of evidence.',
    },
    [
      ...both(
        '每个实体和每条事实关系都有 <code>evidenceDocs</code>、<code>evidenceQuotes</code>、<code>evidenceStarts</code>、<code>evidenceEnds</code> 四个等长列表：第 i 条证据是文档 <code>evidenceDocs[i]</code> 中从字符 <code>evidenceStarts[i]</code> 到 <code>evidenceEnds[i]</code> 的引文 <code>evidenceQuotes[i]</code>（不超过 50 字，保持原文的繁简写法）。',
        'Every entity and every fact relationship has four lists of equal length, <code>evidenceDocs</code>, <code>evidenceQuotes</code>, <code>evidenceStarts</code> and <code>evidenceEnds</code>: evidence i is the quote <code>evidenceQuotes[i]</code> (at most 50 characters, in the script of the original) found in document <code>evidenceDocs[i]</code> from character <code>evidenceStarts[i]</code> to <code>evidenceEnds[i]</code>.',
      ),
      ...both(
        "每个节点和事实关系都有 <code>basis</code>：<code>'stated'</code>（引文直接说明）、<code>'inferred'</code>（由文档上下文推出，附支持的引文和一行说明 <code>reason</code>）或 <code>'world-knowledge'</code>（文档默认而未写明的行政区划，如区县属于哪个市：没有证据，附 <code>reason</code>）。",
        "Every node and fact relationship has a <code>basis</code>: <code>'stated'</code> (a quote says it), <code>'inferred'</code> (the document's context implies it: supporting quotes plus a one-line <code>reason</code>) or <code>'world-knowledge'</code> (the administrative divisions the documents take for granted, such as which city a district belongs to: no evidence, a <code>reason</code>).",
      ),
      ...both(
        '<code>(:Entity)-[:MENTIONED_IN {quotes, starts, ends}]-&gt;(:Document)</code> 汇总一个实体在一份文档中的引文；<code>(:Document)-[:DESCRIBES]-&gt;(:City)</code> 指出文档所写的城市。',
        "<code>(:Entity)-[:MENTIONED_IN {quotes, starts, ends}]-&gt;(:Document)</code> gathers an entity's quotes in one document; <code>(:Document)-[:DESCRIBES]-&gt;(:City)</code> names the city the document is about.",
      ),
      ...(evidence ? queryBlocks(evidence) : []),
      ...both(
        '查询参数接受名称、简称、繁体、英文名或 id，例如：',
        'Query parameters take a name, a short form, a Traditional form, an English name or an id, for example:',
      ),
      ...(lookup ? queryBlocks(lookup) : []),
    ],
  );
}

function parametersSlide(queries: LibraryQuery[]): string {
  const rows = queries.map((q) => [
    esc(q.number),
    `${esc(q.title.zh)}<br><small>${esc(q.title.en)}</small>`,
    q.params.map((p) => `<code>$${esc(p.name)}</code> = <code>${esc(p.literal)}</code>`).join('<br>'),
  ]);
  return slide(
    { zh: '参数与查询库', en: 'Parameters and the query library' },
    { zh: '先设参数，再运行查询。', en: 'Set the parameters, then run the query.' },
    [
      ...both(
        '每页先给出参数块：点击后在编辑器中运行，Browser 会记住这些参数（<code>:params</code> 查看全部）。修改引号中的值即可换城市、企业或产业链。',
        'Each slide starts with a parameter block: click it and run it in the editor, and Browser keeps the parameters (<code>:params</code> lists them). Change the quoted values to ask about another city, enterprise or chain.',
      ),
      ...table(['#', '问题 Question', '默认参数 Defaults'], rows),
    ],
  );
}

function queryBlocks(q: LibraryQuery): string[] {
  return [
    ...(q.paramBlock ? [figure(q.paramBlock, { zh: '参数（先运行）', en: 'parameters (run first)' })] : []),
    figure(q.query, { zh: `查询 ${q.file}`, en: `query ${q.file}` }),
  ];
}

function querySlide(q: LibraryQuery, index: number, total: number): string {
  return slide({ zh: `${q.number} ${q.title.zh}`, en: q.title.en }, q.question, [
    ...both(`<strong>参数：</strong>${esc(q.parameters.zh)}`, `<strong>Parameters:</strong> ${esc(q.parameters.en)}`),
    ...queryBlocks(q),
    ...both(`<strong>返回：</strong>${esc(q.returns.zh)}`, `<strong>Returns:</strong> ${esc(q.returns.en)}`),
    ...(q.notes ? both(`<strong>说明：</strong>${esc(q.notes.zh)}`, `<strong>Notes:</strong> ${esc(q.notes.en)}`) : []),
    `<p><small>${index} / ${total} · cypher/queries/${esc(q.file)}</small></p>`,
  ]);
}

function closingSlide(options: GuideOptions): string {
  return slide(
    { zh: '更多', en: 'More' },
    { zh: '同一张图也通过 GraphQL 提供。', en: 'The same graph is served through GraphQL.' },
    [
      ...both(
        'ChainAtlas 的 GraphQL 接口（<code>/graphql</code>）提供搜索、链主、投资汇总和实体间路径等问题，结果同样附带证据。',
        'The ChainAtlas GraphQL API (<code>/graphql</code>) answers search, chain leaders, investment summaries and paths between entities, with the same evidence.',
      ),
      ...both(
        '要新增查询，在 <code>cypher/queries/</code> 中加入一个 <code>NN_topic.cypher</code> 文件（中英文头注释、<code>:param</code> 行、一条查询），本指南会自动包含它。',
        'To add a query, put an <code>NN_topic.cypher</code> file (bilingual header, <code>:param</code> lines, one query) in <code>cypher/queries/</code>; this guide picks it up by itself.',
      ),
      ...(options.styleUrl
        ? both(
            `样式表：<a href="${esc(options.styleUrl)}" target="_blank">chainatlas.grass</a>`,
            `Stylesheet: <a href="${esc(options.styleUrl)}" target="_blank">chainatlas.grass</a>`,
          )
        : []),
    ],
  );
}

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
