/**
 * Freezes a value and everything reachable from it, so a mutation throws in strict mode.
 * Used on plugin inputs in tests and by the contract kit.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value as object)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
