/** The GraphQL IDE at GET /graphql for browsers: GraphiQL, served from /assets/. */
import { assetUrl, type AssetManifest } from './assets.js';
import { renderPage } from './html.js';
import type { IdeConfig } from './ide-config.js';

export function renderIdePage(manifest: AssetManifest, endpoint: string): string {
  const workers = Object.fromEntries(
    Object.entries(manifest.workers).map(([label, file]) => [label, assetUrl(file)]),
  ) as IdeConfig['workers'];
  const config: IdeConfig = { endpoint, workers };
  return renderPage({
    page: 'ide',
    title: 'GraphQL IDE · ChainAtlas',
    manifest,
    entry: 'ide',
    config,
    body: `<main id="main" class="ide-main"><div id="graphiql" aria-label="GraphiQL">正在载入 GraphiQL… <span class="en">Loading GraphiQL…</span></div></main>`,
  });
}
