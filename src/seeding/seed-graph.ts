/**
 * Applies the seed files to a store and checks the result against the builder's manifest.
 * All data statements run in one write transaction (see GraphStore.runScripts), so a bad
 * file leaves the graph as it was; MERGE on stable ids makes a second run change nothing.
 */
import type { GraphStore } from '../store/graph-store.js';
import { countGraph, type GraphCounts } from '../store/graph-counts.js';
import { readManifest, readSeedScripts } from './seed-files.js';

export interface SeedReport {
  files: string[];
  statements: number;
  counts: GraphCounts;
  /** Nodes and fact relationships per basis, as the store holds them. */
  basis: { nodes: Record<string, number>; relationships: Record<string, number> };
  /** Labels or types whose count differs from the manifest; empty when it matches. */
  mismatches: string[];
  ms: number;
}

export async function seedGraph(
  store: GraphStore,
  cypherDir: string,
  log: (line: string) => void = () => {},
): Promise<SeedReport> {
  const started = performance.now();
  const scripts = await readSeedScripts(cypherDir);
  log(`seeding ${store.engine} from ${scripts.length} files in ${cypherDir}`);
  const { statements } = await store.runScripts(scripts, ({ source, done, total }) =>
    log(`  ${source}: ${done}/${total} statements`),
  );
  log(`applied ${statements} statements`);
  const counts = await countGraph(store);
  const basis = await countByBasis(store);
  const manifest = await readManifest(cypherDir);
  const mismatches: string[] = [];
  if (manifest) {
    for (const [label, n] of Object.entries(manifest.nodes)) {
      if (counts.nodes[label] !== n)
        mismatches.push(`:${label} nodes: expected ${n}, found ${counts.nodes[label] ?? 0}`);
    }
    for (const [type, n] of Object.entries(manifest.relationships)) {
      if (counts.relationships[type] !== n)
        mismatches.push(`[:${type}] relationships: expected ${n}, found ${counts.relationships[type] ?? 0}`);
    }
    for (const what of ['nodes', 'relationships'] as const) {
      for (const [b, n] of Object.entries(manifest.basis?.[what] ?? {})) {
        if (basis[what][b] !== n)
          mismatches.push(`${what} with basis ${b}: expected ${n}, found ${basis[what][b] ?? 0}`);
      }
    }
  }
  return {
    files: scripts.map((s) => s.source),
    statements,
    counts,
    basis,
    mismatches,
    ms: performance.now() - started,
  };
}

const NODES_BY_BASIS = 'MATCH (n:Entity) WHERE n.basis IS NOT NULL RETURN n.basis AS basis, count(*) AS count';
const FACTS_BY_BASIS = 'MATCH ()-[r]->() WHERE r.basis IS NOT NULL RETURN r.basis AS basis, count(*) AS count';

async function countByBasis(store: GraphStore): Promise<SeedReport['basis']> {
  const [nodes, rels] = await Promise.all([
    store.read<{ basis: string; count: number }>(NODES_BY_BASIS),
    store.read<{ basis: string; count: number }>(FACTS_BY_BASIS),
  ]);
  const byBasis = (rows: Array<{ basis: string; count: number }>) =>
    Object.fromEntries(rows.map((r): [string, number] => [r.basis, r.count]).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { nodes: byBasis(nodes), relationships: byBasis(rels) };
}

/**
 * Everything ChainAtlas writes carries :Entity, or :Statistic (the seed's fan-out statistics,
 * cypher/950_derived.cypher); other data in the database is left alone.
 */
export const RESET_GRAPH = 'MATCH (n) WHERE n:Entity OR n:Statistic DETACH DELETE n';
