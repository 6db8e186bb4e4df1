/** Structured JSON logs (pino); LOG_LEVEL sets the level, `silent` turns them off (tests). */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'chainatlas' }, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}
