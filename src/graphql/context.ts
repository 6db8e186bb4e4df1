/**
 * Per-request state: the store, counted so tests can assert how many queries a request costs,
 * and DataLoaders that batch every lookup of one request level into one query.
 */
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { GraphStore, Params, SearchHit } from '../store/graph-store.js';
import { ENTITIES_BY_ID, RELATED, RELATED_TYPED, RELATIONS, relationKey } from './graph-queries.js';
import type { NodeProps } from './node-props.js';

export type DirectionArg = 'OUT' | 'IN' | 'BOTH';

export interface RelationSpec {
  types: readonly string[];
  direction: DirectionArg;
  kinds?: readonly string[] | null;
  /**
   * Only these properties of each neighbour, and none of the relationship (see
   * selected-properties.ts); absent or null: every property of both.
   */
  properties?: readonly string[] | null;
}

export interface RelationRow {
  sourceId: string;
  /** With only the asked properties when the spec picked some: then it is not cached as the entity. */
  node: NodeProps;
  /** Empty when the spec picked neighbour properties. */
  rel: Record<string, unknown>;
  type: string;
  outgoing: boolean;
}

/** The request ran out of its time budget (QUERY_TIMEOUT_MS); code TIMEOUT. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

export interface GraphContext {
  store: GraphStore;
  /** Logger bound to this request (request id), when the server has one. */
  log?: Logger;
  /** Epoch ms by which the request must be done; every store call gets the time left as its timeout. */
  deadline: number;
  /**
   * Store queries this request has run. An object, not a number: Apollo shallow-copies the
   * context per operation, and the copy must still count into the same place.
   */
  cost: { queries: number };
  read<T>(cypher: string, params?: Params): Promise<T[]>;
  /** The engine's full-text search, counted like a query. */
  search(text: string, limit: number): Promise<SearchHit[]>;
  entity: DataLoader<string, NodeProps | null>;
  relations(spec: RelationSpec): DataLoader<string, RelationRow[]>;
}

/** Every entity kind, for "any kind" (a constant list keeps the kind filter a plain IN). */
const ALL_KINDS = ['City', 'Park', 'Enterprise', 'Project', 'IndustryChain', 'Policy', 'Organization', 'Indicator', 'Document'];

/** A picked row's values, in the order of the keys, as a node (nulls left out, as properties() does). */
function pickedNode(keys: readonly string[], values: unknown[]): NodeProps {
  const node: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    if (values[i] != null) node[key] = values[i];
  });
  return node as NodeProps;
}

export function createContext(store: GraphStore, timeoutMs = 10_000, log?: Logger): GraphContext {
  const relationLoaders = new Map<string, DataLoader<string, RelationRow[]>>();
  const context: GraphContext = {
    store,
    log,
    deadline: Date.now() + timeoutMs,
    cost: { queries: 0 },
    async read<T>(cypher: string, params?: Params) {
      context.cost.queries++;
      const left = context.deadline - Date.now();
      if (left <= 0) throw new QueryTimeoutError(`the request exceeded its ${timeoutMs} ms time limit`);
      try {
        return await store.read<T>(cypher, params, { timeoutMs: left });
      } catch (error) {
        if (/time limit|timed? ?out|TransactionTimedOut/i.test(String((error as Error)?.message ?? error)) || (error as { code?: string }).code?.includes('TransactionTimedOut')) {
          throw new QueryTimeoutError(`the request exceeded its ${timeoutMs} ms time limit`);
        }
        throw error;
      }
    },
    search(text: string, limit: number) {
      context.cost.queries++;
      if (context.deadline <= Date.now()) throw new QueryTimeoutError(`the request exceeded its ${timeoutMs} ms time limit`);
      return store.searchEntities(text, limit);
    },
    entity: new DataLoader(async (ids) => {
      const rows = await context.read<{ node: NodeProps }>(ENTITIES_BY_ID, { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations(spec) {
      const keys = spec.properties ?? null;
      const key = JSON.stringify([[...spec.types].sort(), spec.direction, spec.kinds ? [...spec.kinds].sort() : null, keys]);
      let loader = relationLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const params = { ids: [...ids], types: [...spec.types], kinds: [...(spec.kinds ?? ALL_KINDS)], keys };
          const rows = keys
            ? (
                await context.read<Omit<RelationRow, 'node' | 'rel'> & { values: unknown[] }>(
                  RELATED_TYPED[relationKey(spec.direction, spec.types)] ?? RELATED[spec.direction],
                  params,
                )
              ).map(
                ({ values, ...row }) => ({ ...row, node: pickedNode(keys, values), rel: {} }),
              )
            : await context.read<RelationRow>(RELATIONS[spec.direction], params);
          const grouped = new Map<string, RelationRow[]>();
          for (const row of rows) {
            const list = grouped.get(row.sourceId) ?? [];
            list.push(row);
            grouped.set(row.sourceId, list);
            if (!keys) context.entity.prime(row.node.id, row.node);
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
