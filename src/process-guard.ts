/**
 * The last line of defence, for errors that escaped every promise chain a request owns. Each is
 * logged with the request id it happened under (request-scope.ts) and counted (GET /health).
 *
 * - unhandledRejection: the server keeps serving. A promise nobody awaited cannot have stopped
 *   other code half-way; the request it belonged to has its own answer or error.
 * - uncaughtException: the process exits (code 1) after draining in-flight requests briefly. A
 *   synchronous throw from a timer, socket or native callback unwinds the stack at a point nobody
 *   chose, so state may be half-updated: a restart is the safe answer. The Docker image and
 *   compose file restart the server (restart: unless-stopped). The same holds for V8 running out
 *   of heap, which ends the process without any handler.
 */
import type { Logger } from 'pino';
import { currentRequestId } from './http/request-scope.js';

/** Counts since start, shown by /health. */
export const processFaults = { unhandledRejections: 0, uncaughtExceptions: 0 };

export interface ProcessGuardOptions {
  logger: Logger;
  /** Called once, on the first uncaught exception: drain and exit(1). */
  onFatal: (error: unknown) => void;
}

/** Installs the handlers; the returned function removes them. */
export function installProcessGuard({ logger, onFatal }: ProcessGuardOptions): () => void {
  let fatal = false;
  const onRejection = (reason: unknown) => {
    processFaults.unhandledRejections++;
    logger.error(
      { err: reason, requestId: currentRequestId(), unhandledRejections: processFaults.unhandledRejections },
      'unhandled promise rejection; the server keeps serving',
    );
  };
  const onException = (error: Error, origin: string) => {
    processFaults.uncaughtExceptions++;
    logger.fatal(
      { err: error, origin, requestId: currentRequestId(), uncaughtExceptions: processFaults.uncaughtExceptions },
      'uncaught exception: process state unknown; draining and exiting so the supervisor restarts it',
    );
    if (fatal) return;
    fatal = true;
    onFatal(error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
