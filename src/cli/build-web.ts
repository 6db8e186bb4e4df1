/**
 * npm run build:web: bundles the home page's, the IDE's and the explorer's scripts and styles
 * into dist/web-assets/ (skipped while their inputs are unchanged; `--force` rebuilds).
 */
import { parseArgs } from 'node:util';
import { buildWebAssets } from '../web/build-assets.js';
import { WEB_ASSETS_DIR } from '../web/assets.js';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } }, strict: true });
const report = await buildWebAssets({ force: values.force });
console.log(
  report.built
    ? `web assets built in ${(report.ms / 1000).toFixed(1)} s: ${(report.bytes / 2 ** 20).toFixed(1)} MiB in ${WEB_ASSETS_DIR}`
    : `web assets up to date in ${WEB_ASSETS_DIR}`,
);
