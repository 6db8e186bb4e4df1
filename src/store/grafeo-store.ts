/**
 * Embedded engine: @grafeo-db/js, in memory or on disk (GRAPH_PATH). Runs the same Cypher as
 * Neo4j; this adapter translates the few DDL forms Grafeo spells differently. Grafeo has no time
 * limit of its own: the adapter answers QueryTimeoutError when a call's time is up (the engine
 * finishes the statement in the background and it is rolled back), and StoreUnavailableError
 * once the store is closed.
 */
import { existsSync } from 'node:fs';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as GrafeoDatabase, Transaction } from '@grafeo-db/js';
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
import { QueryTimeoutError, StoreUnavailableError } from '../errors.js';
import { within } from './deadline.js';
import { toPlain } from './plain-values.js';

const { GrafeoDB } = grafeo;

const UNIQUE_CONSTRAINT =
  /^CREATE\s+CONSTRAINT\s+(\w+)?\s*(IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*REQUIRE\s+\3\.(\w+)\s+IS\s+UNIQUE$/i;
const FULLTEXT_INDEX =
  /^CREATE\s+FULLTEXT\s+INDEX\s+(\w+)\s+(IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*ON\s+EACH\s*\[([^\]]+)\]/i;
const TYPED_INDEX = /^CREATE\s+(RANGE|TEXT)\s+INDEX/i;
/** How long health() waits for `RETURN 1` unless told otherwise. */
const HEALTH_TIMEOUT_MS = 2_000;

export interface GrafeoStoreOptions {
  path?: string;
  timeoutMs: number;
}

export class GrafeoStore implements GraphStore {
  readonly engine = 'grafeo' as const;
  /** Text indexes created through `CREATE FULLTEXT INDEX`: label and properties to search. */
  private readonly textIndexes = new Map<string, { label: string; properties: string[] }>();
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
    this.assertOpen();
    const tx: Transaction = this.db.beginTransaction();
    const work = tx.executeCypher(cypher, params);
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

  runScripts(
    scripts: Array<{ source: string; text: string }>,
    onProgress?: (progress: ScriptProgress) => void,
  ): Promise<ScriptResult> {
    return applyScripts(
      {
        applySchema: (statement) => this.applySchema(statement),
        inWriteTransaction: async (work) => {
          const tx: Transaction = this.db.beginTransaction();
          try {
            await work(async (statement) => void (await tx.executeCypher(statement)));
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

  async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    this.assertOpen();
    const searches: Array<Promise<number[][]>> = [];
    for (const { label, properties } of this.textIndexes.values())
      for (const property of properties) searches.push(this.db.textSearch(label, property, text, limit));
    const best = new Map<number, number>();
    for (const results of await this.withTimeout(Promise.all(searches), options)) {
      for (const [nodeId, score] of results) best.set(nodeId!, Math.max(best.get(nodeId!) ?? 0, score!));
    }
    const hits: SearchHit[] = [];
    for (const [nodeId, score] of best) {
      const id = this.db.getNode(nodeId)?.get('id');
      if (typeof id === 'string') hits.push({ id, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  async health(options?: QueryOptions): Promise<StoreHealth> {
    const started = performance.now();
    try {
      await this.read('RETURN 1 AS ok', {}, { timeoutMs: options?.timeoutMs ?? HEALTH_TIMEOUT_MS });
      return {
        engine: this.engine,
        ok: true,
        version: `grafeo ${this.db.version()}`,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { engine: this.engine, ok: false, latencyMs: performance.now() - started, error: message };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
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
      for (const property of properties) {
        try {
          await this.db.createTextIndex(label!, property, { tokenizer: 'cjk_bigram', stopWords: [] });
        } catch (error) {
          // Reopening a database on disk finds its text indexes already there.
          if (!/exist/i.test(String(error))) throw error;
        }
      }
      this.textIndexes.set(name!, { label: label!, properties });
      return;
    }
    await this.db.executeCypher(statement.replace(TYPED_INDEX, 'CREATE INDEX'));
  }

  private withTimeout<T>(work: Promise<T>, options?: QueryOptions): Promise<T> {
    const ms = options?.timeoutMs ?? this.options.timeoutMs;
    return within(work, ms, () => new QueryTimeoutError(`query exceeded the ${ms} ms time limit`));
  }
}

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
