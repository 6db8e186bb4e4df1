/**
 * vitest globalSetup: the pages' bundles, built once before any test file runs (skipped when
 * they are up to date), so `npm test` on a fresh clone needs no separate build step.
 */
import { buildWebAssets } from '../../src/web/build-assets.js';

export default async function setup(): Promise<void> {
  const report = await buildWebAssets();
  if (report.built) console.log(`web assets built in ${(report.ms / 1000).toFixed(1)} s`);
}
