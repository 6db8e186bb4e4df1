/**
 * npm run seed [-- --dry-run] [-- --reset [--yes]]
 * Applies cypher/*.cypher to the configured store (Neo4j when NEO4J_URI is set) with progress,
 * then verifies node and relationship counts against cypher/manifest.json.
 *   --dry-run  print what would run, touch nothing (no connection)
 *   --reset    first delete ChainAtlas's nodes (label :Entity) and only those; asks on a
 *              terminal, and without a terminal (CI) refuses unless --yes is given too
 */
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { readManifest, readSeedScripts } from '../seeding/seed-files.js';
import { seedGraph } from '../seeding/seed-graph.js';
import { splitCypherScript } from '../store/cypher-script.js';
import { StoreUnavailableError, UsageError } from '../errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore } from '../store/open-store.js';
import { runCli } from './run-cli.js';

const args = new Set(process.argv.slice(2));
const known = new Set(['--dry-run', '--reset', '--yes']);

await runCli(async () => {
  for (const a of args)
    if (!known.has(a)) throw new UsageError(`unknown option ${a} (known: ${[...known].join(', ')})`);
  const config = loadConfig();
  const target =
    config.store.engine === 'neo4j'
      ? `Neo4j ${config.store.uri} (database ${config.store.database})`
      : 'the embedded engine';
  const scripts = await readSeedScripts(config.cypherDir);

  if (args.has('--dry-run')) {
    console.log(`dry run: would seed ${target} from ${config.cypherDir}/`);
    if (args.has('--reset')) console.log('  first: delete every ChainAtlas node (:Entity), a thousand per transaction');
    for (const s of scripts) {
      const st = splitCypherScript(s.text);
      console.log(
        `  ${s.source}: ${st.filter((x) => x.kind === 'schema').length} schema, ${st.filter((x) => x.kind === 'data').length} data statements`,
      );
    }
    const manifest = await readManifest(config.cypherDir);
    if (manifest)
      console.log(`  expected: ${JSON.stringify(manifest.nodes)} ${JSON.stringify(manifest.relationships)}`);
    return;
  }

  if (config.store.engine === 'grafeo' && !config.store.path) {
    console.log(
      'note: the embedded engine is in memory (GRAPH_PATH unset), so this run checks the seeds and keeps nothing; npm start seeds itself',
    );
  }
  const store = await openStore(config.store);
  try {
    await checkServer(store);
    if (args.has('--reset')) await reset(store, target);
    const report = await seedGraph(store, config.cypherDir, (line) => console.log(line));
    console.log('nodes per label:');
    for (const [label, n] of Object.entries(report.counts.nodes)) console.log(`  ${label.padEnd(14)} ${n}`);
    console.log('relationships per type:');
    for (const [type, n] of Object.entries(report.counts.relationships)) console.log(`  ${type.padEnd(16)} ${n}`);
    console.log(
      `by basis: nodes ${JSON.stringify(report.basis.nodes)}, fact relationships ${JSON.stringify(report.basis.relationships)}`,
    );
    if (report.mismatches.length)
      throw new Error(
        `verification failed, the graph differs from ${config.cypherDir}/manifest.json:\n  ${report.mismatches.join('\n  ')}`,
      );
    console.log(`verified against ${config.cypherDir}/manifest.json; seeded in ${(report.ms / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
});

/**
 * Reachable, authenticated and (for Neo4j) version 5 or newer, or one clear line saying which is
 * not: the store's serverInfo throws StoreUnavailableError naming the credentials or the address.
 */
async function checkServer(store: GraphStore): Promise<void> {
  const { engine, version, agent } = await store.serverInfo();
  const major = Number(/^(\d+)\./.exec(version)?.[1] ?? NaN);
  if (engine === 'neo4j' && !(major >= 5))
    throw new StoreUnavailableError(`ChainAtlas needs Neo4j 5 or newer; the server is ${agent}`);
  console.log(`connected to ${agent}`);
}

async function reset(store: GraphStore, target: string): Promise<void> {
  if (!args.has('--yes')) {
    if (!process.stdin.isTTY)
      throw new UsageError('--reset deletes every ChainAtlas node; without a terminal it needs --yes as well');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Delete every ChainAtlas node (:Entity) in ${target}? Type "reset" to confirm: `);
    rl.close();
    if (answer.trim() !== 'reset') throw new UsageError('reset not confirmed; nothing was changed');
  }
  // In batches: one transaction for a large graph exceeds the memory of a small Neo4j server.
  const deleted = await store.deleteEntities();
  console.log(`reset: deleted ${deleted} ChainAtlas nodes in ${target}`);
}
