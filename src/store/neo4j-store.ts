/**
 * Production engine: Neo4j 5 through neo4j-driver. Reads run in read transactions (routed to
 * secondaries on a cluster), writes in write transactions; the driver retries transient errors.
 * Sessions share the driver's bookmark manager, so a read after seeding sees the seed. Neo4j's
 * status codes become the typed errors of src/errors.ts here, and nowhere else.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { QueryTimeoutError, StoreQueryError, StoreUnavailableError } from '../errors.js';
import { applyScripts } from './apply-scripts.js';
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
import { SEARCH_INDEX } from './search-index.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  timeoutMs: number;
  /** How long the driver retries a transaction on transient errors (default 15 s). */
  maxRetryTimeMs?: number;
}

/** Codes that mean "the database is not there (or not for us)", not "your query is wrong". */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
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

export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  private readonly driver: Driver;

  constructor(private readonly options: Neo4jStoreOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 15_000,
      connectionAcquisitionTimeout: Math.min(10_000, options.timeoutMs),
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

  async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    return this.read<SearchHit>(
      'CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score RETURN node.id AS id, score',
      { index: SEARCH_INDEX.name, query: escapeLucene(text), limit },
      options,
    );
  }

  async serverInfo(): Promise<ServerInfo> {
    try {
      const { agent = 'Neo4j/unknown' } = await this.driver.getServerInfo({ database: this.options.database });
      return { engine: this.engine, version: /\/([\w.-]+)/.exec(agent)?.[1] ?? 'unknown', agent };
    } catch (error) {
      throw this.typed(error, 0, 0);
    }
  }

  async health(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      const { agent } = await this.serverInfo();
      await this.read('RETURN 1 AS ok');
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

  private async execute<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
    const result = await tx.run(cypher, toNeo4jParams(params));
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }

  private async run<R>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<R>,
    options?: QueryOptions,
  ): Promise<R> {
    const timeoutMs = Math.ceil(options?.timeoutMs ?? this.options.timeoutMs);
    // Neo4j reads a timeout of 0 as "none": a limit already used up fails here instead.
    if (timeoutMs <= 0) throw new QueryTimeoutError('query had no time left');
    const session: Session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const started = performance.now();
    try {
      return mode === 'READ'
        ? await session.executeRead(work, { timeout: timeoutMs })
        : await session.executeWrite(work, { timeout: timeoutMs });
    } catch (error) {
      throw this.typed(error, timeoutMs, performance.now() - started);
    } finally {
      await session.close();
    }
  }

  /** A driver or server error as a typed error (src/errors.ts), by its status code. */
  private typed(error: unknown, timeoutMs: number, elapsedMs: number): unknown {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') return error;
    const { uri, database } = this.options;
    const message = error instanceof Error ? error.message : String(error);
    if (REFUSED_CREDENTIALS.has(code))
      return new StoreUnavailableError(
        `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD (${message})`,
        { cause: error },
      );
    if (code === NO_DATABASE)
      return new StoreUnavailableError(`Neo4j at ${uri} has no database "${database}": check NEO4J_DATABASE`, {
        cause: error,
      });
    if (UNREACHABLE.has(code))
      return new StoreUnavailableError(
        `Neo4j at ${uri} is unreachable: ${message} (check NEO4J_URI and that the server is running)`,
        { cause: error },
      );
    // A transaction terminated for another reason (an administrator's TERMINATE) is not a timeout.
    if (TIMED_OUT.test(code) || (TERMINATED.test(code) && timeoutMs > 0 && elapsedMs >= timeoutMs))
      return new QueryTimeoutError(`query exceeded the ${timeoutMs} ms time limit`, { cause: error });
    if (QUERY_REFUSED.test(code)) return new StoreQueryError(`${code}: ${message}`, { cause: error });
    return error;
  }
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
