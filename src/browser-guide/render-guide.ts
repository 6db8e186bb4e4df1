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
import { DERIVED_PROPERTY_NAMES } from '../knowledge/derived-properties.js';
import { ENTITY_KINDS, kindPropertyNames, LABEL_MEANINGS, RELATIONSHIP_TYPES } from '../knowledge/seed-schema.js';
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

/** How many kinds an end lists when it allows any entity (MENTIONED_IN's sources). */
const NODE_KINDS = ENTITY_KINDS.length;

const GUIDE_TITLE = 'ChainAtlas 产业链知识图谱 · Neo4j Browser guide';

/**
 * The label table: every label with its meaning (seed-schema.ts LABEL_MEANINGS) and the
 * properties a curator may give its kind (KIND_PROPERTIES), so a new kind shows here by itself.
 */
const LABEL_PROPERTIES: Record<string, string> = {
  Entity: 'id, kind, name, nameEn, aliases, basis, reason, nameKeys, searchText, evidence*',
  Document: 'title, publisher, date, dateBasis, dateReason, file, script',
  ...Object.fromEntries(
    ENTITY_KINDS.map((kind) => {
      const derived = DERIVED_PROPERTY_NAMES[kind] ?? [];
      return [
        kind,
        [...kindPropertyNames(kind), ...(derived.length ? [`${derived.join(', ')} (derived)`] : [])].join(', '),
      ];
    }),
  ),
};

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
  const rows = Object.entries(LABEL_MEANINGS).map(([label, meaning]) => [
    `<code>:${esc(label)}</code>`,
    `${esc(meaning.zh)}<br><small>${esc(meaning.en)}</small>`,
    `<small>${esc(LABEL_PROPERTIES[label] ?? '')}</small>`,
    count(manifest?.nodes, label),
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
      ...both(
        '标注 derived 的属性由 <code>950_derived.cypher</code> 从事实推出：<code>cityId</code> 是最具体的所在城市（自身的 LOCATED_IN 或所在园区的城市），<code>placeIds</code> 是所在的各级城市，<code>parkIds</code>、<code>chainIds</code> 是所在园区与所属产业链（均含上级）。查询 01、03、05、11、12 与 API 都用它们判断“在某市”“属于某链”。另有不带 <code>:Entity</code> 的 <code>:Statistic</code> 节点，记录每种关系的扇出（p99 度数）和每类节点数，供 API 估算请求的代价；以及每个城市按产业链、城市、状态、文件分组的项目投资合计，供 investmentSummary 直接读取。',
        'Properties marked derived are worked out from the facts by <code>950_derived.cypher</code>: <code>cityId</code> is the most specific city a thing lies in (its own LOCATED_IN, or its park\'s), <code>placeIds</code> every city it lies in at any level, <code>parkIds</code> and <code>chainIds</code> its parks and chains with those above them. Queries 01, 03, 05, 11, 12 and the API read them for "in this city" and "of this chain". <code>:Statistic</code> nodes, without <code>:Entity</code>, hold the fan-out of each relationship type (p99 degree) and the size of each kind, from which the API estimates what a request costs, and each city\'s project investment totals per chain, city, status and document, which investmentSummary reads.',
      ),
    ],
  );
}

function relationshipsSlide(manifest: GuideOptions['manifest'], model: LibraryQuery | undefined): string {
  // Every type of the seed schema (facts and the builder's own), then any other the graph holds, with its count.
  const documented = Object.entries(RELATIONSHIP_TYPES);
  const extra = Object.keys(manifest?.relationships ?? {}).filter((t) => !(t in RELATIONSHIP_TYPES));
  const rows = [
    ...documented.map(([type, r]) => [
      `<code>:${esc(type)}</code>`,
      `<small>${esc(`${r.from.length === NODE_KINDS ? 'Entity' : r.from.join(' / ')} → ${r.to.join(' / ')}`)}</small>`,
      `${esc(r.zh)}<br><small>${esc(r.en)}</small>`,
      count(manifest?.relationships, type),
    ]),
    ...extra.map((type) => [`<code>:${esc(type)}</code>`, '', '', count(manifest?.relationships, type)]),
  ];
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
