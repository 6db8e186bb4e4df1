import { ChainAtlasError } from '../errors.js';

/**
 * Runs a command-line entry point: an error of ours whose message is meant for the user
 * (src/errors.ts: configuration, seeds, scripts, usage, an unreachable store) prints that message
 * alone and exits 1; anything else prints with its stack.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = error instanceof ChainAtlasError && error.userFacing;
    console.error(known ? error.message : error);
    process.exitCode = 1;
  }
}
