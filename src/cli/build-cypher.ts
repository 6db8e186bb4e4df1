/**
 * npm run build:cypher [-- --check] [-- --strict-coverage]
 * Builds cypher/ from seeds/ (validating every quote against the corpus); --check only reports
 * whether the committed files are up to date. Then prints the coverage lint (mentions of parks,
 * projects and policies in each document that are mapped to an entity, ignored, or uncovered);
 * --strict-coverage makes an uncovered mention fail the command.
 */
import { loadConfig } from '../config.js';
import { buildSeedFiles, staleFiles, writeBuild } from '../knowledge/build-seed-files.js';
import { coverageReport, formatCoverage } from '../knowledge/coverage.js';
import { SeedError } from '../errors.js';
import { runCli } from './run-cli.js';

await runCli(async () => {
  const config = loadConfig();
  const check = process.argv.includes('--check');
  const strictCoverage = process.argv.includes('--strict-coverage');
  const { knowledge, files, texts } = await buildSeedFiles('seeds', config.corpusDir);
  console.log(
    `seeds: ${knowledge.documents.length} documents, ${knowledge.entities.length} entities, ${knowledge.facts.length} facts, ` +
      `${knowledge.entities.reduce((n, e) => n + e.evidence.length, 0) + knowledge.facts.reduce((n, f) => n + f.evidence.length, 0)} evidence quotes`,
  );
  const manifest = JSON.parse(files.get('manifest.json')!) as { basis: Record<string, Record<string, number>> };
  console.log(
    `basis: nodes ${JSON.stringify(manifest.basis.nodes)}, facts ${JSON.stringify(manifest.basis.relationships)}`,
  );
  if (knowledge.unplaced.length) {
    console.log(
      `unplaced worklist (seeds/unplaced-worklist.yaml): ${knowledge.unplaced.length} park(s)/project(s) reach no city yet:`,
    );
    for (const u of knowledge.unplaced) console.log(`  ${u.doc} ${u.id} ${u.name}`);
  }
  if (knowledge.notes.length) {
    console.log(`notes (${knowledge.notes.length}), not failures:`);
    for (const note of knowledge.notes) console.log(`  ${note}`);
  }
  if (check) {
    const stale = await staleFiles(config.cypherDir, files);
    if (stale.length) throw new Error(`${config.cypherDir}/ is stale (${stale.join(', ')}): run npm run build:cypher`);
    console.log(`${config.cypherDir}/ is up to date`);
  } else {
    const changed = await writeBuild(config.cypherDir, files);
    console.log(changed.length ? `wrote ${changed.join(', ')}` : `${config.cypherDir}/ already up to date`);
  }

  const coverage = coverageReport(knowledge, texts);
  for (const line of formatCoverage(coverage)) console.log(line);
  if (strictCoverage && coverage.totals.uncovered > 0) {
    throw new SeedError([
      `${coverage.totals.uncovered} uncovered mention(s) (listed above); --strict-coverage requires none`,
    ]);
  }
});
