/** Error codes callers switch on. Messages name the culprit and the likely fix. */
export const ErrorCodes = {
  PLUGIN_INVALID: 'OMK_ERR_PLUGIN_INVALID',
  PLUGIN_API_VERSION: 'OMK_ERR_PLUGIN_API_VERSION',
  PLUGIN_OPTIONS: 'OMK_ERR_PLUGIN_OPTIONS',
  PLUGIN_CYCLE: 'OMK_ERR_PLUGIN_CYCLE',
  PLUGIN_DUPLICATE: 'OMK_ERR_PLUGIN_DUPLICATE',
  PLUGIN_UNKNOWN_AFTER: 'OMK_ERR_PLUGIN_UNKNOWN_AFTER',
  PLUGIN_LOAD: 'OMK_ERR_PLUGIN_LOAD',
  PLUGIN_SETUP: 'OMK_ERR_PLUGIN_SETUP',
  PLUGIN_TIMEOUT: 'OMK_ERR_PLUGIN_TIMEOUT',
  PLUGIN_THREW: 'OMK_ERR_PLUGIN_THREW',
  PLUGIN_INVALID_OUTPUT: 'OMK_ERR_PLUGIN_INVALID_OUTPUT',
  PLUGIN_CIRCUIT_OPEN: 'OMK_ERR_PLUGIN_CIRCUIT_OPEN',
  PLUGIN_FATAL: 'OMK_ERR_PLUGIN_FATAL',
  SERVICE_MISSING: 'OMK_ERR_SERVICE_MISSING',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | (string & Record<never, never>);

/** Base class of every omnikernel error: carries a stable `code`. */
export class OmnikernelError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OmnikernelError';
    this.code = code;
  }
}

/**
 * Thrown by a plugin when retrying cannot help (bad configuration found at request time).
 * The kernel stops calling the plugin until restart and marks decisions degraded.
 */
export class FatalPluginError extends OmnikernelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCodes.PLUGIN_FATAL, message, options);
    this.name = 'FatalPluginError';
  }
}

/** Several problems found at once (start-up reports every failing plugin together). */
export class AggregatePluginError extends OmnikernelError {
  readonly problems: readonly OmnikernelError[];
  constructor(problems: readonly OmnikernelError[]) {
    super(
      problems[0]?.code ?? ErrorCodes.PLUGIN_INVALID,
      `omnikernel could not start its plugins:\n${problems.map((p) => `  - [${p.code}] ${p.message}`).join('\n')}`,
    );
    this.name = 'AggregatePluginError';
    this.problems = problems;
  }
}
