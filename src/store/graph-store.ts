/**
 * The one interface every engine adapter implements. Cypher text is shared between engines;
 * everything that differs (DDL, full-text search, value types, transactions, the engine's errors)
 * stays behind it. Adapters fail with the typed errors of src/errors.ts: QueryTimeoutError when a
 * call runs out of its time, StoreUnavailableError when the engine cannot be reached; callers
 * never look at an engine's error codes or messages.
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

export interface SearchHit {
  id: string;
  score: number;
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
  /** Full-text search over entity names and aliases, best first. */
  searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]>;
  /** Whether the store answers a trivial query within `timeoutMs` (default: a few seconds); never throws. */
  health(options?: QueryOptions): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** A script statement that failed; the message says where. */
export class ScriptError extends Error {
  override name = 'ScriptError';
  constructor(
    readonly source: string,
    readonly line: number,
    readonly statement: string,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`${source}:${line}: ${reason}\n  in: ${statement.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
