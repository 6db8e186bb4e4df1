/**
 * Base of the GraphStore decorators (the API's guard, the benchmark's recorder, the tests' fault
 * injector): forwards every call to the store it wraps, so a decorator overrides only what it
 * changes.
 */
import type {
  Engine,
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

export class StoreDecorator implements GraphStore {
  constructor(readonly inner: GraphStore) {}

  get engine(): Engine {
    return this.inner.engine;
  }

  read<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.inner.read<T>(cypher, params, options);
  }

  write<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.inner.write<T>(cypher, params, options);
  }

  runScripts(
    scripts: Array<{ source: string; text: string }>,
    onProgress?: (progress: ScriptProgress) => void,
  ): Promise<ScriptResult> {
    return this.inner.runScripts(scripts, onProgress);
  }

  deleteEntities(options?: QueryOptions): Promise<number> {
    return this.inner.deleteEntities(options);
  }

  searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    return this.inner.searchEntities(text, limit, options);
  }

  serverInfo(): Promise<ServerInfo> {
    return this.inner.serverInfo();
  }

  health(options?: QueryOptions): Promise<StoreHealth> {
    return this.inner.health(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
