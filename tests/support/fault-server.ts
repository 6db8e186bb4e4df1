/**
 * The real server (src/server.ts, as `npm start` runs it) on the embedded engine seeded from
 * cypher/, with the store wrapped in FaultyStore. For the fault tests and `npm run load -- --fault`.
 *
 *   FAULT='{"kind":"stray-rejection"}' FAULT_AT=ENTITIES_BY_ID  applies a fault from the start,
 *                                       to the calls whose Cypher contains FAULT_AT's query text
 *   SIGUSR1 / SIGUSR2                   start / end an outage (every call unreachable)
 *
 * Everything else (PORT, QUERY_TIMEOUT_MS, STORE_*, RATE_LIMIT_*, …) is read by src/config.ts.
 */
import { loadConfig } from '../../src/config.js';
import * as graphQueries from '../../src/graphql/graph-queries.js';
import { createLogger } from '../../src/http/logger.js';
import { runServer } from '../../src/server.js';
import { FaultyStore, type Fault } from './faulty-store.js';
import { seededStore } from './seeded-store.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const { store } = await seededStore();
const faulty = new FaultyStore(store);
if (process.env.FAULT) {
  const fault = JSON.parse(process.env.FAULT) as Fault;
  const name = process.env.FAULT_AT as keyof typeof graphQueries | undefined;
  const text = name ? graphQueries[name] : undefined;
  if (name && typeof text !== 'string') throw new Error(`FAULT_AT: ${name} is not a query of graph-queries.ts`);
  faulty.inject(fault, text ? (call) => call.cypher === text : undefined);
}
process.on('SIGUSR1', () => {
  logger.warn('injected outage: on');
  faulty.inject({ kind: 'unreachable' });
});
process.on('SIGUSR2', () => {
  logger.warn('injected outage: off');
  faulty.clear();
});
await runServer({ config, store: faulty, logger });
