/** The Neo4j Browser guide over the query library in cypher/queries/, and its GraSS stylesheet. */
export { browserGuideRouter, GRASS_FILE } from './router.js';
export { renderBrowserGuide, esc } from './render-guide.js';
export { parseQueryFile, readQueryLibrary, defaultParams, type LibraryQuery } from './query-library.js';
