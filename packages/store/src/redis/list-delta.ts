// A profile's bounded lists change on almost every event but keep most of their entries (the same
// objects: the projection copies the array, not the entries). Rewriting a whole list costs the
// gateway its encoding and socket write (a few KB per event) and Redis the parsing, so a write
// sends how the new list is made of the stored one instead: kept byte ranges of the stored text
// plus new entries' JSON.
//
// Lists are stored one entry per line (`[{…},\n{…}]`, still plain JSON): JSON.stringify never
// emits a raw newline, so ",\n" occurs only between entries. The writer knows the UTF-8 length of
// every stored entry (it encoded it, or split the text it read), so a kept run of entries is sent
// as the byte range it occupies in the stored text and the commit script cuts it out with one
// `string.sub`, without scanning the text for separators.

/** Between two entries of a stored list. */
export const ENTRY_SEPARATOR = ',\n';

/** More pieces than this and a full rewrite is as cheap. */
const MAX_SEGMENTS = 6;

/**
 * Lists read from a hash written before lists were stored one entry per line: a change to one is
 * written whole (which stores it one entry per line).
 */
const compact = new WeakSet<readonly object[]>();

/**
 * The UTF-8 byte length of each entry of a list as stored (one entry per line), known for every
 * list this process read from a hash or encoded for a write. A list without one is written whole.
 */
const layouts = new WeakMap<readonly object[], readonly number[]>();

/** Notes a list as read; `json` is its stored text. */
export function noteStoredForm(list: readonly object[], json: string): void {
  // JSON.stringify never emits a raw newline; a list of fewer than two entries reads the same either way.
  if (list.length > 1 && !json.includes('\n')) {
    compact.add(list);
    return;
  }
  const lengths = storedLengths(json, list.length);
  if (lengths !== null) layouts.set(list, lengths);
}

/** The stored text of a list, one entry per line, its layout noted. */
export function listText(list: readonly object[], json: (entry: object) => string): string {
  const parts = new Array<string>(list.length);
  const lengths = new Array<number>(list.length);
  for (let i = 0; i < list.length; i++) {
    const text = json(list[i] as object);
    parts[i] = text;
    lengths[i] = utf8Length(text);
  }
  layouts.set(list, lengths);
  return `[${parts.join(ENTRY_SEPARATOR)}]`;
}

/** The UTF-8 length of a list's stored text, from its entries' lengths. */
export function storedBytes(lengths: readonly number[]): number {
  let total = 2;
  for (let i = 0; i < lengths.length; i++) total += (lengths[i] as number) + (i > 0 ? ENTRY_SEPARATOR.length : 0);
  return total;
}

/** How a list is rebuilt from the stored one: the stored text's length (a check) and the segments. */
export interface ListDelta {
  readonly storedBytes: number;
  readonly segments: string[];
}

/**
 * How `next` is built from `prev`, as segments: `k<from>:<to>` keeps bytes `from` to `to`
 * (0-based, exclusive) of `prev`'s stored text, a run of whole entries with the separators between
 * them; anything else is the JSON of new entries (one per line). Notes `next`'s layout. null when
 * `prev`'s layout is unknown (stored in the older compact form, or never read or written here),
 * or a rewrite is simpler.
 *
 * @example
 * listDelta([a, b, c], [x, a, b], json); // { storedBytes: …, segments: ['{"x":1}', 'k1:…'] }
 */
export function listDelta(prev: readonly object[], next: readonly object[], json: (entry: object) => string): ListDelta | null {
  if (compact.has(prev)) return null;
  const before = layouts.get(prev);
  if (before === undefined || before.length !== prev.length) return null;
  // starts[i]: where entry i of the stored text begins (after `[` and the separators before it).
  const starts = new Array<number>(before.length);
  for (let i = 0, at = 1; i < before.length; i++) {
    starts[i] = at;
    at += (before[i] as number) + ENTRY_SEPARATOR.length;
  }
  const segments: string[] = [];
  const lengths = new Array<number>(next.length);
  let literal = '';
  let i = 0;
  while (i < next.length) {
    const entry = next[i] as object;
    const at = prev.indexOf(entry);
    if (at === -1) {
      const text = json(entry);
      lengths[i] = utf8Length(text);
      literal = literal === '' ? text : literal + ENTRY_SEPARATOR + text;
      i++;
      continue;
    }
    if (literal !== '') segments.push(literal);
    literal = '';
    lengths[i] = before[at] as number;
    i++;
    let end = at + 1;
    while (i < next.length && end < prev.length && next[i] === prev[end]) {
      lengths[i] = before[end] as number;
      i++;
      end++;
    }
    const last = end - 1;
    segments.push(`k${starts[at] as number}:${(starts[last] as number) + (before[last] as number)}`);
    if (segments.length > MAX_SEGMENTS) return null;
  }
  if (literal !== '') segments.push(literal);
  layouts.set(next, lengths);
  return { storedBytes: storedBytes(before), segments };
}

/** Each entry's UTF-8 length in a stored list's text, or null when the text does not hold `count` entries. */
function storedLengths(json: string, count: number): number[] | null {
  if (json.length < 2) return null;
  const ascii = utf8Length(json) === json.length;
  const lengths: number[] = [];
  const last = json.length - 1; // the closing `]`
  if (last === 1) return count === 0 ? lengths : null;
  for (let from = 1; ; ) {
    const cut = json.indexOf(ENTRY_SEPARATOR, from);
    const end = cut === -1 || cut > last ? last : cut;
    lengths.push(ascii ? end - from : utf8Length(json.slice(from, end)));
    if (end === last) break;
    from = end + ENTRY_SEPARATOR.length;
  }
  return lengths.length === count ? lengths : null;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
