/**
 * Fault injection for tests and `npm run load -- --fault`: a GraphStore decorator around a REAL
 * store (the embedded engine seeded from cypher/). Every call goes to that store, except the calls
 * a fault is set for, which fail the way a real engine or driver can:
 *
 * - `throw`: an engine error (a bug of ours, as far as the API can tell);
 * - `hang`: never answers (a frozen server), until the fault is cleared;
 * - `slow`: answers late, taking `ms` of the call's budget first (an overloaded server);
 * - `unreachable`: StoreUnavailableError, and health checks fail too (an outage);
 * - `stray-rejection`: answers, and leaves behind a rejected promise nobody awaits (a driver bug);
 * - `throw-in-callback`: answers, and a timer callback throws afterwards (a native or stream bug).
 *
 * `at` picks the calls: by Cypher text (for instance the queries DataLoader batches run), by
 * method, or by call number.
 */
import { StoreUnavailableError } from '../../src/errors.js';
import type { Params, QueryOptions, Row, SearchHit, StoreHealth } from '../../src/store/graph-store.js';
import { StoreDecorator } from '../../src/store/store-decorator.js';

export type Fault =
  | { kind: 'throw'; message?: string }
  | { kind: 'hang' }
  | { kind: 'slow'; ms: number }
  | { kind: 'unreachable' }
  | { kind: 'stray-rejection' }
  | { kind: 'throw-in-callback' };

export interface StoreCall {
  method: 'read' | 'write' | 'searchEntities';
  cypher?: string;
  /** 1-based number of this call since the store was made. */
  n: number;
}

export class FaultyStore extends StoreDecorator {
  private fault: Fault | null = null;
  private at: (call: StoreCall) => boolean = () => true;
  private released: Array<() => void> = [];
  /** Calls the fault was applied to. */
  faulted = 0;
  private calls = 0;

  /** Sets the fault for the calls `at` picks (default: every call). */
  inject(fault: Fault, at: (call: StoreCall) => boolean = () => true): void {
    this.fault = fault;
    this.at = at;
  }

  /** Back to normal; hung calls end (with an error nobody is waiting for any more). */
  clear(): void {
    this.fault = null;
    for (const release of this.released.splice(0)) release();
  }

  override read<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.call({ method: 'read', cypher }, options, (o) => this.inner.read<T>(cypher, params, o));
  }

  override write<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.call({ method: 'write', cypher }, options, (o) => this.inner.write<T>(cypher, params, o));
  }

  override searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    return this.call({ method: 'searchEntities' }, options, (o) => this.inner.searchEntities(text, limit, o));
  }

  override async health(options?: QueryOptions): Promise<StoreHealth> {
    if (this.fault?.kind === 'unreachable')
      return { engine: this.engine, ok: false, latencyMs: 0, error: 'injected outage' };
    return this.inner.health(options);
  }

  override close(): Promise<void> {
    this.clear();
    return this.inner.close();
  }

  private async call<T>(
    call: Omit<StoreCall, 'n'>,
    options: QueryOptions | undefined,
    run: (options?: QueryOptions) => Promise<T>,
  ): Promise<T> {
    const n = ++this.calls;
    const fault = this.fault;
    if (!fault || !this.at({ ...call, n })) return run(options);
    this.faulted++;
    switch (fault.kind) {
      case 'throw':
        throw new Error(fault.message ?? 'injected engine error');
      case 'unreachable':
        throw new StoreUnavailableError('injected outage: the store cannot be reached');
      case 'hang':
        return new Promise<T>((_, reject) => this.released.push(() => reject(new Error('hung call released'))));
      case 'slow': {
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        const left = options?.timeoutMs === undefined ? undefined : options.timeoutMs - fault.ms;
        return run(left === undefined ? options : { ...options, timeoutMs: left });
      }
      case 'stray-rejection': {
        void Promise.reject(new Error('injected stray rejection'));
        return run(options);
      }
      case 'throw-in-callback': {
        setTimeout(() => {
          throw new Error('injected exception in a callback');
        }, 1);
        return run(options);
      }
    }
  }
}
