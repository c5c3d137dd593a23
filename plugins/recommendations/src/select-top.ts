/**
 * The `n` best entries by `score` (highest first; ties by `id`, so the result is deterministic),
 * without sorting everything: a small sorted buffer that an entry enters only when it beats
 * the buffer's last. O(m · n) worst case, close to O(m) in practice for small n.
 */
export function selectTop<T>(entries: Iterable<T>, n: number, score: (entry: T) => number, id: (entry: T) => string): T[] {
  const best: T[] = [];
  const scores: number[] = [];
  if (n <= 0) return best;
  for (const entry of entries) {
    const s = score(entry);
    if (best.length === n && !beats(s, id(entry), scores[n - 1]!, id(best[n - 1]!))) continue;
    let i = best.length === n ? n - 1 : best.length;
    // Shift the weaker entries down one place, then insert.
    while (i > 0 && beats(s, id(entry), scores[i - 1]!, id(best[i - 1]!))) {
      best[i] = best[i - 1]!;
      scores[i] = scores[i - 1]!;
      i--;
    }
    best[i] = entry;
    scores[i] = s;
  }
  return best;
}

function beats(score: number, id: string, otherScore: number, otherId: string): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}
