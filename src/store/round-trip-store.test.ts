import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrafeoStore } from './grafeo-store.js';
import { RoundTripStore } from './round-trip-store.js';
import { searchIndexStatement } from './search-index.js';

describe('RoundTripStore', () => {
  const store = new RoundTripStore(GrafeoStore.open({ timeoutMs: 10_000 }));
  beforeAll(() => store.runScripts([{ source: 'search index', text: searchIndexStatement() }]));
  afterAll(() => store.close());

  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };

  it('holds each call for its delay, one after another, and passes the answer through', async () => {
    store.delayMs = 40;
    // Three sequential calls: three round trips (a lower bound only; a busy machine adds to it).
    const ms = await timed(async () => {
      expect(await store.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      await store.write('CREATE (:RoundTripProbe)');
      expect(await store.searchEntities('测试', 5)).toEqual([]);
    });
    expect(ms).toBeGreaterThanOrEqual(3 * 40 - 5);
  });

  it('calls made side by side wait side by side: one round trip', async () => {
    store.delayMs = 200;
    const ms = await timed(() => Promise.all([store.read('RETURN 1 AS one'), store.read('RETURN 2 AS two')]));
    expect(ms).toBeGreaterThanOrEqual(195);
    expect(ms).toBeLessThan(2 * 200);
  });

  it('with no delay passes calls straight through', async () => {
    store.delayMs = 0;
    expect(await timed(() => store.read('RETURN 1 AS one'))).toBeLessThan(40);
  });
});
