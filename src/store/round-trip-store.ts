/**
 * A GraphStore decorator that holds every query, write and search for a fixed time before it
 * reaches the store, as the network to a remote Neo4j does (about 1.6 ms for a managed
 * transaction on loopback, 1–20 ms to another host or Aura). The embedded engine answers
 * in-process, where a request's sequential store calls cost almost nothing more than their
 * queries; with this decorator the benchmark shows what they would cost over a network
 * (bench/run-bench.ts, --round-trip-ms).
 */
import type { Params, QueryOptions, Row, SearchHit } from './graph-store.js';
import { sleep } from './deadline.js';
import { StoreDecorator } from './store-decorator.js';

export class RoundTripStore extends StoreDecorator {
  /** The time each call waits, in ms; 0 passes calls straight through. */
  delayMs = 0;

  override async read<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    await this.roundTrip();
    return this.inner.read<T>(cypher, params, options);
  }

  override async write<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    await this.roundTrip();
    return this.inner.write<T>(cypher, params, options);
  }

  override async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    await this.roundTrip();
    return this.inner.searchEntities(text, limit, options);
  }

  private roundTrip(): Promise<void> {
    return this.delayMs > 0 ? sleep(this.delayMs) : Promise.resolve();
  }
}
