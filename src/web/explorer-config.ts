/** What the explorer page tells its script. */
import type { GraphStyle } from './grass.js';

export interface ExplorerConfig {
  /** The public GraphQL endpoint: the explorer's only data source. */
  endpoint: string;
  /** From cypher/chainatlas.grass. */
  style: GraphStyle;
}
