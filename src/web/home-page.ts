/** The home page at /: what ChainAtlas is, live counts per kind, and where everything is. */
import type { AssetManifest } from './assets.js';
import type { GraphStyle } from './grass.js';
import { esc, renderPage } from './html.js';
import { KIND_LABELS } from './labels.js';

/** The counts come through the public API, as any client would ask for them. */
export const HOME_STATS_QUERY = `query HomeStats {
  stats {
    nodes { name count }
    relationships { name count }
    documents { document { id name publisher date } entities relationships }
  }
}`;

export interface HomeStats {
  nodes: Array<{ name: string; count: number }>;
  relationships: Array<{ name: string; count: number }>;
  documents: Array<{
    document: { id: string; name: string; publisher: string; date: string };
    entities: number;
    relationships: number;
  }>;
}

export interface HomePageInput {
  manifest: AssetManifest;
  style?: GraphStyle;
  /** Null when the store could not answer; `problem` then says why. */
  stats: HomeStats | null;
  problem?: string;
  /** Absolute URL of the Browser guide, for the `:play` command. */
  guideUrl: string;
}

const explore = (params: Record<string, string>) => `/explore?${new URLSearchParams(params)}`;
const num = (n: number) => n.toLocaleString('en-US');

/** Ready-made explorer links: the questions the README names. */
const STARTERS = [
  { href: explore({ q: '韶关' }), zh: '搜索“韶关”', en: 'search 韶关' },
  {
    href: explore({ view: 'leaders', city: '肇庆' }),
    zh: '肇庆链主企业 → 产业链 → 园区',
    en: "Zhaoqing's chain leaders",
  },
  {
    href: explore({ view: 'path', from: '小鹏汽车', to: '风华高科' }),
    zh: '小鹏汽车与风华高科的关联',
    en: 'how Xpeng and Fenghua connect',
  },
  {
    href: explore({ view: 'city', city: '郴州' }),
    zh: '郴州的园区、产业链和项目',
    en: "Chenzhou's parks, chains and projects",
  },
];

function countsSection(stats: HomeStats, style?: GraphStyle): string {
  const byName = new Map(stats.nodes.map((n) => [n.name, n.count]));
  const items = Object.entries(KIND_LABELS).map(([kind, label]) => {
    const color = style?.nodes[kind]?.color;
    return `<li data-kind="${esc(kind)}"${color ? ` style="--kind-color: ${esc(color)}"` : ''}><span class="count">${num(
      byName.get(kind) ?? 0,
    )}</span>${esc(label.zh)} <span class="en">${esc(label.en)}</span></li>`;
  });
  const mentions = stats.relationships.find((r) => r.name === 'MENTIONED_IN')?.count ?? 0;
  const facts = stats.relationships.reduce((sum, r) => sum + r.count, 0) - mentions;
  const entities = byName.get('Entity') ?? 0;
  return `<ul class="counts" id="counts">
        ${items.join('\n        ')}
      </ul>
      <p id="totals">共 <strong>${num(entities)}</strong> 个实体、<strong>${num(facts)}</strong> 条关系和 <strong>${num(
        mentions,
      )}</strong> 条文档提及。<span class="en">${num(entities)} entities, ${num(facts)} relationships and ${num(
        mentions,
      )} document mentions, counted live.</span></p>`;
}

function documentsSection(stats: HomeStats): string {
  const rows = stats.documents.map(
    (d) => `<tr>
            <td><a href="${esc(explore({ focus: d.document.id }))}">${esc(d.document.name)}</a><br><code>${esc(d.document.id)}</code></td>
            <td>${esc(d.document.publisher)}</td>
            <td>${esc(d.document.date)}</td>
            <td class="num">${num(d.entities)}</td>
            <td class="num">${num(d.relationships)}</td>
          </tr>`,
  );
  return `<div class="table-wrap">
        <table class="documents">
          <thead><tr><th>标题 <span class="en">Title</span></th><th>发布者 <span class="en">Publisher</span></th><th>日期 <span class="en">Date</span></th><th>实体 <span class="en">Entities</span></th><th>关系 <span class="en">Relationships</span></th></tr></thead>
          <tbody>
          ${rows.join('\n          ')}
          </tbody>
        </table>
      </div>`;
}

export function renderHomePage(input: HomePageInput): string {
  const { stats } = input;
  const unavailable = `<p class="notice" role="status">计数暂不可用。<span class="en">The counts are unavailable: ${esc(
    input.problem ?? 'the store did not answer',
  )}. See <a href="/health">/health</a>.</span></p>`;
  const starters = STARTERS.map(
    (s) => `<a href="${esc(s.href)}">${esc(s.zh)}</a> <span class="en">${esc(s.en)}</span>`,
  ).join('<br>');
  const body = `<main id="main" class="home">
      <h1>ChainAtlas 中国区域产业知识图谱</h1>
      <p class="en">A knowledge graph of China's regional industry</p>
      <p class="lead">城市与区县、产业园区、企业、投资项目、产业链、政策、机构，以及文档给出的统计数字。每个节点、每条关系都指向陈述它的原文：文档、原文引文和字符位置。</p>
      <p class="lead en">Cities and their districts, industrial parks, enterprises, investment projects, industry chains, policies, organisations and the figures the sources state. Every node and every relationship points at the sentence that states it: the document, the verbatim quote and its character offsets.</p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">图谱里有什么 <span class="en">What the graph holds</span></h2>
      ${stats ? countsSection(stats, input.style) : unavailable}
      </section>

      <section aria-labelledby="start-heading">
        <h2 id="start-heading">从这里开始 <span class="en">Start here</span></h2>
        <ul class="cards">
          <li id="link-explore"><a href="/explore">图谱浏览 <span class="en">Graph explorer</span></a>
            <p>用任何写法搜索（韶关 / 韶關 / Shaoguan），按关系类型展开，查看每条事实的原文出处。<span class="en">Search in any script, expand by relationship type, read the evidence of every fact.</span></p>
            <p>${starters}</p>
          </li>
          <li id="link-ide"><a href="/graphql">GraphQL IDE</a>
            <p>GraphiQL，离线可用，预置 README 中的示例查询。<span class="en">GraphiQL, offline, with the README's example operations in its tabs. Clients POST to <code>/graphql</code>.</span></p>
          </li>
          <li id="link-guide"><a href="/browser-guide">Neo4j Browser 指南 <span class="en">guide</span></a>
            <p>在 Neo4j Browser 中运行 <span class="en">In Neo4j Browser, run</span> <code>:play ${esc(input.guideUrl)}</code>; <a href="/browser-guide/style.grass">style.grass</a> 样式 <span class="en">stylesheet</span>.</p>
          </li>
          <li id="link-status"><a href="/health">/health</a> · <a href="/ready">/ready</a>
            <p>存活与就绪检查（JSON）。<span class="en">Liveness and readiness checks (JSON).</span></p>
          </li>
        </ul>
      </section>

      ${
        stats
          ? `<section aria-labelledby="documents-heading">
        <h2 id="documents-heading">源文档 <span class="en">Source documents</span></h2>
      ${documentsSection(stats)}
      </section>`
          : ''
      }

      <footer class="site-footer">
        <p>离线可用：页面及其全部资源都来自本服务器。<span class="en">Works offline: every page and asset comes from this server.</span></p>
      </footer>
    </main>`;
  return renderPage({ page: 'home', title: 'ChainAtlas 中国区域产业知识图谱', manifest: input.manifest, body });
}
