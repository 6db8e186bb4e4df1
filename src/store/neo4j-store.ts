/**
 * Production engine: Neo4j 5 through neo4j-driver. Reads run in read transactions (routed to
 * secondaries on a cluster), writes in write transactions; the driver retries transient errors.
 * Sessions share the driver's bookmark manager, so a read after seeding sees the seed.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { applyScripts } from './apply-scripts.js';
import {
  type GraphStore,
  type Params,
  type QueryOptions,
  type Row,
  type ScriptProgress,
  type ScriptResult,
  type SearchHit,
  type StoreHealth,
} from './graph-store.js';
import { StoreUnavailableError } from '../errors.js';
import { toNeo4jParams, toPlain } from './plain-values.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  timeoutMs: number;
  /** How long the driver retries a transaction on transient errors (default 15 s). */
  maxRetryTimeMs?: number;
  /** Name of the full-text index over entity names and aliases (declared in cypher/000_schema.cypher). */
  searchIndex?: string;
}

/** Neo4j error codes that mean "the database is not there", not "your query is wrong". */
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

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
    // Fulltext indexes populate asynchronously; wait so a search right after seeding finds the seed.
    await this.run('READ', (tx) => tx.run('CALL db.awaitIndexes(300)'), { timeoutMs: 310_000 }).catch(() => undefined);
    return result;
  }

  async searchEntities(text: string, limit: number): Promise<SearchHit[]> {
    const rows = await this.read<SearchHit>(
      'CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score RETURN node.id AS id, score',
      { index: this.options.searchIndex ?? 'entity_search', query: escapeLucene(text), limit },
    );
    return rows;
  }

  async health(): Promise<StoreHealth> {
    const started = performance.now();
    try {
      const info = await this.driver.getServerInfo({ database: this.options.database });
      await this.read('RETURN 1 AS ok');
      return { engine: this.engine, ok: true, version: info.agent, latencyMs: performance.now() - started };
    } catch (error) {
      return {
        engine: this.engine,
        ok: false,
        latencyMs: performance.now() - started,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The server's major version, for the loader's "Neo4j 5 or newer" check. */
  async serverVersion(): Promise<string> {
    const info = await this.driver.getServerInfo({ database: this.options.database });
    return info.agent ?? 'unknown';
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
    const session: Session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const config = { timeout: options?.timeoutMs ?? this.options.timeoutMs };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && UNAVAILABLE.has(code))
        throw new StoreUnavailableError(`Neo4j at ${this.options.uri} is unavailable: ${(error as Error).message}`);
      throw error;
    } finally {
      await session.close();
    }
  }
}

/** Lucene query syntax treats these as operators; user text is matched literally. */
export function escapeLucene(text: string): string {
  return text.replace(/([+\-!(){}[\]^"~*?:\\/]|&&|\|\|)/g, '\\$1');
}
