/** A mistake in how a command was called or answered: printed as one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const ONE_LINE_ERRORS = new Set(['ConfigError', 'SeedError', 'ScriptError', 'StoreUnavailableError', 'UsageError']);

/** Runs a command-line entry point: a known error prints its message alone and exits 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = error instanceof Error && ONE_LINE_ERRORS.has(error.name);
    console.error(known ? (error as Error).message : error);
    process.exitCode = 1;
  }
}
