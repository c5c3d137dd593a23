/**
 * Memoises a function of a string key in a Map of at most `max` entries, emptied when full. For
 * results that are costly to make and few in practice (an `Intl` formatter per locale and currency,
 * a canonical locale per raw tag), where a caller sending ever new keys must not grow memory.
 */
export function boundedMemo<T>(max: number, make: (key: string) => T): (key: string) => T {
  const held = new Map<string, T>();
  return (key) => {
    let value = held.get(key);
    if (value === undefined && !held.has(key)) {
      value = make(key);
      if (held.size >= max) held.clear();
      held.set(key, value);
    }
    return value as T;
  };
}
