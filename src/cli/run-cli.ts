import { ConfigError } from '../config.js';
import { ChainAtlasError } from '../errors.js';
import { SeedError } from '../knowledge/load-seeds.js';
import { ScriptError } from '../store/graph-store.js';

/** A mistake in how a command was called or answered: printed as one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Errors whose message is the whole story for a command-line user. */
const ONE_LINE_ERRORS = [ChainAtlasError, ConfigError, SeedError, ScriptError, UsageError];

/** Runs a command-line entry point: a known error prints its message alone and exits 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = ONE_LINE_ERRORS.some((kind) => error instanceof kind);
    console.error(known ? (error as Error).message : error);
    process.exitCode = 1;
  }
}
