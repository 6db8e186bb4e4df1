/**
 * The side panel: an entity's properties, relationships and evidence; a relationship's basis,
 * properties and evidence; the summaries of the ready-made views. Evidence shows the quote,
 * its document and offsets, and the sentence around it when the server has the documents.
 */
import { BASIS_LABELS, KIND_LABELS, RELATION_LABELS, bilingual } from '../../labels.js';
import type { GraphStyle } from '../../grass.js';
import { bi, byChinese, h } from './dom.js';
import { ownProperties } from './queries.js';
import { basisOf, type EntityDetail, type EntityHead, type EvidenceItem, type RelationItem } from './model.js';

export interface PanelActions {
  select(id: string): void;
  /** Redraw around this entity, as `?focus=` does. */
  focus(id: string): void;
  expand(id: string, type?: string): void;
  /** Ids shown on the canvas, to tell which expansions would add something. */
  shown(id: string): boolean;
}

/** Relationship properties shown elsewhere: the basis badge, and a mention's evidence lists. */
const HIDDEN_PROPERTIES = new Set(['basis', 'reason', 'quotes', 'starts', 'ends']);
/** Expands every relationship type but document mentions (`expand=<id>~*`). */
export const ALL_TYPES = '*';
/** A type with more neighbours than this is left for the user to expand. */
export const DEFAULT_EXPAND_LIMIT = 30;

export function kindBadge(style: GraphStyle, kind: string): HTMLElement {
  const color = (style.nodes[kind] ?? style.node).color;
  return h(
    'span',
    { class: 'kind-badge', 'data-kind': kind, style: `--kind-color: ${color}` },
    bilingual(KIND_LABELS, kind),
  );
}

const entityButton = (node: EntityHead, actions: PanelActions) =>
  h(
    'button',
    { type: 'button', class: 'entity-link', 'data-id': node.id, onclick: () => actions.select(node.id) },
    node.name,
    node.nameEn ? h('span', { class: 'en' }, ` ${node.nameEn}`) : null,
  );

const SENTENCE_END = /[。！？!?；;]/;

/** The quote inside its sentence (marked), or the quote alone. */
function quoteBlock(e: EvidenceItem): HTMLElement {
  const s = e.sentence;
  const at = s ? e.start - s.start : -1;
  if (s && at >= 0 && s.text.slice(at, at + e.quote.length) === e.quote) {
    return h(
      'blockquote',
      { class: 'sentence', lang: 'zh' },
      s.text.slice(0, at),
      h('mark', {}, e.quote),
      s.text.slice(at + e.quote.length),
      // The API cuts a run-on sentence 150 characters after the quote.
      SENTENCE_END.test(s.text.slice(-1)) || at + e.quote.length === s.text.length
        ? null
        : h('span', { class: 'cut', 'aria-label': '…' }, '…'),
    );
  }
  return h('blockquote', { lang: 'zh' }, h('mark', {}, e.quote));
}

export function evidenceList(items: EvidenceItem[]): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, ...bi('没有原文引文。', 'No quote.'));
  return h(
    'ol',
    { class: 'evidence-list' },
    items.map((e) =>
      h(
        'li',
        { class: 'evidence', 'data-document': e.document.id, 'data-start': e.start, 'data-end': e.end },
        quoteBlock(e),
        h(
          'p',
          { class: 'source' },
          h('span', { class: 'doc-name' }, e.document.name),
          ' ',
          h('code', {}, e.document.id),
          ' · ',
          ...bi('位置', 'offsets'),
          ' ',
          h('code', { class: 'offsets' }, `[${e.start}, ${e.end})`),
          e.sentence ? null : h('span', { class: 'muted' }, ' · ', ...bi('无原句', 'sentence unavailable')),
        ),
      ),
    ),
  );
}

/** A closed <details> whose content is built when first opened: an entity can have hundreds of relationships. */
function lazyDetails(className: string, summary: Array<Node | string>, build: () => HTMLElement): HTMLElement {
  const details = h('details', { class: className }, h('summary', {}, ...summary)) as HTMLDetailsElement;
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(build());
  });
  return details;
}

/** stated / inferred / world knowledge, with the reason an inference or common knowledge gives. */
function basisBadge(relation: RelationItem): HTMLElement | null {
  const basis = basisOf(relation);
  if (!basis) return null;
  const reason = relation.properties.find((p) => p.key === 'reason')?.value;
  return h(
    'span',
    { class: `basis basis-${basis}`, 'data-basis': basis, title: reason ?? '' },
    bilingual(BASIS_LABELS, basis),
    reason ? h('span', { class: 'reason' }, `: ${reason}`) : null,
  );
}

function propertyText(relation: RelationItem): string {
  return relation.properties
    .filter((p) => !HIDDEN_PROPERTIES.has(p.key))
    .map((p) => `${p.key}: ${p.value}`)
    .join(' · ');
}

function relationItem(relation: RelationItem, actions: PanelActions, style: GraphStyle): HTMLElement {
  const props = propertyText(relation);
  return h(
    'li',
    {
      class: 'relation',
      'data-type': relation.type,
      'data-direction': relation.direction,
      'data-id': relation.node.id,
    },
    h(
      'span',
      { class: 'dir', title: relation.direction === 'OUT' ? 'outgoing' : 'incoming' },
      relation.direction === 'OUT' ? '→' : '←',
    ),
    ' ',
    entityButton(relation.node, actions),
    ' ',
    kindBadge(style, relation.node.kind),
    basisBadge(relation),
    props ? h('span', { class: 'props' }, props) : null,
    relation.evidence.length
      ? lazyDetails('relation-evidence', [...bi('证据', 'Evidence'), ` (${relation.evidence.length})`], () =>
          evidenceList(relation.evidence),
        )
      : null,
  );
}

const relationList = (rels: RelationItem[], actions: PanelActions, style: GraphStyle) =>
  h(
    'ul',
    { class: 'relation-list' },
    rels.map((r) => relationItem(r, actions, style)),
  );

function propertyRows(detail: EntityDetail): HTMLElement | null {
  const rows: HTMLElement[] = [];
  if (detail.aliases.length)
    rows.push(h('dt', {}, ...bi('别名', 'Aliases')), h('dd', { lang: 'zh' }, detail.aliases.join('、')));
  for (const [key, value] of ownProperties(detail)) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    rows.push(h('dt', {}, key), h('dd', {}, Array.isArray(value) ? value.join('、') : valueText(value)));
  }
  return rows.length ? h('dl', { class: 'properties' }, rows) : null;
}

/** Relations grouped by type, in the order the schema lists the types. */
export function groupRelations(relations: RelationItem[]): Map<string, RelationItem[]> {
  const order = Object.keys(RELATION_LABELS);
  const groups = new Map<string, RelationItem[]>();
  const sorted = [...relations].sort(
    (a, b) =>
      (order.indexOf(a.type) + 1 || 99) - (order.indexOf(b.type) + 1 || 99) || byChinese(a.node.name, b.node.name),
  );
  for (const r of sorted) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  return groups;
}

export function entityPanel(detail: EntityDetail, style: GraphStyle, actions: PanelActions): HTMLElement {
  const groups = groupRelations(detail.relations);
  const hidden = (rels: RelationItem[]) => rels.filter((r) => !actions.shown(r.node.id)).length;
  const expandButton = (type: string, count: number, label: Array<Node | string>) =>
    h(
      'button',
      {
        type: 'button',
        class: 'expand',
        'data-expand': type,
        disabled: count === 0,
        onclick: () => actions.expand(detail.id, type),
      },
      ...label,
      ` (${count})`,
    );
  return h(
    'article',
    { class: 'entity', 'data-id': detail.id, 'data-kind': detail.kind },
    h(
      'header',
      {},
      kindBadge(style, detail.kind),
      h('h2', { id: 'panel-title', lang: 'zh' }, detail.name),
      detail.nameEn ? h('p', { class: 'en name-en' }, detail.nameEn) : null,
      h('p', {}, h('code', { class: 'entity-id' }, detail.id)),
      h(
        'div',
        { class: 'actions' },
        expandButton(
          ALL_TYPES,
          hidden(detail.relations.filter((r) => r.type !== 'MENTIONED_IN')),
          bi('全部展开', 'Expand all'),
        ),
        h(
          'a',
          {
            href: `?focus=${encodeURIComponent(detail.id)}`,
            class: 'focus-link',
            onclick: (event: Event) => {
              event.preventDefault();
              actions.focus(detail.id);
            },
          },
          ...bi('以此为中心', 'Focus here'),
        ),
      ),
    ),
    h(
      'section',
      { class: 'props-section' },
      h('h3', {}, ...bi('属性', 'Properties')),
      propertyRows(detail) ?? h('p', { class: 'muted' }, '—'),
    ),
    h(
      'section',
      { class: 'entity-evidence' },
      h('h3', {}, ...bi('证据', 'Evidence'), ` (${detail.evidence.length})`),
      evidenceList(detail.evidence),
    ),
    h(
      'section',
      { class: 'relations' },
      h('h3', {}, ...bi('关系', 'Relationships'), ` (${detail.relations.length})`),
      [...groups].map(([type, rels]) =>
        h(
          'section',
          { class: 'relation-group', 'data-type': type },
          h(
            'h4',
            {},
            h('span', { class: 'rel-type' }, type),
            ' ',
            h('span', { class: 'rel-label' }, bilingual(RELATION_LABELS, type)),
            ' ',
            expandButton(type, hidden(rels), bi('展开', 'Expand')),
          ),
          rels.length > DEFAULT_EXPAND_LIMIT
            ? lazyDetails('relation-more', [...bi('列出', 'List'), ` (${rels.length})`], () =>
                relationList(rels, actions, style),
              )
            : relationList(rels, actions, style),
        ),
      ),
    ),
  );
}

/** One relationship: its ends, what it means, its basis, properties and evidence. */
export function factPanel(
  from: EntityHead,
  to: EntityHead,
  type: string,
  relation: RelationItem | undefined,
  actions: PanelActions,
): HTMLElement {
  return h(
    'article',
    { class: 'fact', 'data-type': type },
    h(
      'header',
      {},
      h('p', { class: 'kind-badge' }, ...bi('关系', 'Relationship')),
      h('h2', { id: 'panel-title' }, type),
    ),
    h('p', {}, bilingual(RELATION_LABELS, type)),
    h('p', { class: 'ends' }, entityButton(from, actions), ' → ', entityButton(to, actions)),
    relation
      ? [
          basisBadge(relation),
          propertyText(relation) ? h('p', { class: 'props' }, propertyText(relation)) : null,
          h('h3', {}, ...bi('证据', 'Evidence'), ` (${relation.evidence.length})`),
          evidenceList(relation.evidence),
        ]
      : h('p', { class: 'muted' }, ...bi('找不到这条关系的详情。', 'The details of this relationship were not found.')),
  );
}

export interface LeadershipRow {
  enterprise: EntityHead;
  chain: EntityHead;
  role?: string | null;
  parks: EntityHead[];
  /** Parks of the enterprise's projects, with the project, when the text places the project and not the enterprise. */
  viaProjects: Array<{ project: EntityHead; park: EntityHead }>;
}

export function leadersPanel(city: string, rows: LeadershipRow[], actions: PanelActions): HTMLElement {
  const parkCell = (row: LeadershipRow) =>
    h(
      'td',
      { class: 'parks' },
      row.parks.map((p) => h('div', { class: 'park' }, entityButton(p, actions))),
      row.viaProjects.map((v) =>
        h(
          'div',
          { class: 'park via' },
          entityButton(v.park, actions),
          h('span', { class: 'muted' }, ' ', ...bi('经项目', 'via project'), ' ', v.project.name),
        ),
      ),
      !row.parks.length && !row.viaProjects.length ? h('span', { class: 'muted' }, '—') : null,
    );
  return h(
    'article',
    { class: 'view-summary', 'data-view': 'leaders' },
    h('h2', { id: 'panel-title' }, ...bi(`${city}的链主企业`, `Chain leaders in ${city}`)),
    h(
      'p',
      { class: 'muted' },
      ...bi(
        '企业 → 牵头的产业链 → 所在园区；原文只写明其项目所在园区时，经项目显示。',
        "Enterprise → the chain it leads → its parks; where the text places only its project, the project's park.",
      ),
    ),
    rows.length
      ? h(
          'table',
          { id: 'leaders-table', class: 'leaders' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, ...bi('企业', 'Enterprise')),
              h('th', {}, ...bi('产业链', 'Chain')),
              h('th', {}, ...bi('角色', 'Role')),
              h('th', {}, ...bi('园区', 'Parks')),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((row) =>
              h(
                'tr',
                { 'data-enterprise': row.enterprise.id, 'data-chain': row.chain.id },
                h('td', {}, entityButton(row.enterprise, actions)),
                h('td', {}, entityButton(row.chain, actions)),
                h('td', {}, row.role ?? ''),
                parkCell(row),
              ),
            ),
          ),
        )
      : h('p', {}, ...bi('没有找到链主企业。', 'No chain leaders found.')),
  );
}

export interface PathRow {
  length: number;
  nodes: EntityHead[];
  steps: Array<{ from: { id: string }; to: { id: string }; type: string; forward: boolean }>;
}

export function pathPanel(from: string, to: string, paths: PathRow[], actions: PanelActions): HTMLElement {
  return h(
    'article',
    { class: 'view-summary', 'data-view': 'path' },
    h('h2', { id: 'panel-title' }, ...bi(`${from} 与 ${to} 之间的路径`, `Paths between ${from} and ${to}`)),
    paths.length
      ? h(
          'ol',
          { id: 'path-list', class: 'paths' },
          paths.map((path) =>
            h(
              'li',
              { class: 'path' },
              path.nodes.flatMap((node, i) => {
                const step = path.steps[i];
                return [
                  entityButton(node, actions),
                  step ? h('span', { class: 'step' }, step.forward ? ` —${step.type}→ ` : ` ←${step.type}— `) : null,
                ];
              }),
            ),
          ),
        )
      : h('p', {}, ...bi('四步之内没有关联。', 'No connection within four steps.')),
  );
}

export function cityPanel(
  city: EntityHead | undefined,
  counts: Array<{ kind: string; shown: number; total: number }>,
  style: GraphStyle,
  actions: PanelActions,
): HTMLElement {
  return h(
    'article',
    { class: 'view-summary', 'data-view': 'city' },
    h(
      'h2',
      { id: 'panel-title' },
      ...(city ? bi(`${city.name}概况`, `${city.nameEn ?? city.name}: profile`) : bi('城市概况', 'City profile')),
    ),
    city ? h('p', {}, entityButton(city, actions)) : null,
    h(
      'ul',
      { class: 'city-counts' },
      counts.map((c) =>
        h(
          'li',
          { 'data-kind': c.kind },
          kindBadge(style, c.kind),
          ` ${c.total}`,
          c.shown < c.total
            ? h('span', { class: 'muted' }, ' ', ...bi(`（图中 ${c.shown} 个）`, `(${c.shown} shown)`))
            : null,
        ),
      ),
    ),
  );
}

/** A property value as text: text and numbers as they are, anything else as JSON. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}
