/**
 * At most `max` calls at once; later ones wait in a FIFO queue of at most `maxQueue`, each for at
 * most the wait it asks for. A full queue or a wait that runs out is refused at once with the
 * caller's error, so overload shows up as fast, clear refusals instead of a growing pile of work
 * the engine cannot finish in time.
 */

interface Waiter {
  grant: () => void;
}

export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly max: number,
    readonly maxQueue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.queue.length;
  }

  /**
   * Resolves with `release` (call it exactly once; later calls do nothing) when a slot is free;
   * rejects with `refuse()` when the queue is full or no slot frees up within `waitMs`.
   */
  acquire(waitMs: number, refuse: (reason: 'queue full' | 'waited') => Error): Promise<() => void> {
    if (this.running < this.max) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.maxQueue || waitMs <= 0)
      return Promise.reject(refuse(waitMs <= 0 ? 'waited' : 'queue full'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(refuse('waited'));
      }, waitMs);
      this.queue.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; `running` stays the same.
      if (next) next.grant();
      else this.running--;
    };
  }
}
