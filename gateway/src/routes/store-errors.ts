import { InvalidBatchError, InvalidEventError } from '@omnikernel/store';
import { ApiError } from '../http/problem.ts';

/** Runs a store write; an event the store refuses becomes 400 (an unavailable store is 503, in app.onError). */
export async function storeWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
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
