import type { Logger } from '@omnikernel/sdk';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A one-line-JSON logger on stderr. Fields never carry API keys (callers pass none).
 *
 * @example
 * const log = createLogger({ level: 'info', bindings: { plugin: 'recommendations' } });
 */
export function createLogger(options: { level?: LogLevel; bindings?: Record<string, unknown>; write?: (line: string) => void } = {}): Logger & {
  child(bindings: Record<string, unknown>): Logger;
} {
  const level = rank[options.level ?? 'info'];
  const bindings = options.bindings ?? {};
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (l: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (rank[l] < level) return;
    write(JSON.stringify({ level: l, time: new Date().toISOString(), msg: message, ...bindings, ...fields }));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => createLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
