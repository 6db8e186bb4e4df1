/** GraphQL errors with stable `extensions.code` values (documented in the README). */
import { GraphQLError } from 'graphql';

export const badInput = (message: string, field?: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });

export const unavailable = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
