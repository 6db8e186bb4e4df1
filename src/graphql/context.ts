/**
 * Per-request state: the store, counted so tests can assert how many queries a request costs,
 * and DataLoaders that batch every lookup of one request level into one query. Every store call
 * gets the request's remaining time; the store answers within it or fails with a typed error
 * (src/errors.ts), which reaches the client as its code.
 */
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { NODE_LABELS } from '../knowledge/seed-schema.js';
import { QueryTimeoutError } from '../errors.js';
import type { GraphStore, Params, SearchHit } from '../store/graph-store.js';
import { ENTITIES_BY_ID, RELATED_TYPED, RELATIONS, relationKey } from './graph-queries.js';
import type { NodeProps } from './node-props.js';

export type DirectionArg = 'OUT' | 'IN' | 'BOTH';

export interface RelationSpec {
  types: readonly string[];
  direction: DirectionArg;
  kinds?: readonly string[] | null;
}

export interface RelationRow {
  sourceId: string;
  /** With only the picked properties when some were picked: then it is not cached as the entity. */
  node: NodeProps;
  /** Empty when neighbour properties were picked. */
  rel: Record<string, unknown>;
  type: string;
  outgoing: boolean;
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
  /** The engine's full-text search, counted like a query and bounded by the request's budget. */
  search(text: string, limit: number): Promise<SearchHit[]>;
  entity: DataLoader<string, NodeProps | null>;
  /**
   * The relationships of a spec, batched per request level. `properties`: only these properties
   * of each neighbour and none of the relationship (selected-properties.ts); absent or null:
   * every property of both.
   */
  relations(spec: RelationSpec, properties?: readonly string[] | null): DataLoader<string, RelationRow[]>;
}

type PickedRow = Omit<RelationRow, 'node' | 'rel'> & { values: unknown[] };

/** A picked row's values, in the order of the keys, as a node (nulls left out, as properties() does). */
function pickedNode(keys: readonly string[], values: unknown[]): NodeProps {
  const node: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (values[i] != null) node[keys[i]!] = values[i];
  return node as NodeProps;
}

/**
 * A relation spec's loader key. The typed fields' specs are constants (relation-fields.ts), asked
 * for once per row: their key is worked out once.
 */
const specKeys = new WeakMap<RelationSpec, string>();
function specKey(spec: RelationSpec): string {
  let key = specKeys.get(spec);
  if (key === undefined) {
    key = JSON.stringify([[...spec.types].sort(), spec.direction, spec.kinds ? [...spec.kinds].sort() : null]);
    specKeys.set(spec, key);
  }
  return key;
}

/**
 * A DataLoader whose promises never go unhandled. A resolver may start a load for a field the
 * query does not select, or that graphql-js never completes because a sibling failed first; when
 * the batch then fails (a timeout), nobody awaits that promise, and an unhandled rejection ends a
 * Node process. Whoever does await a load still gets its error.
 */
class RequestLoader<K, V> extends DataLoader<K, V> {
  override load(key: K): Promise<V> {
    const loading = super.load(key);
    loading.catch(() => undefined);
    return loading;
  }
}

export function createContext(store: GraphStore, timeoutMs = 10_000, log?: Logger): GraphContext {
  const relationLoaders = new Map<string, DataLoader<string, RelationRow[]>>();
  /** Time left for the next store call; a request out of time makes no more calls. */
  const timeLeft = () => {
    const left = context.deadline - Date.now();
    if (left <= 0) throw new QueryTimeoutError(`the request exceeded its ${timeoutMs} ms time limit`);
    return left;
  };
  /** The store's timeout, reported with the request's whole budget rather than the call's share. */
  const budgetSpent = (error: unknown) =>
    error instanceof QueryTimeoutError
      ? new QueryTimeoutError(`the request exceeded its ${timeoutMs} ms time limit`, { cause: error })
      : error;
  const context: GraphContext = {
    store,
    log,
    deadline: Date.now() + timeoutMs,
    cost: { queries: 0 },
    async read<T>(cypher: string, params?: Params) {
      context.cost.queries++;
      try {
        return await store.read<T>(cypher, params, { timeoutMs: timeLeft() });
      } catch (error) {
        throw budgetSpent(error);
      }
    },
    async search(text: string, limit: number) {
      context.cost.queries++;
      try {
        return await store.searchEntities(text, limit, { timeoutMs: timeLeft() });
      } catch (error) {
        throw budgetSpent(error);
      }
    },
    entity: new RequestLoader(async (ids) => {
      const rows = await context.read<{ node: NodeProps }>(ENTITIES_BY_ID, { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations(spec, keys = null) {
      const key = `${specKey(spec)}|${keys ? keys.join(',') : '*'}`;
      let loader = relationLoaders.get(key);
      if (!loader) {
        loader = new RequestLoader(async (ids) => {
          // Every kind for "any kind": a constant list keeps the kind filter a plain IN.
          const params = { ids: [...ids], types: [...spec.types], kinds: [...(spec.kinds ?? NODE_LABELS)], keys };
          let rows: RelationRow[];
          if (keys) {
            const typed = RELATED_TYPED[relationKey(spec.direction, spec.types)];
            if (!typed)
              throw new Error(
                `no typed relation query for ${relationKey(spec.direction, spec.types)}: add its spec to relation-fields.ts`,
              );
            const picked = await context.read<PickedRow>(typed, params);
            rows = picked.map((r) => ({
              sourceId: r.sourceId,
              node: pickedNode(keys, r.values),
              rel: {},
              type: r.type,
              outgoing: r.outgoing,
            }));
          } else {
            rows = await context.read<RelationRow>(RELATIONS[spec.direction], params);
          }
          const grouped = new Map<string, RelationRow[]>();
          for (const row of rows) {
            const list = grouped.get(row.sourceId);
            if (list) list.push(row);
            else grouped.set(row.sourceId, [row]);
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
