/**
 * The explorer's behaviour: searches, focus and expansion, ready-made views, selection, and
 * the state in the URL. Every answer comes from the public GraphQL API.
 */
import { KIND_LABELS } from '../../labels.js';
import type { ExplorerConfig } from '../../explorer-config.js';
import { ApiError, graphqlClient, type Gql } from './api.js';
import { bi, byChinese, h } from './dom.js';
import { GraphCanvas, type EdgeSpec } from './graph.js';
import { basisOf, edgeOf, type EntityDetail, type EntityHead, type RelationItem } from './model.js';
import {
  ALL_TYPES,
  cityPanel,
  DEFAULT_EXPAND_LIMIT,
  entityPanel,
  factPanel,
  groupRelations,
  kindBadge,
  leadersPanel,
  pathPanel,
  type LeadershipRow,
  type PanelActions,
  type PathRow,
} from './panel.js';
import {
  CHAIN_LEADERS,
  CITY_PROFILE,
  entityQuery,
  loadCapabilities,
  PATH,
  SEARCH,
  withEnumLabels,
  type Capabilities,
} from './queries.js';
import { expansionKey, parseExpansion, parseState, stateQuery, type ExplorerState, type Expansion } from './state.js';

const KIND_ORDER = Object.keys(KIND_LABELS);
const byKindThenName = (a: EntityHead, b: EntityHead) =>
  (KIND_ORDER.indexOf(a.kind) + 1 || 99) - (KIND_ORDER.indexOf(b.kind) + 1 || 99) || byChinese(a.name, b.name);

/** Work for a state the user has already left: it stops without drawing or reporting. */
class StaleWork extends Error {}

export interface ExplorerElements {
  main: HTMLElement;
  graph: HTMLElement;
  panel: HTMLElement;
  status: HTMLElement;
  results: HTMLElement;
  visible: HTMLElement;
  visibleCount: HTMLElement;
  legend: HTMLElement;
  searchInput: HTMLInputElement;
  inputs: Record<'leadersCity' | 'pathFrom' | 'pathTo' | 'cityName', HTMLInputElement>;
}

export class Explorer {
  readonly graph: GraphCanvas;
  private readonly gql: Gql;
  private state: ExplorerState = { expand: [] };
  private readonly details = new Map<string, Promise<EntityDetail>>();
  private entityQueryText?: Promise<{ text: string; cap: Capabilities }>;
  /** The summary of the view on screen, to come back to from an entity. */
  private viewPanel?: HTMLElement;
  private busy = 0;
  /** Whether the running task has said what it did; otherwise it reports the count shown. */
  private reported = false;
  private readonly emptyPanel: Element | null;
  /** Bumped by every state applied from scratch: work of an older one stops drawing. */
  private generation = 0;
  private readonly actions: PanelActions = {
    // Each runs as a task that reports its own failure: nothing to await here.
    select: (id) => void this.select(id),
    focus: (id) => void this.focus(id),
    expand: (id, type) => void this.expand(id, type),
    shown: (id) => this.graph.has(id),
  };

  constructor(
    private readonly config: ExplorerConfig,
    private readonly el: ExplorerElements,
  ) {
    this.gql = graphqlClient(config.endpoint);
    this.emptyPanel = el.panel.querySelector('.panel-empty');
    this.graph = new GraphCanvas(el.graph, config.style, {
      selectNode: (id) => void this.select(id),
      selectEdge: (edge) => void this.select(edge.id),
      expandNode: (id) => void this.expand(id),
      changed: () => this.renderVisible(),
    });
    this.renderLegend();
  }

  // ------------------------------------------------------------------ state and history

  /** Applies the URL's state from scratch (page load, back and forward). */
  async applyUrl(): Promise<void> {
    void this.entityQuery().catch(() => undefined); // in parallel with the first search or view
    await this.apply(parseState(location.search));
  }

  private push(state: ExplorerState, replace = false): void {
    this.state = state;
    const url = `${location.pathname}${stateQuery(state)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  private async apply(state: ExplorerState): Promise<void> {
    const generation = ++this.generation;
    this.state = state;
    this.fillInputs(state);
    this.graph.clear();
    this.viewPanel = undefined;
    this.el.results.replaceChildren();
    this.showPanel(null);
    await this.task(async () => {
      const current = () => generation === this.generation;
      const search = state.q ? this.runSearch(state.q) : Promise.resolve(undefined);
      search.catch(() => undefined); // awaited below; a view may be drawn first
      let focus = state.focus;
      if (state.view === 'leaders' && state.city) await this.leadersView(state.city);
      else if (state.view === 'path' && state.from && state.to) await this.pathView(state.from, state.to);
      else if (state.view === 'city' && state.city) await this.cityView(state.city);
      else focus ??= (await search)?.id; // `?q=` alone shows the best match
      await search;
      if (focus && !state.view && current()) await this.showFocus(focus);
      // Replaying a shared URL: draw every expansion, then lay the result out once.
      for (const key of state.expand) if (current()) await this.expandNow(parseExpansion(key), false);
      if (state.expand.length && current()) await this.graph.layout(false);
      if (!current()) return;
      if (state.select) await this.selectNow(state.select);
      else if (focus && !this.viewPanel) await this.selectNow(focus);
    });
  }

  private fillInputs(state: ExplorerState): void {
    this.el.searchInput.value = state.q ?? '';
    if (state.view === 'leaders' && state.city) this.el.inputs.leadersCity.value = state.city;
    if (state.view === 'city' && state.city) this.el.inputs.cityName.value = state.city;
    if (state.view === 'path') {
      if (state.from) this.el.inputs.pathFrom.value = state.from;
      if (state.to) this.el.inputs.pathTo.value = state.to;
    }
  }

  // ------------------------------------------------------------------ user actions

  search(text: string): Promise<void> {
    this.push({ q: text.trim(), expand: [] });
    return this.apply(this.state);
  }

  focus(id: string): Promise<void> {
    this.push({ q: this.state.q, focus: id, expand: [] });
    return this.apply(this.state);
  }

  view(view: 'leaders', city: string): Promise<void>;
  view(view: 'city', city: string): Promise<void>;
  view(view: 'path', from: string, to: string): Promise<void>;
  view(view: 'leaders' | 'city' | 'path', a: string, b?: string): Promise<void> {
    this.push(view === 'path' ? { view, from: a, to: b, expand: [] } : { view, city: a, expand: [] });
    return this.apply(this.state);
  }

  expand(id: string, type?: string): Promise<void> {
    const key = expansionKey({ id, type });
    this.push({ ...this.state, expand: [...this.state.expand.filter((k) => k !== key), key] });
    return this.task(() => this.expandNow({ id, type }));
  }

  select(id: string): Promise<void> {
    this.push({ ...this.state, select: id }, true);
    return this.task(() => this.selectNow(id));
  }

  clear(): Promise<void> {
    this.push({ expand: [] });
    return this.apply(this.state);
  }

  relayout(): Promise<void> {
    return this.graph.layout(false);
  }

  fit(): void {
    this.graph.fit();
  }

  // ------------------------------------------------------------------ data

  /** Throws StaleWork when another state has been applied since `generation`. */
  private still(generation: number): void {
    if (generation !== this.generation) throw new StaleWork();
  }

  /** The entity query, built from what the schema offers, and the schema's labels; asked for once, as the page starts. */
  private entityQuery(): Promise<{ text: string; cap: Capabilities }> {
    this.entityQueryText ??= loadCapabilities(this.gql).then((cap) => ({ text: entityQuery(cap), cap }));
    this.entityQueryText.catch(() => (this.entityQueryText = undefined));
    return this.entityQueryText;
  }

  private detail(id: string): Promise<EntityDetail> {
    let found = this.details.get(id);
    if (!found) {
      found = this.entityQuery()
        .then(async ({ text, cap }) => ({ cap, ...(await this.gql<{ node: EntityDetail | null }>(text, { id })) }))
        .then(({ node, cap }) => {
          if (!node) throw new ApiError(`没有这个实体 · no entity has the id ${id}`);
          return withEnumLabels(node, cap);
        });
      found.catch(() => this.details.delete(id));
      this.details.set(id, found);
    }
    return found;
  }

  private async runSearch(text: string): Promise<EntityHead | undefined> {
    const generation = this.generation;
    const data = await this.gql<{
      search: { totalCount: number; edges: Array<{ score: number; match: string; node: EntityHead }> };
    }>(SEARCH, { text });
    this.still(generation);
    const edges = data.search.edges;
    this.el.results.replaceChildren(
      ...edges.map((e) =>
        h(
          'li',
          { 'data-id': e.node.id },
          h(
            'button',
            { type: 'button', class: 'result', onclick: () => void this.focus(e.node.id) },
            h('span', { class: 'name', lang: 'zh' }, e.node.name),
            e.node.nameEn ? h('span', { class: 'en' }, ` ${e.node.nameEn}`) : null,
            ' ',
            kindBadge(this.config.style, e.node.kind),
            h('span', { class: 'match' }, e.match),
          ),
        ),
      ),
    );
    if (!edges.length) this.el.results.replaceChildren(h('li', { class: 'muted' }, ...bi('没有结果', 'No results')));
    return edges[0]?.node;
  }

  // ------------------------------------------------------------------ graph building

  /** The neighbours a plain expansion shows: every type but document mentions, up to 30 of a type. */
  private defaultRelations(detail: EntityDetail): RelationItem[] {
    return [...groupRelations(detail.relations)]
      .filter(([type, rels]) => type !== 'MENTIONED_IN' && rels.length <= DEFAULT_EXPAND_LIMIT)
      .flatMap(([, rels]) => rels);
  }

  private edgesOf(detail: EntityDetail): EdgeSpec[] {
    return detail.relations.map((r) => ({ ...edgeOf(detail.id, r), basis: basisOf(r) }));
  }

  private async showFocus(id: string): Promise<void> {
    const generation = this.generation;
    const detail = await this.detail(id);
    this.still(generation);
    this.graph.addNodes([detail]);
    this.graph.addNodes(
      this.defaultRelations(detail).map((r) => r.node),
      id,
    );
    this.graph.addEdges(this.edgesOf(detail));
    this.graph.markFocus(id);
    await this.graph.radial(id, byKindThenName);
  }

  private async expandNow({ id, type }: Expansion, layout = true): Promise<void> {
    const generation = this.generation;
    const detail = await this.detail(id);
    this.still(generation);
    const before = this.graph.nodes().length;
    this.graph.addNodes([detail]);
    const relations =
      type === ALL_TYPES
        ? detail.relations.filter((r) => r.type !== 'MENTIONED_IN')
        : type
          ? detail.relations.filter((r) => r.type === type)
          : this.defaultRelations(detail);
    const added = this.graph.addNodes(
      relations.map((r) => r.node),
      id,
    );
    this.graph.addEdges(this.edgesOf(detail));
    // The new nodes' links to what is already shown, from the details already fetched.
    for (const other of added) {
      const known = this.details.get(other);
      if (known) this.graph.addEdges(this.edgesOf(await known));
    }
    // A small addition keeps the picture as it was; a large one is laid out anew.
    if (layout) await this.graph.layout(before > 1 && added.length <= Math.max(10, before / 4));
    this.status(bi(`展开 ${detail.name}：新增 ${added.length} 个`, `expanded ${detail.name}: ${added.length} added`));
    if (this.panelShows(id)) await this.selectNow(id);
  }

  private async leadersView(city: string): Promise<void> {
    const generation = this.generation;
    const data = await this.gql<{
      chainLeaders: Array<{
        role: string | null;
        enterprise: EntityHead & { projects: Array<EntityHead & { parks: EntityHead[] }> };
        chain: EntityHead;
        parks: EntityHead[];
        city: EntityHead | null;
      }>;
    }>(CHAIN_LEADERS, { city });
    this.still(generation);
    const rows: LeadershipRow[] = data.chainLeaders.map((l) => ({
      enterprise: l.enterprise,
      chain: l.chain,
      role: l.role,
      parks: l.parks,
      // When the text places the enterprise's project and not the enterprise, show that park with the project.
      viaProjects: l.parks.length
        ? []
        : l.enterprise.projects.flatMap((project) => project.parks.map((park) => ({ project, park }))),
    }));
    const strip = ({ id, kind, name, nameEn }: EntityHead): EntityHead => ({ id, kind, name, nameEn });
    const leaders = unique(rows.map((r) => strip(r.enterprise)));
    const chains = unique(rows.map((r) => r.chain));
    const projects = unique(rows.flatMap((r) => r.viaProjects.map((v) => strip(v.project))));
    const parks = unique(rows.flatMap((r) => [...r.parks, ...r.viaProjects.map((v) => v.park)]));
    const edges: EdgeSpec[] = rows.flatMap((r) => [
      {
        id: `${r.enterprise.id}>LEADS_CHAIN>${r.chain.id}`,
        source: r.enterprise.id,
        target: r.chain.id,
        type: 'LEADS_CHAIN',
      },
      ...r.parks.map((p) => ({
        id: `${r.enterprise.id}>IN_PARK>${p.id}`,
        source: r.enterprise.id,
        target: p.id,
        type: 'IN_PARK',
      })),
      ...r.viaProjects.flatMap((v) => [
        {
          id: `${r.enterprise.id}>OPERATES>${v.project.id}`,
          source: r.enterprise.id,
          target: v.project.id,
          type: 'OPERATES',
        },
        { id: `${v.project.id}>IN_PARK>${v.park.id}`, source: v.project.id, target: v.park.id, type: 'IN_PARK' },
      ]),
    ]);
    this.graph.addNodes([...leaders, ...chains, ...projects, ...parks]);
    this.graph.addEdges(edges);
    // Columns: chains ← leaders → (projects →) parks, each node level with the leaders it links.
    const y = new Map(leaders.map((l, i) => [l.id, i * 120]));
    const linked = (id: string) =>
      edges
        .flatMap((e) => (e.target === id ? [e.source] : e.source === id ? [e.target] : []))
        .flatMap((o) => (y.has(o) ? [y.get(o)!] : []));
    const positions = new Map<string, { x: number; y: number }>();
    for (const l of leaders) positions.set(l.id, { x: 0, y: y.get(l.id)! });
    const column = (nodes: EntityHead[], x: number) => {
      const wanted = nodes.map((n) => {
        const ys = linked(n.id);
        return { id: n.id, y: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0 };
      });
      let last = -Infinity;
      for (const w of wanted.sort((a, b) => a.y - b.y)) {
        last = Math.max(w.y, last + 90);
        positions.set(w.id, { x, y: last });
        y.set(w.id, last);
      }
    };
    column(chains, -260);
    column(projects, 230);
    column(parks, projects.length ? 460 : 260);
    await this.graph.place(positions);
    this.setViewPanel(leadersPanel(city, rows, this.actions));
    this.status(bi(`链主企业 ${leaders.length} 家`, `${leaders.length} chain leaders`));
  }

  private async pathView(from: string, to: string): Promise<void> {
    const generation = this.generation;
    const data = await this.gql<{ connections: PathRow[] }>(PATH, { from, to });
    this.still(generation);
    const paths = data.connections;
    const column = new Map<string, number>();
    for (const path of paths) path.nodes.forEach((n, i) => column.set(n.id, Math.min(column.get(n.id) ?? i, i)));
    const nodes = unique(paths.flatMap((p) => p.nodes));
    this.graph.addNodes(nodes);
    this.graph.addEdges(
      paths.flatMap((p) =>
        p.steps.map((s) => {
          const [source, target] = s.forward ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
          return { id: `${source}>${s.type}>${target}`, source, target, type: s.type };
        }),
      ),
    );
    const rows = new Map<number, number>();
    const positions = new Map<string, { x: number; y: number }>();
    for (const n of nodes) {
      const c = column.get(n.id) ?? 0;
      const r = rows.get(c) ?? 0;
      rows.set(c, r + 1);
      positions.set(n.id, { x: c * 220, y: r * 90 });
    }
    // Centre each column vertically.
    for (const n of nodes) {
      const p = positions.get(n.id)!;
      p.y -= ((rows.get(column.get(n.id) ?? 0) ?? 1) - 1) * 45;
    }
    await this.graph.place(positions);
    this.setViewPanel(pathPanel(from, to, paths, this.actions));
    this.status(bi(`找到 ${paths.length} 条路径`, `${paths.length} paths found`));
  }

  private async cityView(city: string): Promise<void> {
    const generation = this.generation;
    type Linked = EntityHead & { relations: Array<{ type: string; node: { id: string } }> };
    type List = { totalCount: number; nodes: Linked[] };
    const data = await this.gql<{
      place: { edges: Array<{ node: EntityHead }> };
      cities: List;
      parks: List;
      chains: List;
      projects: List;
    }>(CITY_PROFILE, { city });
    this.still(generation);
    const place = data.place.edges[0]?.node;
    const lists: Array<[string, List]> = [
      ['City', data.cities],
      ['Park', data.parks],
      ['IndustryChain', data.chains],
      ['Project', data.projects],
    ];
    const all = lists.flatMap(([, l]) => l.nodes);
    this.graph.addNodes([...(place ? [place] : []), ...all]);
    this.graph.addEdges(
      all.flatMap((n) =>
        n.relations.map((r) => ({
          id: `${n.id}>${r.type}>${r.node.id}`,
          source: n.id,
          target: r.node.id,
          type: r.type,
        })),
      ),
    );
    this.graph.markFocus(place?.id);
    await this.graph.layout(false);
    this.setViewPanel(
      cityPanel(
        place,
        lists.map(([kind, l]) => ({ kind, shown: l.nodes.length, total: l.totalCount })),
        this.config.style,
        this.actions,
      ),
    );
    this.status(bi(`${place?.name ?? city}：${all.length} 个实体`, `${all.length} entities`));
  }

  // ------------------------------------------------------------------ selection and panel

  private async selectNow(id: string): Promise<void> {
    if (id.includes('>')) return this.selectEdge(id);
    const detail = await this.detail(id);
    if (!this.graph.has(id)) {
      this.graph.addNodes([detail]);
      await this.graph.layout(this.graph.nodes().length > 1);
    }
    this.graph.select(id);
    this.showPanel(entityPanel(detail, this.config.style, this.actions));
  }

  private async selectEdge(id: string): Promise<void> {
    const [source, type, target] = id.split('>') as [string, string, string];
    const detail = await this.detail(source);
    const relation = detail.relations.find((r) => r.type === type && r.direction === 'OUT' && r.node.id === target);
    const other = relation?.node ??
      this.graph.nodes().find((n) => n.id === target) ?? { id: target, kind: '', name: target };
    this.graph.select(id);
    this.showPanel(factPanel(detail, other, type, relation, this.actions));
  }

  private panelShows(id: string): boolean {
    return this.el.panel.querySelector(`article.entity`)?.getAttribute('data-id') === id;
  }

  private setViewPanel(panel: HTMLElement): void {
    this.viewPanel = panel;
    this.showPanel(panel);
  }

  private showPanel(content: HTMLElement | null): void {
    if (!content) return void this.el.panel.replaceChildren(h('div', { class: 'panel-body' }, this.emptyPanel));
    const back =
      this.viewPanel && content !== this.viewPanel
        ? h(
            'button',
            { type: 'button', class: 'back', onclick: () => this.showPanel(this.viewPanel!) },
            ...bi('← 返回视图', 'Back to the view'),
          )
        : null;
    // A fresh scroll box starts at the top without forcing a layout of the old content.
    this.el.panel.replaceChildren(h('div', { class: 'panel-body' }, back, content));
  }

  // ------------------------------------------------------------------ lists, legend, status

  private renderVisible(): void {
    const nodes = this.graph.nodes().sort(byKindThenName);
    this.el.visibleCount.textContent = String(nodes.length);
    this.el.visible.replaceChildren(
      ...nodes.map((n) =>
        h(
          'li',
          { 'data-id': n.id, 'data-kind': n.kind },
          h(
            'button',
            { type: 'button', onclick: () => void this.select(n.id) },
            h('span', {
              class: 'dot',
              style: `--kind-color: ${(this.config.style.nodes[n.kind] ?? this.config.style.node).color}`,
              'aria-hidden': 'true',
            }),
            h('span', { class: 'name', lang: 'zh' }, n.name),
            n.nameEn ? h('span', { class: 'en' }, ` ${n.nameEn}`) : null,
            h('span', { class: 'kind' }, ` · ${KIND_LABELS[n.kind]?.zh ?? n.kind} ${KIND_LABELS[n.kind]?.en ?? ''}`),
          ),
        ),
      ),
    );
  }

  private renderLegend(): void {
    this.el.legend.replaceChildren(
      ...Object.keys(KIND_LABELS).map((kind) =>
        h(
          'li',
          {},
          h('span', {
            class: 'dot',
            style: `--kind-color: ${(this.config.style.nodes[kind] ?? this.config.style.node).color}`,
            'aria-hidden': 'true',
          }),
          ...bi(KIND_LABELS[kind]!.zh, KIND_LABELS[kind]!.en),
        ),
      ),
    );
  }

  private status(content: Array<Node | string>, error = false): void {
    this.el.status.replaceChildren(...content);
    this.el.status.classList.toggle('error', error);
    this.reported = true;
  }

  /** Runs `work` with the page marked busy (aria-busy, data-state) and its failure reported. */
  private async task(work: () => Promise<void>): Promise<void> {
    if (this.busy++ === 0) this.reported = false;
    this.el.main.setAttribute('aria-busy', 'true');
    document.body.dataset.state = 'busy';
    try {
      await work();
      if (!this.reported)
        this.status(bi(`图中 ${this.graph.nodes().length} 个实体`, `${this.graph.nodes().length} entities shown`));
    } catch (error) {
      if (error instanceof StaleWork) return;
      const message = error instanceof ApiError ? error.message : String((error as Error)?.message ?? error);
      this.status(bi('出错：', 'Error: ').concat(message), true);
    } finally {
      if (--this.busy === 0) {
        this.el.main.setAttribute('aria-busy', 'false');
        document.body.dataset.state = 'ready';
      }
    }
  }
}

function unique<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}
