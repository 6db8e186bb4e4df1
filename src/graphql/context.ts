/**
 * Per-request state: the store, counted so tests can assert how many queries a request costs,
 * and DataLoaders that batch every lookup of one request level into one query.
 */
import DataLoader from 'dataloader';
import type { GraphStore, Params } from '../store/graph-store.js';
import { ENTITIES_BY_ID, RELATIONS_OF } from './graph-queries.js';
import type { NodeProps } from './node-props.js';

export type DirectionArg = 'OUT' | 'IN' | 'BOTH';

export interface RelationSpec {
  types: readonly string[];
  direction: DirectionArg;
  kinds?: readonly string[] | null;
}

export interface RelationRow {
  sourceId: string;
  node: NodeProps;
  rel: Record<string, unknown>;
  type: string;
  outgoing: boolean;
}

export interface GraphContext {
  store: GraphStore;
  /** Number of store queries this request has run. */
  queries: number;
  read<T>(cypher: string, params?: Params): Promise<T[]>;
  entity: DataLoader<string, NodeProps | null>;
  relations(spec: RelationSpec): DataLoader<string, RelationRow[]>;
}

export function createContext(store: GraphStore): GraphContext {
  const relationLoaders = new Map<string, DataLoader<string, RelationRow[]>>();
  const context: GraphContext = {
    store,
    queries: 0,
    read<T>(cypher: string, params?: Params) {
      context.queries++;
      return store.read<T>(cypher, params);
    },
    entity: new DataLoader(async (ids) => {
      const rows = await context.read<{ node: NodeProps }>(ENTITIES_BY_ID, { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations(spec) {
      const key = JSON.stringify([[...spec.types].sort(), spec.direction, spec.kinds ? [...spec.kinds].sort() : null]);
      let loader = relationLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await context.read<RelationRow>(RELATIONS_OF, {
            ids: [...ids],
            types: [...spec.types],
            direction: spec.direction,
            kinds: spec.kinds ? [...spec.kinds] : null,
          });
          const grouped = new Map<string, RelationRow[]>();
          for (const row of rows) {
            const list = grouped.get(row.sourceId) ?? [];
            list.push(row);
            grouped.set(row.sourceId, list);
            context.entity.prime(row.node.id, row.node);
          }
          return ids.map((id) => grouped.get(id) ?? []);
        });
        relationLoaders.set(key, loader);
      }
      return loader;
    },
  };
  return context;
}
