/**
 * A GraphStore decorator for the benchmark: passes every call through to the real store and, while
 * recording, keeps each call (method, exact Cypher and parameters, start and end time). The calls
 * one GraphQL request makes can then be replayed straight on the store, with the same concurrency
 * (calls that overlapped in the request run together), to time the raw Cypher behind it.
 */
import type { GraphStore, Params, QueryOptions, Row, SearchHit } from '../src/store/graph-store.js';
import { StoreDecorator } from '../src/store/store-decorator.js';

export type RecordedCall = (
  { method: 'read'; cypher: string; params: Params } | { method: 'searchEntities'; text: string; limit: number }
) & { start: number; end: number; error?: string };

export class RecordingStore extends StoreDecorator {
  private recording: RecordedCall[] | null = null;

  /** Starts keeping calls; stop() returns them in the order they started. */
  start(): void {
    this.recording = [];
  }

  stop(): RecordedCall[] {
    const calls = this.recording ?? [];
    this.recording = null;
    return calls.sort((a, b) => a.start - b.start);
  }

  override async read<T = Row>(cypher: string, params: Params = {}, options?: QueryOptions): Promise<T[]> {
    const log = this.recording;
    if (!log) return this.inner.read<T>(cypher, params, options);
    const call: RecordedCall = {
      method: 'read',
      cypher,
      params: structuredClone(params),
      start: performance.now(),
      end: 0,
    };
    log.push(call);
    try {
      return await this.inner.read<T>(cypher, params, options);
    } catch (error) {
      call.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      call.end = performance.now();
    }
  }

  override async searchEntities(text: string, limit: number, options?: QueryOptions): Promise<SearchHit[]> {
    const log = this.recording;
    if (!log) return this.inner.searchEntities(text, limit, options);
    const call: RecordedCall = { method: 'searchEntities', text, limit, start: performance.now(), end: 0 };
    log.push(call);
    try {
      return await this.inner.searchEntities(text, limit, options);
    } catch (error) {
      call.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      call.end = performance.now();
    }
  }
}

/**
 * Groups recorded calls into waves: a call that started before every earlier call of the current
 * wave had finished ran concurrently with it (Promise.all in a resolver, or DataLoader batches of
 * sibling fields), so it joins that wave; otherwise it starts the next one.
 */
export function toWaves(calls: RecordedCall[]): RecordedCall[][] {
  const waves: RecordedCall[][] = [];
  let current: RecordedCall[] = [];
  let waveEnd = -Infinity;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    if (current.length && call.start >= waveEnd) {
      waves.push(current);
      current = [];
      waveEnd = -Infinity;
    }
    current.push(call);
    waveEnd = Math.max(waveEnd, call.end);
  }
  if (current.length) waves.push(current);
  return waves;
}

/** Runs one recorded call on the store (no recording), returning how long it took in ms. */
export async function replayCall(store: GraphStore, call: RecordedCall): Promise<number> {
  const started = performance.now();
  if (call.method === 'read') await store.read(call.cypher, call.params);
  else await store.searchEntities(call.text, call.limit);
  return performance.now() - started;
}

/** Replays the waves of one request in order, each wave's calls together; returns per-call times and the total. */
export async function replayWaves(
  store: GraphStore,
  waves: RecordedCall[][],
): Promise<{ total: number; perCall: number[] }> {
  const started = performance.now();
  const perCall: number[] = [];
  for (const wave of waves) perCall.push(...(await Promise.all(wave.map((c) => replayCall(store, c)))));
  return { total: performance.now() - started, perCall };
}
