/**
 * The seed files in `cypher/` and the order they apply in: `NNN_*.cypher`, sorted by name
 * (000_schema first, then one file per document). The bundle (all.cypher) and the query
 * library (queries/) are not seed files.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const SEED_FILE = /^\d{3}_[\w-]+\.cypher$/;

export interface SeedScript {
  source: string;
  text: string;
}

export async function readSeedScripts(cypherDir: string): Promise<SeedScript[]> {
  let names: string[];
  try {
    names = (await readdir(cypherDir)).filter((n) => SEED_FILE.test(n)).sort();
  } catch (error) {
    throw new Error(`cannot read seed directory ${cypherDir}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new Error(`no seed files (NNN_name.cypher) in ${cypherDir}; run npm run build:cypher`);
  return Promise.all(
    names.map(async (n) => ({
      source: path.join(cypherDir, n),
      text: await readFile(path.join(cypherDir, n), 'utf8'),
    })),
  );
}

/** What the builder declares the seeds hold, written beside them as manifest.json. */
export interface SeedManifest {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Nodes and fact relationships per basis (stated, inferred, world-knowledge). */
  basis?: { nodes: Record<string, number>; relationships: Record<string, number> };
}

export async function readManifest(cypherDir: string): Promise<SeedManifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(cypherDir, 'manifest.json'), 'utf8')) as SeedManifest;
  } catch {
    return undefined;
  }
}
