/**
 * Reads and validates the curated seed files. Every problem is reported with the file, the
 * entry (index and id) and the field, and all problems are collected before failing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodIssue } from 'zod';
import { SeedFile, UnplacedWorklist, WorldKnowledgeFile, type SeedFile as Seed } from './seed-schema.js';

export interface LoadedSeed {
  file: string;
  seed: Seed;
}

export class SeedError extends Error {
  override name = 'SeedError';
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the seeds:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export async function loadSeeds(seedDir: string): Promise<LoadedSeed[]> {
  const names = (await readdir(seedDir)).filter((n) => /^\d{3}_[\w-]+\.ya?ml$/.test(n)).sort();
  const problems: string[] = [];
  const seeds: LoadedSeed[] = [];
  for (const name of names) {
    const file = path.join(seedDir, name);
    const parsed = parseSeedText(file, await readFile(file, 'utf8'));
    if ('problems' in parsed) problems.push(...parsed.problems);
    else seeds.push({ file, seed: parsed.seed });
  }
  if (problems.length) throw new SeedError(problems);
  return seeds;
}

export const WORLD_KNOWLEDGE_FILE = 'world-knowledge.yaml';

/** seeds/world-knowledge.yaml, if present: facts without document evidence, each with a reason. */
export async function loadWorldKnowledge(
  seedDir: string,
): Promise<{ file: string; facts: WorldKnowledgeFile['facts'] }> {
  const file = path.join(seedDir, WORLD_KNOWLEDGE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file, facts: [] };
  }
  const result = WorldKnowledgeFile.safeParse(parse(text));
  if (!result.success) {
    throw new SeedError(result.error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`));
  }
  return { file, facts: result.data.facts };
}

export const WORKLIST_FILE = 'unplaced-worklist.yaml';

/**
 * seeds/unplaced-worklist.yaml, if present: the parks and projects the placement check reports
 * instead of failing on. Absent or empty means fully strict.
 */
export async function loadWorklist(seedDir: string): Promise<{ file: string; entries: UnplacedWorklist['unplaced'] }> {
  const file = path.join(seedDir, WORKLIST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file, entries: [] };
  }
  const result = UnplacedWorklist.safeParse(parse(text) ?? {});
  if (!result.success) {
    throw new SeedError(result.error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`));
  }
  return { file, entries: result.data.unplaced };
}

export function parseSeedText(file: string, text: string): { seed: Seed } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { problems: [`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const result = SeedFile.safeParse(raw);
  if (result.success) return { seed: result.data };
  return { problems: result.error.issues.map((issue) => `${file}: ${describeEntry(raw, issue)}: ${issue.message}`) };
}

/** "entities[12] (park:foo) field props.parkType" from a zod issue path. */
function describeEntry(raw: unknown, issue: ZodIssue): string {
  const [section, index, ...field] = issue.path;
  if (typeof index !== 'number') return issue.path.join('.') || '(file)';
  const entry = (raw as Record<string, unknown[]>)[section as string]?.[index] as Record<string, unknown> | undefined;
  const label = entry?.id ?? (entry?.s ? `${entry.s} ${entry.p} ${entry.o}` : undefined);
  return `${String(section)}[${index}]${label ? ` (${String(label)})` : ''}${field.length ? ` field ${field.join('.')}` : ''}`;
}
