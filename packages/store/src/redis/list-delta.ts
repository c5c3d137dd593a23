// A profile's bounded lists change on almost every event but keep most of their entries (the same
// objects: the projection copies the array, not the entries). Rewriting a whole list costs the
// gateway its encoding and socket write (a few KB per event) and Redis the parsing, so a write
// sends how the new list is made of the stored one instead: kept ranges plus new entries' JSON.
//
// That needs the stored text to be split into entries without parsing JSON, so lists are stored
// one entry per line (`[{…},\n{…}]`, still plain JSON): JSON.stringify never emits a raw newline,
// so ",\n" occurs only between entries.

/** Between two entries of a stored list. */
export const ENTRY_SEPARATOR = ',\n';

/** More pieces than this and a full rewrite is as cheap. */
const MAX_SEGMENTS = 6;

/**
 * Lists read from a hash written before lists were stored one entry per line: a change to one is
 * written whole (which stores it one entry per line). Every other list a write starts from was
 * written by this code (and cached) or read in the new form.
 */
const compact = new WeakSet<readonly object[]>();

/** Notes a list as read; `json` is its stored text. */
export function noteStoredForm(list: readonly object[], json: string): void {
  // JSON.stringify never emits a raw newline; a list of fewer than two entries reads the same either way.
  if (list.length > 1 && !json.includes('\n')) compact.add(list);
}

/**
 * How `next` is built from `prev`, as segments: `r<start>:<end>` keeps `prev`'s entries from
 * start to end (exclusive), anything else is the JSON of new entries (one per line). null when
 * `prev` is stored in the older compact form, or a rewrite is simpler.
 *
 * @example
 * listDelta([a, b, c], [x, a, b], json); // ['{"x":1}', 'r0:2']
 */
export function listDelta(prev: readonly object[], next: readonly object[], json: (entry: object) => string): string[] | null {
  if (compact.has(prev)) return null;
  const segments: string[] = [];
  let literal = '';
  let i = 0;
  while (i < next.length) {
    const entry = next[i] as object;
    const at = prev.indexOf(entry);
    i++;
    if (at === -1) {
      literal = literal === '' ? json(entry) : literal + ENTRY_SEPARATOR + json(entry);
      continue;
    }
    if (literal !== '') segments.push(literal);
    literal = '';
    let end = at + 1;
    while (i < next.length && end < prev.length && next[i] === prev[end]) {
      i++;
      end++;
    }
    segments.push(`r${at}:${end}`);
    if (segments.length > MAX_SEGMENTS) return null;
  }
  if (literal !== '') segments.push(literal);
  return segments;
}
