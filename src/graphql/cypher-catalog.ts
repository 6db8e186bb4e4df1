/**
 * Every module that holds Cypher the API runs, by path: each exports all of its texts (strings,
 * or tables of them). The Cypher lint test lints every exported text of these modules with
 * Neo4j's parser, the portability test checks them for constructs the engines answer differently,
 * and the benchmark names recorded calls after them. A module that builds Cypher from the model
 * belongs here, or the lint test refuses its interpolated literals.
 */
import * as context from './context.js';
import * as fanOut from './limits/fan-out.js';
import * as listCompiler from './list-compiler.js';
import * as listQueries from './list-queries.js';
import * as chainLeaders from './questions/chain-leaders.js';
import * as connections from './questions/connections.js';
import * as facts from './questions/facts.js';
import * as investmentSummary from './questions/investment-summary.js';
import * as search from './questions/search.js';
import * as stats from './questions/stats.js';
import * as references from './references.js';
import * as relationships from './relationships.js';

export const CYPHER_MODULES: Record<string, Record<string, unknown>> = {
  'src/graphql/context.ts': context,
  'src/graphql/list-compiler.ts': listCompiler,
  'src/graphql/list-queries.ts': listQueries,
  'src/graphql/limits/fan-out.ts': fanOut,
  'src/graphql/references.ts': references,
  'src/graphql/relationships.ts': relationships,
  'src/graphql/questions/chain-leaders.ts': chainLeaders,
  'src/graphql/questions/connections.ts': connections,
  'src/graphql/questions/facts.ts': facts,
  'src/graphql/questions/investment-summary.ts': investmentSummary,
  'src/graphql/questions/search.ts': search,
  'src/graphql/questions/stats.ts': stats,
};

/** Every text the catalog's modules export, named `file export[key]…`, strings in tables included. */
export function cypherTexts(): Array<{ name: string; text: string }> {
  const texts: Array<{ name: string; text: string }> = [];
  const visit = (name: string, value: unknown) => {
    if (typeof value === 'string') {
      if (/^\s*(MATCH|UNWIND|CALL|RETURN|WITH|OPTIONAL)\b/.test(value)) texts.push({ name, text: value });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) visit(`${name}[${key}]`, v);
    }
  };
  for (const [file, module] of Object.entries(CYPHER_MODULES))
    for (const [exported, value] of Object.entries(module)) visit(`${file} ${exported}`, value);
  return texts;
}
