/**
 * Running seed scripts, the same on every engine: schema statements first (idempotent DDL, each
 * on its own, as Neo4j requires), then every data statement of every script in one write
 * transaction, so a failing statement leaves the data as it was. Adapters supply only how to
 * apply one schema statement and how to open a write transaction.
 */
import { splitCypherScript, type CypherStatement } from './cypher-script.js';
import { ScriptError, StoreUnavailableError } from '../errors.js';
import type { ScriptProgress, ScriptResult } from './graph-store.js';

export interface ScriptEngine {
  applySchema(statement: string): Promise<void>;
  inWriteTransaction(work: (run: (statement: string) => Promise<void>) => Promise<void>): Promise<void>;
}

const PROGRESS_EVERY = 100;

export async function applyScripts(
  engine: ScriptEngine,
  scripts: Array<{ source: string; text: string }>,
  onProgress: (progress: ScriptProgress) => void = () => {},
): Promise<ScriptResult> {
  const parsed = scripts.map(({ source, text }) => {
    let statements: CypherStatement[];
    try {
      statements = splitCypherScript(text);
    } catch (error) {
      throw new ScriptError(source, 1, '', error);
    }
    return {
      source,
      schema: statements.filter((s) => s.kind === 'schema'),
      data: statements.filter((s) => s.kind === 'data'),
    };
  });

  const fail = (source: string, st: CypherStatement, error: unknown) =>
    error instanceof StoreUnavailableError ? error : new ScriptError(source, st.line, st.text, error);

  let schemaStatements = 0;
  for (const { source, schema } of parsed) {
    for (const st of schema) {
      try {
        await engine.applySchema(st.text);
      } catch (error) {
        throw fail(source, st, error);
      }
      schemaStatements++;
    }
  }

  let dataStatements = 0;
  await engine.inWriteTransaction(async (run) => {
    dataStatements = 0; // a retried transaction starts over
    for (const { source, data } of parsed) {
      for (const [i, st] of data.entries()) {
        try {
          await run(st.text);
        } catch (error) {
          throw fail(source, st, error);
        }
        dataStatements++;
        if ((i + 1) % PROGRESS_EVERY === 0 || i === data.length - 1)
          onProgress({ source, done: i + 1, total: data.length });
      }
    }
  });
  return { statements: schemaStatements + dataStatements, schemaStatements };
}
