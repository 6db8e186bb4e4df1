/**
 * Embedded engine: @grafeo-db/js, in memory or on disk (GRAPH_PATH). Runs the same Cypher as
 * Neo4j; this adapter translates the few DDL forms Grafeo spells differently, searches the text
 * index of src/store/search-index.ts, and turns the engine's errors into typed ones. Grafeo has no
 * time limit of its own: the adapter answers QueryTimeoutError when a call's time is up (the engine
 * finishes the statement in the background and it is rolled back), StoreQueryError when the engine
 * refuses a query, and StoreUnavailableError once the store is closed.
 */
import { existsSync } from 'node:fs';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as GrafeoDatabase, Transaction } from '@grafeo-db/js';
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
import { within } from './deadline.js';
import { toPlain } from './plain-values.js';
import { SEARCH_INDEX, searchQueryText } from './search-index.js';

const { GrafeoDB } = grafeo;

const UNIQUE_CONSTRAINT =
  /^CREATE\s+CONSTRAINT\s+(\w+)?\s*(IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*REQUIRE\s+\3\.(\w+)\s+IS\s+UNIQUE$/i;
const FULLTEXT_INDEX =
  /^CREATE\s+FULLTEXT\s+INDEX\s+(\w+)\s+(IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*ON\s+EACH\s*\[([^\]]+)\]/i;
const TYPED_INDEX = /^CREATE\s+(RANGE|TEXT)\s+INDEX/i;
/** How long deleteEntities may take unless told otherwise. */
const DELETE_TIMEOUT_MS = 600_000;
/** How long health() waits for `RETURN 1` unless told otherwise. */
const HEALTH_TIMEOUT_MS = 2_000;

export interface GrafeoStoreOptions {
  path?: string;
  timeoutMs: number;
}

export class GrafeoStore implements GraphStore {
  readonly engine = 'grafeo' as const;
  private closed = false;

  private constructor(
    private readonly db: GrafeoDatabase,
    private readonly options: GrafeoStoreOptions,
  ) {}

  static open(options: GrafeoStoreOptions): GrafeoStore {
    const db = options.path && existsSync(options.path) ? GrafeoDB.open(options.path) : GrafeoDB.create(options.path);
    return new GrafeoStore(db, options);
  }

  /** Reads run inside a transaction that is rolled back if the query wrote: a query that tries to write changes nothing. */
  read<T = Row>(cypher: string, params: Params = {}, options?: QueryOptions): Promise<T[]> {
    return this.inTransaction<T>(false, cypher, params, options);
  }

  write<T = Row>(cypher: string, params: Params = {}, options?: QueryOptions): Promise<T[]> {
    return this.inTransaction<T>(true, cypher, params, options);
  }

  /**
   * One statement in its own transaction, committed only if it finished in time. A query that
   * runs past its time limit is answered with an error at once and rolled back when it ends
   * (Grafeo refuses a rollback while a query of the transaction runs), so it never commits.
   */
  private async inTransaction<T>(
    commit: boolean,
    cypher: string,
    params: Params,
    options?: QueryOptions,
  ): Promise<T[]> {
    const tx: Transaction = this.begin();
    const work = tx.executeCypher(cypher, params).catch((error: unknown) => {
      throw engineError(error);
    });
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await this.withTimeout(work, options);
      // A read that changed nothing ends with a commit, which is a no-op: Grafeo 0.6 keeps about
      // 0.3 KB of native memory per rolled-back transaction (a steady RSS climb under load).
      // A read that did write is rolled back.
      if (commit || !wroteAnything(result.counters)) tx.commit();
      else tx.rollback();
      return result.toArray().map((row) => toPlain(row) as T);
    } finally {
      // Runs after the caller has its answer, with nobody to tell: a failing rollback (the store
      // closed meanwhile) must not become an unhandled rejection.
      void settled.then(() => {
        try {
          if (tx.isActive) tx.rollback();
        } catch {
          // the transaction ends with the store
        }
      });
    }
  }

  /**
   * The batches of GraphStore.deleteEntities as transactions of their own, one after another:
   * Grafeo has no CALL … IN TRANSACTIONS (Neo4j's way, neo4j-store.ts).
   */
  async deleteEntities(options?: QueryOptions): Promise<number> {
    const deadline = Date.now() + (options?.timeoutMs ?? DELETE_TIMEOUT_MS);
    let deleted = 0;
    for (;;) {
      const [row] = await this.write<{ deleted: number }>(
        'MATCH (n:Entity) WITH n LIMIT 1000 DETACH DELETE n RETURN count(*) AS deleted',
        {},
        { timeoutMs: Math.max(0, deadline - Date.now()) },
      );
      if (!row?.deleted) return deleted;
      deleted += row.deleted;
    }
  }

  runScripts(
    scripts: Array<{ source: string; text: string }>,
    onProgress?: (progress: ScriptProgress) => void,
  ): Promise<ScriptResult> {
    return applyScripts(
      {
        applySchema: (statement) => this.applySchema(statement),
        inWriteTransaction: async (work) => {
          const tx: Transaction = this.begin();
          try {
            await work(async (statement) => {
              await tx.executeCypher(statement).catch((error: unknown) => {
                throw engineError(error);
              });
            });
            tx.commit();
          } finally {
            if (tx.isActive) tx.rollback();
          }
        },
      },
      scripts,
      onProgress,
    );
  }

  /**
   * The search index's label and properties, read straight from the database: the text indexes
   * are kept on disk, so a store reopened without re-seeding searches as before. The query leaves
   * out the company-name bigrams nearly every entity holds (search-index.ts), as Neo4j's does.
   */
  async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    this.assertOpen();
    const query = searchQueryText(text);
    const searches = SEARCH_INDEX.properties.map((property) =>
      this.db.textSearch(SEARCH_INDEX.label, property, query, limit).catch((error: unknown) => {
        throw engineError(error);
      }),
    );
    const best = new Map<number, number>();
    for (const results of await this.withTimeout(Promise.all(searches), options)) {
      for (const [nodeId, score] of results) best.set(nodeId!, Math.max(best.get(nodeId!) ?? 0, score!));
    }
    const hits: SearchHit[] = [];
    for (const [nodeId, score] of best) {
      const node = this.db.getNode(nodeId);
      const id = node?.get('id');
      if (typeof id !== 'string') continue;
      const nameKeys = node!.get('nameKeys');
      hits.push({
        id,
        score,
        kind: String(node!.get('kind')),
        name: String(node!.get('name')),
        nameKeys: Array.isArray(nameKeys) ? nameKeys.map(String) : null,
      });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  serverInfo(): Promise<ServerInfo> {
    if (this.closed) return Promise.reject(closedError());
    const version = this.db.version();
    return Promise.resolve({ engine: this.engine, version, agent: `grafeo ${version}` });
  }

  async health(options?: QueryOptions): Promise<StoreHealth> {
    const started = performance.now();
    try {
      await this.read('RETURN 1 AS ok', {}, { timeoutMs: options?.timeoutMs ?? HEALTH_TIMEOUT_MS });
      const { agent } = await this.serverInfo();
      return { engine: this.engine, ok: true, version: agent, latencyMs: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { engine: this.engine, ok: false, latencyMs: performance.now() - started, error: message };
    }
  }

  close(): Promise<void> {
    if (!this.closed) this.db.close();
    this.closed = true;
    return Promise.resolve();
  }

  private begin(): Transaction {
    this.assertOpen();
    return this.db.beginTransaction();
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }

  /** Neo4j DDL in Grafeo terms: a unique constraint also needs an explicit index on its key for MERGE. */
  private async applySchema(statement: string): Promise<void> {
    const unique = UNIQUE_CONSTRAINT.exec(statement);
    if (unique) {
      const [, name, , , label, property] = unique;
      await this.db.executeCypher(statement);
      await this.db.executeCypher(
        `CREATE INDEX ${name ?? `${label}_${property}`}_key IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
      );
      return;
    }
    const fulltext = FULLTEXT_INDEX.exec(statement);
    if (fulltext) {
      const [, name, , variable, label, list] = fulltext;
      const properties = list!.split(',').map((p) => p.trim().replace(new RegExp(`^${variable}\\.`), ''));
      // searchEntities reads the one index of search-index.ts; another would never be searched.
      if (name !== SEARCH_INDEX.name || label !== SEARCH_INDEX.label)
        throw new Error(
          `full-text index ${name} on :${label}: the API searches only ${SEARCH_INDEX.name} (src/store/search-index.ts)`,
        );
      for (const property of properties) {
        try {
          await this.db.createTextIndex(label, property, { tokenizer: 'cjk_bigram', stopWords: [] });
        } catch (error) {
          // Reopening a database on disk finds its text indexes already there.
          if (!/exist/i.test(String(error))) throw error;
        }
      }
      return;
    }
    await this.db.executeCypher(statement.replace(TYPED_INDEX, 'CREATE INDEX'));
  }

  private withTimeout<T>(work: Promise<T>, options?: QueryOptions): Promise<T> {
    const ms = options?.timeoutMs ?? this.options.timeoutMs;
    return within(work, ms, () => new QueryTimeoutError(`query exceeded the ${ms} ms time limit`));
  }
}

/** Engine errors as typed errors: a query the engine refused is StoreQueryError (detail and GQLSTATUS kept for the log). */
function engineError(error: unknown): Error {
  if (error instanceof QueryTimeoutError || error instanceof StoreUnavailableError) return error;
  const status = (error as { gqlStatus?: string }).gqlStatus;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreQueryError(status ? `${message} (GQLSTATUS ${status})` : message, { cause: error });
}

const closedError = () => new StoreUnavailableError('the embedded store is closed');

function wroteAnything(c: {
  nodesCreated: number;
  nodesDeleted: number;
  edgesCreated: number;
  edgesDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
}): boolean {
  return (
    c.nodesCreated +
      c.nodesDeleted +
      c.edgesCreated +
      c.edgesDeleted +
      c.propertiesSet +
      c.labelsAdded +
      c.labelsRemoved >
    0
  );
}
