/** The pages people open in a browser (home, GraphQL IDE, graph explorer) and their bundles. */
export { webRouter, GRAPHQL_PATH, type WebOptions } from './router.js';
export { WEB_ASSETS_DIR, ASSETS_PATH, readManifest, type AssetManifest } from './assets.js';
export { parseGrass, GrassError, type GraphStyle, type NodeStyle, type RelationshipStyle } from './grass.js';
export { findOutsideUrls, neutraliseOutsideUrls, INERT_URL_PREFIXES } from './outside-urls.js';
export { KIND_LABELS, RELATION_LABELS, BASIS_LABELS } from './labels.js';
