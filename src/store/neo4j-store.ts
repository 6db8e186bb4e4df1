/**
 * Production engine: Neo4j 5 through neo4j-driver. Reads run in read transactions (routed to
 * secondaries on a cluster), writes in write transactions. Sessions share the driver's bookmark
 * manager, so a read after seeding sees the seed.
 *
 * Every call answers within its time budget (QueryOptions.timeoutMs: the request's remaining
 * time), whatever Neo4j does: the transaction carries the budget as its server-side timeout, the
 * driver's connect and pool-acquisition limits are short, retries stop when the budget or the
 * retry window runs out, and the whole call is raced against the budget on the client, which is
 * what bounds a server that accepts connections and never answers (frozen, or not Neo4j at all).
 * The driver's errors never leave this file: by their status codes they become the typed errors of
 * src/errors.ts (QueryTimeoutError, StoreUnavailableError, StoreQueryError), here and nowhere else.
 */
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { ChainAtlasError, QueryTimeoutError, StoreQueryError, StoreUnavailableError } from '../errors.js';
import { applyScripts } from './apply-scripts.js';
import { sleep, within } from './deadline.js';
import type {
  GraphStore,
  Params,
  QueryOptions,
  Row,
  ScriptProgress,
  ScriptResult,
  SearchHit,
  ServerInfo,
  StoreHealth,
} from './graph-store.js';
import { toNeo4jParams, toPlain } from './plain-values.js';
import { SEARCH_INDEX, searchQueryText } from './search-index.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  timeoutMs: number;
  /** How long a call keeps retrying transient errors, never past its budget (default 2 s). */
  maxRetryTimeMs?: number;
  /** TCP connect and connection-pool acquisition limit (default 2 s, never above timeoutMs). */
  connectTimeoutMs?: number;
}

/** How long health() waits for `RETURN 1` unless told otherwise. */
const HEALTH_TIMEOUT_MS = 2_000;
/** How long deleteEntities may take unless told otherwise. */
const DELETE_TIMEOUT_MS = 600_000;

/** Codes that mean "the database is not there (or not for us)", not "your query is wrong". */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
/** Codes for credentials Neo4j does not accept: unavailable too, with a message that says so. */
const REFUSED_CREDENTIALS = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);
const NO_DATABASE = 'Neo.ClientError.Database.DatabaseNotFound';
/**
 * The server ended the transaction at its time limit. Neo4j 5 reports the limit the client set
 * as TransactionTimedOutClientConfiguration (TransactionTimedOut when it is the server's own
 * db.transaction.timeout); the driver files a terminated transaction as a client error, which it
 * does not retry.
 */
const TIMED_OUT = /^Neo\.ClientError\.Transaction\.TransactionTimedOut/;
const TERMINATED = /^Neo\.(ClientError|TransientError)\.Transaction\.(Terminated|LockClientStopped)$/;
/** Statement, procedure and schema errors: the query is at fault (ours, never the client's). */
const QUERY_REFUSED = /^Neo\.ClientError\.(Statement|Procedure|Schema)\./;
/**
 * The pool's "no connection in time" error has no code of its own (N/A). With a pool far larger
 * than the concurrency limit (guarded-store.ts), it means connections cannot be made or never
 * answer: the store is unreachable.
 */
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/** A unit of work inside one transaction; it may run more than once (retries). */
type Work<R> = (tx: Transaction) => Promise<R>;

export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly maxRetryTimeMs: number;

  constructor(private readonly options: Neo4jStoreOptions) {
    const connectMs = Math.min(options.connectTimeoutMs ?? 2_000, options.timeoutMs);
    this.maxRetryTimeMs = Math.min(options.maxRetryTimeMs ?? 2_000, options.timeoutMs);
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Driver-wide: the driver has no per-call setting for these. Each call is also bounded by
      // its own budget below, so these only need to be short, not exact.
      connectionTimeout: connectMs,
      connectionAcquisitionTimeout: connectMs,
      maxTransactionRetryTime: this.maxRetryTimeMs,
      userAgent: 'chainatlas/0.1',
    });
  }

  read<T = Row>(cypher: string, params: Params = {}, options?: QueryOptions): Promise<T[]> {
    return this.run('READ', (tx) => this.execute<T>(tx, cypher, params), options);
  }

  write<T = Row>(cypher: string, params: Params = {}, options?: QueryOptions): Promise<T[]> {
    return this.run('WRITE', (tx) => this.execute<T>(tx, cypher, params), options);
  }

  async runScripts(
    scripts: Array<{ source: string; text: string }>,
    onProgress?: (progress: ScriptProgress) => void,
  ): Promise<ScriptResult> {
    const result = await applyScripts(
      {
        // Schema statements cannot share a transaction with data in Neo4j: each runs on its own.
        applySchema: (statement) =>
          this.run('WRITE', (tx) => tx.run(statement), { timeoutMs: 120_000 }).then(() => undefined),
        inWriteTransaction: (work) =>
          this.run('WRITE', (tx) => work(async (statement) => void (await tx.run(statement))), { timeoutMs: 600_000 }),
      },
      scripts,
      onProgress,
    );
    // Full-text indexes populate asynchronously after they are created: wait, so a search right
    // after seeding finds the seed (a no-op when they are online already).
    await this.run('READ', (tx) => tx.run('CALL db.awaitIndexes(300)'), { timeoutMs: 310_000 });
    return result;
  }

  /** Lucene needs no help with common terms; the same query text as the embedded engine's keeps the answers alike. */
  /**
   * GraphStore.deleteEntities with CALL … IN TRANSACTIONS: Neo4j commits each batch of a thousand
   * nodes as it goes, so the deletion fits a server with a small heap (one DETACH DELETE of 10,000
   * nodes already exceeded the transaction memory limit of a 1 GiB server). Neo4j runs that only
   * in an auto-commit transaction (session.run), never in a managed or explicit one, so this call
   * does not go through run(): no retries either (a transient failure part-way leaves the rest for
   * the next call, which finds fewer nodes).
   */
  async deleteEntities(options?: QueryOptions): Promise<number> {
    const budget = options?.timeoutMs ?? DELETE_TIMEOUT_MS;
    const started = Date.now();
    const session: Session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    let inTime = true;
    try {
      const result = await within(
        session.run(
          'MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS RETURN count(n) AS deleted',
          {},
          { timeout: budget },
        ),
        budget,
        () => {
          inTime = false;
          return this.timeout(budget);
        },
      );
      return toPlain(result.records[0]?.get('deleted') ?? 0) as number;
    } catch (error) {
      throw this.typed(error, budget, Date.now() - started);
    } finally {
      const closing = session.close().catch(() => undefined);
      if (inTime) await closing;
    }
  }

  async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    return this.read<SearchHit>(
      `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
       RETURN node.id AS id, score, node.kind AS kind, node.name AS name, node.nameKeys AS nameKeys`,
      { index: SEARCH_INDEX.name, query: escapeLucene(searchQueryText(text)), limit },
      options,
    );
  }

  /** The engine and its version (Neo4j/5.26.0): the seed command's "Neo4j 5 or newer" check, /health. */
  async serverInfo(timeoutMs = this.options.timeoutMs): Promise<ServerInfo> {
    const started = Date.now();
    try {
      const { agent = 'Neo4j/unknown' } = await within(
        this.driver.getServerInfo({ database: this.options.database }),
        timeoutMs,
        () => this.timeout(timeoutMs),
      );
      return { engine: this.engine, version: /\/([\w.-]+)/.exec(agent)?.[1] ?? 'unknown', agent };
    } catch (error) {
      throw this.typed(error, timeoutMs, Date.now() - started);
    }
  }

  async health(options?: QueryOptions): Promise<StoreHealth> {
    const started = performance.now();
    const timeoutMs = options?.timeoutMs ?? HEALTH_TIMEOUT_MS;
    try {
      const [{ agent }] = await Promise.all([
        this.serverInfo(timeoutMs),
        this.read('RETURN 1 AS ok', {}, { timeoutMs }),
      ]);
      return { engine: this.engine, ok: true, version: agent, latencyMs: performance.now() - started };
    } catch (error) {
      return {
        engine: this.engine,
        ok: false,
        latencyMs: performance.now() - started,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async execute<T>(tx: Transaction, cypher: string, params: Params): Promise<T[]> {
    const result = await tx.run(cypher, toNeo4jParams(params));
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }

  /**
   * Runs `work` in a transaction, retrying what the driver calls retryable (a stale pooled
   * connection after a restart, a cluster leader switch, a deadlock) while the retry window and
   * the budget last. The driver's own managed-transaction retries are not used: their first
   * pause is a fixed second, even when the server is simply gone.
   */
  private async run<R>(mode: 'READ' | 'WRITE', work: Work<R>, options?: QueryOptions): Promise<R> {
    const budget = options?.timeoutMs ?? this.options.timeoutMs;
    const started = Date.now();
    const deadline = started + budget;
    const retryUntil = started + Math.min(this.maxRetryTimeMs, budget);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(mode, work, deadline - Date.now(), budget);
      } catch (error) {
        const typed = this.typed(error, budget, Date.now() - started);
        const pause = retryPause(error, attempt);
        if (pause === null || Date.now() + pause >= retryUntil) throw typed;
        await sleep(pause);
      }
    }
  }

  private async attempt<R>(mode: 'READ' | 'WRITE', work: Work<R>, leftMs: number, budget: number): Promise<R> {
    if (leftMs <= 0) throw this.timeout(budget);
    const session: Session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    let inTime = true;
    try {
      const transaction = (async () => {
        // The server ends the transaction when the budget is up (0 would mean "no limit").
        const tx = await session.beginTransaction({ timeout: Math.max(1, Math.ceil(leftMs)) });
        const result = await work(tx);
        await tx.commit();
        return result;
      })();
      return await within(transaction, leftMs, () => {
        inTime = false;
        return this.timeout(budget);
      });
    } finally {
      // Closing rolls back an open transaction and returns the connection. After the deadline the
      // server may not answer the close either: it finishes in the background.
      const closing = session.close().catch(() => undefined);
      if (inTime) await closing;
    }
  }

  private timeout(budget: number): QueryTimeoutError {
    return new QueryTimeoutError(`query exceeded the ${budget} ms time limit`);
  }

  /** A driver or server error as a typed error (src/errors.ts), by its status code. */
  private typed(error: unknown, budget: number, elapsedMs: number): unknown {
    if (error instanceof ChainAtlasError) return error;
    const code = (error as { code?: unknown } | undefined)?.code;
    const message = error instanceof Error ? error.message : String(error);
    const { uri, database } = this.options;
    if (typeof code === 'string') {
      if (REFUSED_CREDENTIALS.has(code))
        return new StoreUnavailableError(
          `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD (${message})`,
          { cause: error },
        );
      if (code === NO_DATABASE)
        return new StoreUnavailableError(`Neo4j at ${uri} has no database "${database}": check NEO4J_DATABASE`, {
          cause: error,
        });
      // A transaction terminated for another reason (an administrator's TERMINATE) is not a timeout.
      if (TIMED_OUT.test(code) || (TERMINATED.test(code) && elapsedMs >= budget))
        return new QueryTimeoutError(`query exceeded the ${budget} ms time limit`, { cause: error });
      if (QUERY_REFUSED.test(code)) return new StoreQueryError(`${code}: ${message}`, { cause: error });
    }
    if ((typeof code === 'string' && UNREACHABLE.has(code)) || ACQUISITION_TIMEOUT.test(message))
      return new StoreUnavailableError(
        `Neo4j at ${uri} is unavailable: ${message} (check NEO4J_URI and that the server is running)`,
        { cause: error },
      );
    return error;
  }
}

/**
 * The pause before the next attempt, or null when the error is not worth retrying. A broken
 * connection is retried at once and once more shortly after (the pool hands out a new one; a
 * refused connection fails again in a millisecond, so a down server costs little); transient
 * errors back off from 100 ms with jitter.
 */
function retryPause(error: unknown, attempt: number): number | null {
  if (!neo4j.isRetryableError(error)) return null;
  const code = (error as { code?: string }).code;
  if (code === neo4j.error.SERVICE_UNAVAILABLE) return attempt <= 2 ? (attempt - 1) * 100 : null;
  return Math.min(1_000, 100 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
}

/**
 * Lucene query syntax treats these characters, and the words AND, OR and NOT, as operators; user
 * text is matched literally (a lone `AND` would not even parse). The words go lower case, which the
 * analyzer does to every word anyway.
 */
export function escapeLucene(text: string): string {
  return text
    .replace(/([+\-!(){}[\]^"~*?:\\/]|&&|\|\|)/g, '\\$1')
    .replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase());
}
