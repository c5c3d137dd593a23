import type { Logger } from '../types/context.ts';

/** A logger that keeps what it is told (for assertions) and prints nothing. */
export interface RecordingLogger extends Logger {
  readonly entries: readonly { level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[];
}

/**
 * A quiet logger for tests: plugins can log freely, tests can read `entries`.
 *
 * @example
 * const logger = createRecordingLogger();
 * await plugin.decide({ ...input, logger });
 * logger.entries.filter((e) => e.level === 'warn');
 */
export function createRecordingLogger(): RecordingLogger {
  const entries: { level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    entries.push(fields ? { level, message, fields } : { level, message });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
