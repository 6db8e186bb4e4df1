/**
 * Per-request state: the store, counted so tests can assert how many queries a request costs, and
 * DataLoaders that batch every lookup of one request level into one query (entities by id here,
 * relationships in relationships.ts). Every store call gets the request's remaining time; the
 * store answers within it or fails with a typed error (src/errors.ts), which reaches the client
 * as its code.
 */
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { QueryTimeoutError, QueryTooComplexError } from '../errors.js';
import type { GraphStore, Params, SearchHit } from '../store/graph-store.js';
import type { NodeProps } from './node-props.js';

/** Entities by id (distinct: DataLoader keys), in one round trip: one index seek per id. */
export const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS node`;

/** The most entities, relationships and groups one answer may hold: a hard stop behind the cost estimate. */
export const MAX_ROWS = 50_000;

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
  cost: { queries: number; rows: number; maxRows: number; stoppedAt?: string };
  /**
   * Counts rows an answer returns at `field`; past cost.maxRows the request stops with
   * QUERY_TOO_COMPLEX (limit rows), naming the field.
   */
  returned(rows: number, field: string): void;
  read<T>(cypher: string, params?: Params): Promise<T[]>;
  /** The engine's full-text search, counted like a query and bounded by the request's budget. */
  search(text: string, limit: number): Promise<SearchHit[]>;
  entity: DataLoader<string, NodeProps | null>;
  /**
   * This request's DataLoader under `key`, made from `load` the first time it is asked for: every
   * lookup of one request level with the same key is one batched query (relationships.ts).
   */
  batch<K, V>(key: string, load: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V>;
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

export function createContext(store: GraphStore, timeoutMs = 10_000, log?: Logger, maxRows = MAX_ROWS): GraphContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
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
    cost: { queries: 0, rows: 0, maxRows },
    returned(rows: number, field: string) {
      context.cost.rows += rows;
      if (context.cost.rows > maxRows) {
        context.cost.stoppedAt ??= field;
        throw new QueryTooComplexError(
          `the answer grew past ${maxRows} rows at ${field}; ask for smaller pages (first) or fewer nested lists`,
          'rows',
          field,
        );
      }
    },
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
    batch<K, V>(key: string, load: DataLoader.BatchLoadFn<K, V>) {
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new RequestLoader(load);
        loaders.set(key, loader);
      }
      return loader;
    },
  };
  return context;
}
