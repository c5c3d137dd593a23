import { StoreUnavailableError } from './store.ts';

/** An event the store cannot apply: no usable identifier after normalisation. Nothing of its batch was stored. */
export class InvalidEventError extends Error {
  readonly code = 'OMK_ERR_STORE_INVALID_EVENT';
  /** The event's index in the `ingest` call. */
  readonly index: number;
  readonly field: string;
  constructor(index: number, field: string, message: string) {
    super(message);
    this.name = 'InvalidEventError';
    this.index = index;
    this.field = field;
  }
}

/**
 * Writers kept colliding on one customer (or a merge lock stayed busy): the store cannot take the
 * write now. A `StoreUnavailableError` (503 with Retry-After for callers), told apart by `conflict`.
 */
export class StoreConflictError extends StoreUnavailableError {
  readonly conflict = true;
  constructor(message: string) {
    super(message, 1);
    this.name = 'StoreConflictError';
  }
}
