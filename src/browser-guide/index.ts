/** The Neo4j Browser guide over the query library in cypher/queries/, and its GraSS stylesheet. */
export { browserGuideRouter } from './router.js';
export { renderBrowserGuide } from './render-guide.js';
export { parseQueryFile, readQueryLibrary, defaultParams, type LibraryQuery } from './query-library.js';
