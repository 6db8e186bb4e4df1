/**
 * A small circuit breaker for the store. Closed: calls go through, and `threshold` consecutive
 * failures to reach the store open it. Open: calls are refused at once (no one waits on a dead
 * store), and a probe runs in the background every `probeIntervalMs`; the first probe that
 * succeeds closes it. There is no half-open state in which real requests are the probes: a user's
 * request is never the one that finds out whether the store is back.
 */

export type CircuitState = 'closed' | 'open';

export interface CircuitChange {
  state: CircuitState;
  /** What opened it (the last failure's message). */
  reason?: string;
  /** How long it was open, when it closes. */
  openMs?: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  threshold: number;
  /** Pause between probes while open. */
  probeIntervalMs: number;
  /** Resolves true when the store answers; never expected to reject (a rejection counts as false). */
  probe: () => Promise<boolean>;
  /** Called once per change of state (the place for the one log line). */
  onChange?: (change: CircuitChange) => void;
}

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    return this.current;
  }

  get isOpen(): boolean {
    return this.current === 'open';
  }

  /** Whether the last calls failed to reach the store (the circuit may be about to open). */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** When it opened (epoch ms), while open. */
  get openSince(): number | undefined {
    return this.isOpen ? this.openedAt : undefined;
  }

  /**
   * The store answered. While open this is ignored: a call that started before the circuit opened
   * and succeeds late says little about now; the probe decides.
   */
  recordSuccess(): void {
    if (!this.isOpen) this.failures = 0;
  }

  /** The store could not be reached. */
  recordFailure(reason: string): void {
    if (this.isOpen || this.stopped) return;
    if (++this.failures >= this.options.threshold) this.open(reason);
  }

  /** Stops probing (server shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private open(reason: string): void {
    this.current = 'open';
    this.openedAt = Date.now();
    this.options.onChange?.({ state: 'open', reason });
    this.scheduleProbe();
  }

  private close(): void {
    const openMs = Date.now() - this.openedAt;
    this.current = 'closed';
    this.failures = 0;
    this.options.onChange?.({ state: 'closed', openMs });
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    const probe = async () => {
      const answered = await this.options.probe().catch(() => false);
      if (this.stopped) return;
      if (answered) this.close();
      else this.scheduleProbe();
    };
    this.timer = setTimeout(() => void probe(), this.options.probeIntervalMs);
    // A pending probe never keeps the process alive on its own.
    this.timer.unref();
  }
}
