/** Runs a command-line entry point: a known error prints its message alone and exits 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = error instanceof Error && ['ConfigError', 'SeedError', 'ScriptError', 'StoreUnavailableError'].includes(error.name);
    console.error(known ? (error as Error).message : error);
    process.exitCode = 1;
  }
}
