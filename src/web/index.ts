/** The pages people open in a browser (home, GraphQL IDE, graph explorer) and their bundles. */
export { webRouter } from './router.js';
export { parseGrass, GrassError } from './grass.js';
export { findOutsideUrls, neutraliseOutsideUrls } from './outside-urls.js';
export { BASIS_LABELS, KIND_LABELS, RELATION_LABELS } from './labels.js';
