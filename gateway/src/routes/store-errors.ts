import { InvalidBatchError, InvalidEventError, StoreUnavailableError } from '@omnikernel/store';
import { ApiError } from '../http/problem.ts';

/** Runs a store write; an unavailable store becomes 503 with Retry-After (nothing was acknowledged). */
export async function storeWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      throw new ApiError(503, 'store-unavailable', 'Store unavailable', `${error.message}; nothing of this request was stored, retry it`, {
        headers: { 'retry-after': String(error.retryAfterSeconds) },
      });
    }
    if (error instanceof InvalidEventError) {
      throw new ApiError(400, 'validation', 'Invalid event', error.message, { errors: [{ field: error.field, message: error.message }] });
    }
    throw error;
  }
}

/** A batch that is unusable as a whole: 413 when too large, 400 otherwise. */
export function batchError(error: InvalidBatchError): ApiError {
  return error.kind === 'too_large'
    ? new ApiError(413, 'batch-too-large', 'Batch too large', error.message, { errors: [{ field: error.field, message: error.message }] })
    : new ApiError(400, 'validation', 'Invalid batch', error.message, { errors: [{ field: error.field, message: error.message }] });
}
