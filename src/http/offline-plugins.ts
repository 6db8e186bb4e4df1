/**
 * Apollo Server features that reach outside the machine, switched off in every environment:
 * the landing page (it loads Apollo Sandbox from a CDN; browsers get the offline IDE of
 * src/web/ instead) and usage, schema and trace reporting to Apollo's cloud, which would start
 * by themselves if APOLLO_KEY and APOLLO_GRAPH_REF were ever set in the environment.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

export function offlinePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
  ];
}
