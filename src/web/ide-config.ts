/** What the IDE page tells its script: where Monaco's workers are and where GraphQL answers. */
export interface IdeConfig {
  endpoint: string;
  workers: Record<'editor' | 'json' | 'graphql', string>;
}
