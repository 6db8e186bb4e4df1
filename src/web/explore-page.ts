/**
 * The graph explorer at /explore: the page frame; src/web/client/explore/ draws the graph and
 * fills the panels from the public GraphQL API.
 */
import type { AssetManifest } from './assets.js';
import type { ExplorerConfig } from './explorer-config.js';
import { renderPage } from './html.js';

export function renderExplorePage(manifest: AssetManifest, config: ExplorerConfig): string {
  const body = `<main id="main" class="explorer" aria-busy="true">
      <aside class="controls" aria-label="搜索与视图 Search and views">
        <form id="search-form" role="search">
          <label for="search-input">搜索 <span class="en">Search</span></label>
          <div class="row">
            <input id="search-input" name="q" type="search" autocomplete="off" placeholder="韶关 / 韶關 / Shaoguan" required>
            <button type="submit">搜索 <span class="en">Search</span></button>
          </div>
          <p class="hint">简体、繁体、英文或拼音 <span class="en">Simplified, Traditional, English or pinyin</span></p>
        </form>
        <ol id="search-results" class="results" aria-label="搜索结果 Search results"></ol>

        <details id="views" open>
          <summary>现成视图 <span class="en">Ready-made views</span></summary>
          <form id="view-leaders" class="view-form">
            <label for="leaders-city">链主企业 → 产业链 → 园区 <span class="en">Chain leaders → chains → parks</span></label>
            <div class="row"><input id="leaders-city" name="city" value="肇庆" required aria-label="城市 City"><button type="submit">显示 <span class="en">Show</span></button></div>
          </form>
          <form id="view-path" class="view-form">
            <label for="path-from">两个实体之间的路径 <span class="en">Path between two entities</span></label>
            <div class="row"><input id="path-from" name="from" value="小鹏汽车" required aria-label="起点 From"><input id="path-to" name="to" value="风华高科" required aria-label="终点 To"><button type="submit">显示 <span class="en">Show</span></button></div>
          </form>
          <form id="view-city" class="view-form">
            <label for="city-name">城市的园区、产业链和项目 <span class="en">A city's parks, chains and projects</span></label>
            <div class="row"><input id="city-name" name="city" value="韶关" required aria-label="城市 City"><button type="submit">显示 <span class="en">Show</span></button></div>
          </form>
        </details>

        <section class="visible" aria-labelledby="visible-heading">
          <h2 id="visible-heading">图中实体 <span class="en">Entities shown</span> <span id="visible-count" class="count">0</span></h2>
          <ul id="visible-entities" aria-describedby="visible-heading"></ul>
        </section>
      </aside>

      <section class="canvas" aria-label="关系图 Graph">
        <div class="toolbar" role="toolbar" aria-label="图操作 Graph tools">
          <button type="button" id="relayout">重新布局 <span class="en">Re-layout</span></button>
          <button type="button" id="fit">适应窗口 <span class="en">Fit</span></button>
          <button type="button" id="clear">清空 <span class="en">Clear</span></button>
          <p id="status" role="status" aria-live="polite"></p>
        </div>
        <div id="graph" aria-hidden="true"></div>
        <ul class="legend" id="legend" aria-label="图例 Legend"></ul>
      </section>

      <aside id="panel" class="panel" aria-label="详情 Details" tabindex="-1">
        <div class="panel-body"><div class="panel-empty">
          <h2>图谱浏览 <span class="en">Graph explorer</span></h2>
          <p>搜索一个实体，或打开左侧的现成视图。单击节点查看属性、关系和原文证据；双击节点展开其邻居。<span class="en">Search for an entity or open a ready-made view. Click a node for its properties, relationships and evidence; double-click it to expand its neighbours.</span></p>
        </div></div>
      </aside>
    </main>
    <noscript><p class="notice">图谱浏览需要 JavaScript。<span class="en">The explorer needs JavaScript; the data is also at <a href="/graphql">/graphql</a>.</span></p></noscript>`;
  return renderPage({
    page: 'explore',
    title: '图谱浏览 Graph explorer · ChainAtlas',
    manifest,
    entry: 'explore',
    config,
    body,
  });
}
