/**
 * The canvas: Cytoscape.js with the colours, sizes and captions of cypher/chainatlas.grass, and
 * fCoSE layouts, which keep a few hundred nodes readable.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphStyle } from '../../grass.js';
import type { EntityHead } from './model.js';

cytoscape.use(fcose);

/** The page's fonts, so labels on the canvas match the text around it. */
const FONT = 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif';
/** GraSS diameters are Neo4j Browser's; drawn at this scale the labels under the nodes stay legible. */
const SCALE = 0.6;
const MAX_FIT_ZOOM = 1.4;
/** Radial layout: first ring's radius, distance between rings, and room per node along a ring. */
const RING_START = 140;
const RING_GAP = 100;
const RING_SPACING = 95;

export interface EdgeSpec {
  id: string;
  source: string;
  target: string;
  type: string;
  /** stated / inferred / world-knowledge, when known: drawn solid, dashed or dotted. */
  basis?: string;
}

/** A GraSS caption with its placeholders filled: `{prop}` from the data, `<type>` and `<id>`. */
export function caption(template: string, data: Record<string, unknown>): string {
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => shown(data[key]))
    .replace(/<type>/g, shown(data.type))
    .replace(/<id>/g, shown(data.id))
    .trim();
}

/** A property as a caption shows it: text and numbers as they are, lists joined, nothing for null. */
function shown(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}

export function stylesheet(style: GraphStyle): StylesheetJson {
  const node = (s: GraphStyle['node']) => ({
    'background-color': s.color,
    'border-color': s.borderColor,
    'border-width': s.borderWidth,
    width: s.diameter * SCALE,
    height: s.diameter * SCALE,
  });
  const edge = (s: GraphStyle['relationship']) => ({
    'line-color': s.color,
    'target-arrow-color': s.color,
    width: s.shaftWidth,
  });
  return [
    {
      selector: 'node',
      style: {
        ...node(style.node),
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': 11,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '130px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    ...Object.entries(style.nodes).map(([kind, s]) => ({ selector: `node.${kind}`, style: node(s) })),
    {
      selector: 'edge',
      style: {
        ...edge(style.relationship),
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': style.relationship.fontSize,
        color: '#59636e',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 9,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
      },
    },
    ...Object.entries(style.relationships).map(([type, s]) => ({ selector: `edge.${type}`, style: edge(s) })),
    { selector: 'edge.inferred', style: { 'line-style': 'dashed' } },
    { selector: 'edge.world-knowledge', style: { 'line-style': 'dotted' } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#24292f' } },
    {
      selector: ':selected',
      style: { 'overlay-color': '#2870c2', 'overlay-opacity': 0.18, 'overlay-padding': 6 },
    },
  ] as StylesheetJson;
}

export interface GraphHandlers {
  selectNode(id: string): void;
  selectEdge(edge: EdgeSpec): void;
  expandNode(id: string): void;
  changed(): void;
}

export class GraphCanvas {
  readonly cy: Core;

  constructor(
    container: HTMLElement,
    private readonly style: GraphStyle,
    handlers: GraphHandlers,
  ) {
    this.cy = cytoscape({
      container,
      style: stylesheet(style),
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    // Cytoscape types an event's target as any; with a 'node' or 'edge' selector it is one.
    const target = (e: cytoscape.EventObject) => e.target as cytoscape.SingularElementArgument;
    this.cy.on('tap', 'node', (e) => handlers.selectNode(target(e).id()));
    this.cy.on('dbltap', 'node', (e) => handlers.expandNode(target(e).id()));
    this.cy.on('tap', 'edge', (e) => handlers.selectEdge(target(e).data('spec') as EdgeSpec));
    this.cy.on('add remove', () => this.changedSoon(handlers));
  }

  private pending = false;
  /** One notification per burst of additions. */
  private changedSoon(handlers: GraphHandlers) {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      handlers.changed();
    });
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Adds the nodes not yet shown, near `anchor` if given; returns the ids added. */
  addNodes(nodes: EntityHead[], anchor?: string): string[] {
    const at = anchor ? this.cy.getElementById(anchor) : undefined;
    const centre = at?.nonempty() ? at.position() : { x: 0, y: 0 };
    const fresh = nodes.filter((n, i) => !this.has(n.id) && nodes.findIndex((m) => m.id === n.id) === i);
    const template = (kind: string) => (this.style.nodes[kind] ?? this.style.node).caption;
    const elements: ElementDefinition[] = fresh.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      return {
        group: 'nodes',
        // The head only: an entity's detail (relations, evidence) stays with the explorer.
        data: { id: n.id, kind: n.kind, name: n.name, nameEn: n.nameEn, caption: caption(template(n.kind), { ...n }) },
        classes: n.kind,
        position: { x: centre.x + 160 * Math.cos(angle), y: centre.y + 160 * Math.sin(angle) },
      };
    });
    this.cy.add(elements);
    return fresh.map((n) => n.id);
  }

  /** Adds the edges whose ends are both shown and that are not shown yet. */
  addEdges(edges: EdgeSpec[]): void {
    const fresh = edges.filter(
      (e, i) =>
        !this.has(e.id) && this.has(e.source) && this.has(e.target) && edges.findIndex((f) => f.id === e.id) === i,
    );
    this.cy.add(
      fresh.map((e) => ({
        group: 'edges' as const,
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.type,
          caption: caption((this.style.relationships[e.type] ?? this.style.relationship).caption, { ...e }),
          spec: e,
        },
        classes: [e.type, e.basis ?? ''].join(' ').trim(),
      })),
    );
  }

  clear(): void {
    this.cy.elements().remove();
  }

  nodes(): EntityHead[] {
    return this.cy.nodes().map((n) => {
      const { id, kind, name, nameEn } = n.data() as EntityHead;
      return { id, kind, name, nameEn };
    });
  }

  /**
   * A force-directed layout (fCoSE). `incremental` starts from the current positions, which keeps
   * the picture the user knows; past a hundred nodes, stronger repulsion and longer edges keep
   * the clusters apart so they stay readable.
   */
  layout(incremental = false): Promise<void> {
    const large = this.cy.nodes().length > 100;
    const options = {
      name: 'fcose',
      quality: 'default',
      randomize: !incremental,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: large ? 140 : 90,
      nodeRepulsion: large ? 45000 : 6500,
      nodeSeparation: large ? 90 : 75,
      gravity: large ? 0.05 : 0.25,
      packComponents: true,
    };
    return this.run(options);
  }

  /**
   * One entity and its neighbours: the neighbours on rings around it, grouped by kind, each ring
   * as full as its circumference allows. Instant, where a force layout's first run in a fresh page
   * takes a good part of a second, and a star needs no forces to read well.
   */
  radial(centre: string, order: (a: EntityHead, b: EntityHead) => number): Promise<void> {
    const others = this.nodes()
      .filter((n) => n.id !== centre)
      .sort(order);
    const positions = new Map([[centre, { x: 0, y: 0 }]]);
    for (let ring = 0, placed = 0; placed < others.length; ring++) {
      const radius = RING_START + ring * RING_GAP;
      const count = Math.min(others.length - placed, Math.floor((2 * Math.PI * radius) / RING_SPACING));
      for (let i = 0; i < count; i++) {
        // Offset each ring by half a step so labels of neighbouring rings do not line up.
        const angle = -Math.PI / 2 + (2 * Math.PI * (i + (ring % 2) / 2)) / count;
        positions.set(others[placed + i]!.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
      }
      placed += count;
    }
    return this.place(positions);
  }

  /** Positions given by a view (columns, paths). */
  place(positions: Map<string, { x: number; y: number }>): Promise<void> {
    return this.run({
      name: 'preset',
      positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 },
      fit: true,
      padding: 40,
    } as cytoscape.LayoutOptions);
  }

  private run(options: cytoscape.LayoutOptions): Promise<void> {
    const layout = this.cy.layout(options);
    const done = new Promise<void>((resolve) =>
      layout.one('layoutstop', () => {
        this.limitZoom();
        resolve();
      }),
    );
    layout.run();
    return done;
  }

  /** Fitting three nodes into the canvas would blow them up; past this zoom, centre instead. */
  private limitZoom(): void {
    if (this.cy.zoom() <= MAX_FIT_ZOOM) return;
    this.cy.zoom(MAX_FIT_ZOOM);
    this.cy.center();
  }

  select(id: string): void {
    this.cy.elements().unselect();
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    element.select();
    // Bring a node into view only when it is out of view: recentring on every click disorients.
    if (element.isNode() && !this.inView(element.renderedPosition()))
      this.cy.animate({ center: { eles: element }, duration: 200 });
  }

  private inView({ x, y }: { x: number; y: number }): boolean {
    const margin = 30;
    return x > margin && y > margin && x < this.cy.width() - margin && y < this.cy.height() - margin;
  }

  markFocus(id: string | undefined): void {
    this.cy.nodes().removeClass('focus');
    if (id) this.cy.getElementById(id).addClass('focus');
  }

  fit(): void {
    this.cy.fit(undefined, 30);
    this.limitZoom();
  }
}
