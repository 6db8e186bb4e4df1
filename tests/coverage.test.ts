/** The coverage lint of the real seeds against the real corpus (the rule on small texts: src/knowledge/coverage.test.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildSeedFiles } from '../src/knowledge/build-seed-files.js';
import { coverageReport, formatCoverage } from '../src/knowledge/coverage.js';

describe('coverage of the curated seeds against the corpus', () => {
  it('maps or ignores every park, project and policy mention in every document', async () => {
    const { corpusDir } = loadConfig();
    const { knowledge, texts } = await buildSeedFiles('seeds', corpusDir);
    const report = coverageReport(knowledge, texts);
    console.log(formatCoverage(report).join('\n'));
    for (const d of report.documents) {
      expect(d.mentions, `${d.docId} yields mentions`).toBeGreaterThan(0);
      for (const i of d.items) expect(texts.get(d.docId)!.original.slice(i.start, i.end)).toBe(i.original);
    }
    const uncovered = report.documents.flatMap((d) =>
      d.items.filter((i) => i.status === 'uncovered').map((i) => `${d.docId} [${i.start},${i.end}) ${i.text}`),
    );
    expect(uncovered).toEqual([]);
    const stale = report.documents.flatMap((d) => d.staleIgnores.map((e) => `${d.docId} ${e.text}`));
    expect(stale, 'ignore entries that decide no mention').toEqual([]);
  });
});
