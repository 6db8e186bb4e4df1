/**
 * The one interface every engine adapter implements. Cypher text is shared between engines;
 * everything that differs (DDL, full-text search, value types, transactions, the engine's errors)
 * stays behind it. Adapters fail with the typed errors of src/errors.ts: QueryTimeoutError when a
 * call runs out of its time, StoreUnavailableError when the engine cannot be reached,
 * StoreQueryError when it refuses a query; callers never look at an engine's error codes or
 * messages. tests/store-contract.test.ts holds both adapters to it.
 */

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
export type Engine = 'neo4j' | 'grafeo';

/** Reported while scripts run: which script, and how many of its statements are done. */
export interface ScriptProgress {
  source: string;
  done: number;
  total: number;
}

export interface ScriptResult {
  statements: number;
  schemaStatements: number;
}

export interface StoreHealth {
  engine: Engine;
  ok: boolean;
  version?: string;
  latencyMs: number;
  error?: string;
}

/** What the store runs on, for logs, /health and the seed command's version check. */
export interface ServerInfo {
  engine: Engine;
  /** The product's own version, e.g. `5.26.0` for Neo4j, `0.6.0` for Grafeo. */
  version: string;
  /** How the product names itself, e.g. `Neo4j/5.26.0`, `grafeo 0.6.0`. */
  agent: string;
}

/**
 * An entity the full-text index found: its id and text relevance, with what search ranks it by
 * (kind, canonical name, name keys), so ranking needs no second round trip. nameKeys is null for
 * a document, which has none.
 */
export interface SearchHit {
  id: string;
  score: number;
  kind: string;
  name: string;
  nameKeys: string[] | null;
}

/** Options a caller may pass per query; the adapter applies the configured timeout otherwise. */
export interface QueryOptions {
  /**
   * The most this call may take, from now: the request's remaining budget. The adapter answers
   * within it, with the rows or a QueryTimeoutError, whatever the engine does.
   */
  timeoutMs?: number;
}

export interface GraphStore {
  readonly engine: Engine;
  /** Runs a read-only query (a read transaction on Neo4j, routed to secondaries in a cluster). */
  read<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]>;
  /** Runs one write statement in its own write transaction. */
  write<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]>;
  /**
   * Runs multi-statement scripts: schema statements (idempotent DDL) first, then every data
   * statement of every script in ONE write transaction, so a bad statement leaves the data
   * as it was. Errors name the script, the statement's line and the engine's message.
   */
  runScripts(
    scripts: Array<{ source: string; text: string }>,
    onProgress?: (progress: ScriptProgress) => void,
  ): Promise<ScriptResult>;
  /**
   * Deletes every ChainAtlas node (:Entity: everything the seeds write) with its relationships, a
   * thousand nodes per transaction, so a graph of any size fits a small server's transaction
   * memory; other data in the database stays. Returns how many nodes it deleted. Throws a typed
   * error when it cannot finish (what is left stays for another run): never a silent partial reset.
   * `timeoutMs` bounds the whole deletion (default 10 minutes).
   */
  deleteEntities(options?: QueryOptions): Promise<number>;
  /** Full-text search over entity names and aliases (src/store/search-index.ts), best first. */
  searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]>;
  /** The engine and its version; throws StoreUnavailableError when it cannot be reached. */
  serverInfo(): Promise<ServerInfo>;
  /** Whether the store answers a trivial query within `timeoutMs` (default: a few seconds); never throws. */
  health(options?: QueryOptions): Promise<StoreHealth>;
  close(): Promise<void>;
}
