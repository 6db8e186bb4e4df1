/**
 * What the API may ask of a store, per process: a GraphStore decorator, engine-independent,
 * that wraps the configured adapter.
 *
 * - Circuit breaker (circuit-breaker.ts): once the store is known to be unreachable, calls answer
 *   StoreUnavailableError at once, and a background probe closes the circuit when it is back.
 * - Concurrency limit (concurrency-limit.ts): at most `maxConcurrency` store calls at once; the
 *   rest wait, up to `queueWaitMs` and never past their own budget, then get OverloadedError.
 * - Budget: every call ends within its time (QueryOptions.timeoutMs), even if an adapter overran
 *   it; the slot is given back then.
 *
 * Seeding (runScripts) passes straight through (StoreDecorator): it is the operator's, not a request's.
 */
import { OverloadedError, QueryTimeoutError, StoreUnavailableError } from '../errors.js';
import { CircuitBreaker, type CircuitChange, type CircuitState } from './circuit-breaker.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { within } from './deadline.js';
import type { GraphStore, Params, QueryOptions, Row, SearchHit, StoreHealth } from './graph-store.js';
import { StoreDecorator } from './store-decorator.js';

export interface StoreGuardOptions {
  /** Store calls running at once, per process. */
  maxConcurrency: number;
  /** Calls waiting for a slot; beyond this they are refused at once (default: 16 × maxConcurrency). */
  maxQueue?: number;
  /** Longest wait for a slot before OVERLOADED. */
  queueWaitMs: number;
  /** Consecutive unreachable-store failures that open the circuit. */
  breakerThreshold: number;
  /** Pause between background probes while the circuit is open. */
  probeIntervalMs: number;
}

/** The defaults; src/config.ts reads the same numbers for its environment variables. */
export const STORE_GUARD_DEFAULTS: StoreGuardOptions = {
  maxConcurrency: 16,
  queueWaitMs: 2_000,
  breakerThreshold: 3,
  probeIntervalMs: 1_000,
};

/** How long one probe (or a /ready check) may take. */
const PROBE_TIMEOUT_MS = 2_000;
/** How far past its budget an adapter may run before the guard answers for it. */
const OVERRUN_GRACE_MS = 250;

export interface GuardState {
  circuit: CircuitState;
  /** ISO time the circuit opened, while open. */
  openSince?: string;
  active: number;
  queued: number;
}

export class GuardedStore extends StoreDecorator {
  readonly options: StoreGuardOptions;
  private readonly breaker: CircuitBreaker;
  private readonly limit: ConcurrencyLimit;

  constructor(
    inner: GraphStore,
    options: Partial<StoreGuardOptions> = {},
    onCircuitChange?: (change: CircuitChange) => void,
  ) {
    super(inner);
    this.options = { ...STORE_GUARD_DEFAULTS, ...options };
    this.limit = new ConcurrencyLimit(this.options.maxConcurrency, this.maxQueue);
    this.breaker = new CircuitBreaker({
      threshold: this.options.breakerThreshold,
      probeIntervalMs: this.options.probeIntervalMs,
      probe: async () => (await this.inner.health({ timeoutMs: PROBE_TIMEOUT_MS })).ok,
      onChange: onCircuitChange,
    });
  }

  private get maxQueue(): number {
    return this.options.maxQueue ?? 16 * this.options.maxConcurrency;
  }

  get state(): GuardState {
    const since = this.breaker.openSince;
    return {
      circuit: this.breaker.state,
      ...(since !== undefined ? { openSince: new Date(since).toISOString() } : {}),
      active: this.limit.active,
      queued: this.limit.queued,
    };
  }

  /** Seconds a client should wait before trying again after this error code. */
  retryAfterSeconds(code: 'OVERLOADED' | 'SERVICE_UNAVAILABLE'): number {
    const ms = code === 'OVERLOADED' ? this.options.queueWaitMs : this.options.probeIntervalMs;
    return Math.max(1, Math.ceil(ms / 1000));
  }

  override read<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.guarded((o) => this.inner.read<T>(cypher, params, o), options);
  }

  override write<T = Row>(cypher: string, params?: Params, options?: QueryOptions): Promise<T[]> {
    return this.guarded((o) => this.inner.write<T>(cypher, params, o), options);
  }

  override searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    return this.guarded((o) => this.inner.searchEntities(text, limit, o), options);
  }

  /** At once while the circuit is open; otherwise the store's own check, which also feeds the breaker. */
  override async health(options?: QueryOptions): Promise<StoreHealth> {
    if (this.breaker.isOpen)
      return { engine: this.engine, ok: false, latencyMs: 0, error: 'circuit open: the store was unreachable' };
    const timeoutMs = Math.min(options?.timeoutMs ?? PROBE_TIMEOUT_MS, PROBE_TIMEOUT_MS);
    const health = await within(
      this.inner.health({ timeoutMs }),
      timeoutMs + OVERRUN_GRACE_MS,
      () => new Error(`no answer within ${timeoutMs} ms`),
    ).catch((error: Error) => ({ engine: this.engine, ok: false, latencyMs: timeoutMs, error: error.message }));
    if (health.ok) this.breaker.recordSuccess();
    else this.breaker.recordFailure(health.error ?? 'health check failed');
    return health;
  }

  /** Stops the circuit's background probe (server shutdown). */
  stopProbing(): void {
    this.breaker.stop();
  }

  override async close(): Promise<void> {
    this.stopProbing();
    await this.inner.close();
  }

  private async guarded<T>(call: (options: QueryOptions) => Promise<T>, options?: QueryOptions): Promise<T> {
    if (this.breaker.isOpen) throw this.unavailable();
    const budget = options?.timeoutMs;
    const started = Date.now();
    const waits = this.limit.active >= this.options.maxConcurrency;
    const release = await this.limit.acquire(Math.min(this.options.queueWaitMs, budget ?? Infinity), (reason) =>
      reason === 'waited' && budget !== undefined && budget <= this.options.queueWaitMs
        ? new QueryTimeoutError(`the request ran out of its ${budget} ms waiting for the store`)
        : new OverloadedError(
            reason === 'queue full'
              ? `the server is overloaded (${this.maxQueue} store calls already waiting); try again shortly`
              : `the server is overloaded (no store slot within ${this.options.queueWaitMs} ms); try again shortly`,
            this.retryAfterSeconds('OVERLOADED'),
          ),
    );
    try {
      // The circuit may have opened while this call waited; or be about to: a call let in by a
      // failing one (when the store cannot be reached, all the calls in flight fail together, a
      // moment before the circuit opens) would spend its own connect timeout finding the same.
      if (this.breaker.isOpen || (waits && this.breaker.failing)) throw this.unavailable();
      const left = budget === undefined ? undefined : budget - (Date.now() - started);
      if (left !== undefined && left <= 0)
        throw new QueryTimeoutError(`the request ran out of its ${budget} ms waiting for the store`);
      const work = call(left === undefined ? {} : { timeoutMs: left });
      const result =
        left === undefined
          ? await work
          : await within(
              work,
              left + OVERRUN_GRACE_MS,
              () => new QueryTimeoutError(`query exceeded the ${budget} ms time limit`),
            );
      this.breaker.recordSuccess();
      return result;
    } catch (error) {
      // Only "cannot reach the store" counts against it: a timeout is a slow query, and any
      // other error (a Cypher error, a constraint) is an answer from a store that is there.
      if (error instanceof StoreUnavailableError) this.breaker.recordFailure(error.message);
      else if (!(error instanceof QueryTimeoutError)) this.breaker.recordSuccess();
      throw error;
    } finally {
      release();
    }
  }

  private unavailable(): StoreUnavailableError {
    return new StoreUnavailableError('the graph store is unavailable (circuit open); a background probe checks it');
  }
}
