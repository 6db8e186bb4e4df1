/**
 * The explorer's state in the URL, so a view can be shared: `?q=韶关`, `?focus=ent:byd`,
 * `?view=leaders&city=肇庆`, `?view=path&from=…&to=…`, `?view=city&city=…`, plus the expansions
 * made since (`expand=<id>` for the default neighbourhood, `expand=<id>~<TYPE>` for one type,
 * `expand=<id>~*` for every type but document mentions)
 * and the selected entity (`select=<id>`).
 */
export type ViewName = 'leaders' | 'path' | 'city';
const VIEWS: ViewName[] = ['leaders', 'path', 'city'];

export interface ExplorerState {
  q?: string;
  focus?: string;
  view?: ViewName;
  city?: string;
  from?: string;
  to?: string;
  expand: string[];
  select?: string;
}

export interface Expansion {
  id: string;
  /** One relationship type, or the default neighbourhood. */
  type?: string;
}

export const expansionKey = (e: Expansion) => (e.type ? `${e.id}~${e.type}` : e.id);

export function parseExpansion(key: string): Expansion {
  const at = key.lastIndexOf('~');
  return at > 0 ? { id: key.slice(0, at), type: key.slice(at + 1) } : { id: key };
}

export function parseState(search: string): ExplorerState {
  const p = new URLSearchParams(search);
  const get = (k: string) => p.get(k)?.trim() || undefined;
  const view = get('view') as ViewName | undefined;
  return {
    q: get('q'),
    focus: get('focus'),
    view: view && VIEWS.includes(view) ? view : undefined,
    city: get('city'),
    from: get('from'),
    to: get('to'),
    expand: p.getAll('expand').filter(Boolean),
    select: get('select'),
  };
}

export function stateQuery(state: ExplorerState): string {
  const p = new URLSearchParams();
  for (const key of ['q', 'focus', 'view', 'city', 'from', 'to'] as const) if (state[key]) p.set(key, state[key]);
  for (const e of state.expand) p.append('expand', e);
  if (state.select) p.set('select', state.select);
  const text = p.toString();
  return text ? `?${text}` : '';
}
