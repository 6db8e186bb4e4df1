/**
 * A call's answer within its time, whatever the engine does: the adapters and the guard race the
 * engine's promise against a timer. The engine's promise is left behind when the timer wins, so
 * it gets a handler here: its later rejection has no one waiting for it and must not become an
 * unhandled rejection (which, by default, ends a Node process).
 */
export function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
