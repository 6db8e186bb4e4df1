/** Apollo plugin: logs each GraphQL operation with its name, time, store queries and error codes. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../graphql/context.js';

export function operationLogging(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx }) {
          ctx.log?.info(
            {
              operation: operationName ?? '(anonymous)',
              ms: Math.round((performance.now() - started) * 10) / 10,
              storeQueries: ctx.cost.queries,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
