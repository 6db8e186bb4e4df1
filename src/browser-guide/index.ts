/** The Neo4j Browser guide over the query library in cypher/queries/, and its GraSS stylesheet. */
export {
  browserGuideRouter,
  browserGuideHandler,
  grassHandler,
  GRASS_FILE,
  type BrowserGuideOptions,
} from './router.js';
export { renderBrowserGuide, esc, type GuideOptions } from './render-guide.js';
export {
  parseQueryFile,
  readQueryLibrary,
  defaultParams,
  QueryFileError,
  QUERY_FILE,
  type LibraryQuery,
  type QueryParam,
  type Bilingual,
} from './query-library.js';
export { parseCypherLiteral, CypherLiteralError, type CypherLiteralValue } from './cypher-literal.js';
