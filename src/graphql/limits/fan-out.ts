/**
 * The graph's own fan-out, as the seed computed it (the :Statistic nodes of
 * cypher/950_derived.cypher; src/knowledge/derived-properties.ts): for each relationship type,
 * direction and pair of kinds, the p99 of the degrees of the nodes that have such relationships;
 * and how many nodes each kind has. The cost limit estimates what a request returns from these,
 * so a nested question on a graph whose real fan-out is small is answered, and one that would
 * return millions of rows is refused before it runs. Read from the store the server runs on
 * (Neo4j, the embedded engine, a benchmark's synthetic graph: each holds its own), refreshed in
 * the background; until the first read succeeds the limit falls back to the page sizes.
 */
import type { Logger } from 'pino';
import { NODE_LABELS } from '../../knowledge/seed-schema.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { Direction } from '../relation-model.js';

export const STATISTICS = `
MATCH (s:Statistic) WHERE s.statistic IN ['fan-out', 'size']
RETURN s.statistic AS statistic, s.type AS type, s.direction AS direction, s.near AS near, s.far AS far, s.p99 AS p99, s.kind AS kind, s.count AS count`;

interface StatisticRow {
  statistic: string;
  type?: string | null;
  direction?: string | null;
  near?: string | null;
  far?: string | null;
  p99?: number | null;
  kind?: string | null;
  count?: number | null;
}

/** How often the statistics are read again (a re-seeded Neo4j gets new ones). */
const REFRESH_MS = 60_000;
/** How long a failed first read waits before the next request tries again. */
const RETRY_MS = 5_000;

export class FanOut {
  /** p99 degree by `type direction near far`. */
  private p99 = new Map<string, number>();
  private sizes = new Map<string, number>();
  private loadedAt = 0;
  private failedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly log?: Logger) {}

  /** Whether statistics were read (else the cost limit falls back to page sizes). */
  get loaded(): boolean {
    return this.loadedAt > 0;
  }

  /**
   * Makes sure the statistics are there before a request is checked: the first time (or after a
   * failure, once RETRY_MS passed) it waits for them; later it refreshes them in the background.
   */
  async ready(store: GraphStore): Promise<void> {
    const now = Date.now();
    if (this.loaded) {
      if (now - this.loadedAt > REFRESH_MS && !this.loading) void this.read(store);
      return;
    }
    if (now - this.failedAt < RETRY_MS) return;
    await (this.loading ?? this.read(store));
  }

  private read(store: GraphStore): Promise<void> {
    this.loading = store
      .read<StatisticRow>(STATISTICS, {}, { timeoutMs: 2_000 })
      .then((rows) => {
        const p99 = new Map<string, number>();
        const sizes = new Map<string, number>();
        for (const r of rows) {
          if (r.statistic === 'fan-out' && r.type && r.direction && r.near && r.far && typeof r.p99 === 'number')
            p99.set(`${r.type} ${r.direction} ${r.near} ${r.far}`, r.p99);
          else if (r.statistic === 'size' && r.kind && typeof r.count === 'number') sizes.set(r.kind, r.count);
        }
        // A graph seeded before the statistics existed has none: keep falling back.
        if (sizes.size === 0) throw new Error('the store holds no :Statistic nodes (seeded by an older build?)');
        this.p99 = p99;
        this.sizes = sizes;
        this.loadedAt = Date.now();
      })
      .catch((error: unknown) => {
        this.failedAt = Date.now();
        this.log?.warn({ err: error }, 'fan-out statistics unavailable: the cost limit uses page sizes');
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** How many nodes of a kind the graph has, if known. */
  size(kind: string): number | undefined {
    return this.loaded ? (this.sizes.get(kind) ?? 0) : undefined;
  }

  /**
   * The most rows a relationship lookup returns for one node of `owner` (null: any kind) in the
   * graph's 99th percentile: the sum over its types, directions and the kinds at the other end.
   * Undefined until statistics are read.
   */
  perNode(
    owner: string | null,
    types: readonly string[],
    direction: Direction,
    far: readonly string[] | null,
  ): number | undefined {
    if (!this.loaded) return undefined;
    const owners = owner ? [owner] : NODE_LABELS;
    const directions = direction === 'BOTH' ? ['OUT', 'IN'] : [direction];
    const farKinds = far ?? NODE_LABELS;
    let most = 0;
    for (const near of owners) {
      let sum = 0;
      for (const type of types)
        for (const d of directions) for (const k of farKinds) sum += this.p99.get(`${type} ${d} ${near} ${k}`) ?? 0;
      most = Math.max(most, sum);
    }
    return most;
  }
}
