/**
 * seeds/*.yaml → cypher/: validate, compile and render everything in memory first; only a
 * fully valid build touches the directory, so a bad seed never leaves half-written files.
 */
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SEED_FILE } from '../seeding/seed-files.js';
import { compileKnowledge, type Knowledge } from './compile-knowledge.js';
import { Corpus } from './corpus.js';
import { bundle, writeSeedCypher } from './cypher-writer.js';
import { loadSeeds, loadWorklist, loadWorldKnowledge } from './load-seeds.js';
import type { SourceText } from '../text/source-text.js';

export const BUNDLE_FILE = 'all.cypher';
export const MANIFEST_FILE = 'manifest.json';

export interface BuildResult {
  knowledge: Knowledge;
  /** Every generated file (seed files, bundle, manifest) by name. */
  files: Map<string, string>;
  /** Each document's text (original and normalised) by document id, for the coverage lint. */
  texts: Map<string, SourceText>;
}

export async function buildSeedFiles(seedDir: string, corpusDir: string): Promise<BuildResult> {
  const corpus = new Corpus(corpusDir);
  const knowledge = await compileKnowledge(
    await loadSeeds(seedDir),
    corpus,
    await loadWorldKnowledge(seedDir),
    await loadWorklist(seedDir),
  );
  // Already read (and cached) by the compile step; this only collects them.
  const texts = new Map<string, SourceText>();
  for (const doc of knowledge.documents) texts.set(doc.id, await corpus.document(doc.file));
  const { files, manifest } = writeSeedCypher(knowledge);
  const all = new Map(files);
  all.set(BUNDLE_FILE, bundle(files));
  all.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return { knowledge, files: all, texts };
}

/** Names of files in `cypherDir` that differ from the build, are missing, or are left over. */
export async function staleFiles(cypherDir: string, files: Map<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, content] of files) {
    const current = await readFile(path.join(cypherDir, name), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(name);
  }
  for (const name of await readdir(cypherDir).catch(() => [] as string[])) {
    if (SEED_FILE.test(name) && !files.has(name)) stale.push(name);
  }
  return stale.sort();
}

export async function writeBuild(cypherDir: string, files: Map<string, string>): Promise<string[]> {
  const changed = await staleFiles(cypherDir, files);
  for (const name of changed) {
    const target = path.join(cypherDir, name);
    const content = files.get(name);
    if (content === undefined) {
      await rm(target);
      continue;
    }
    await writeFile(`${target}.tmp`, content);
    await rename(`${target}.tmp`, target);
  }
  return changed;
}
