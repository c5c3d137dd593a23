import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/** One purchase line of `interactions_clean.csv.gz`. */
export interface Line {
  readonly customerId: string;
  readonly invoice: string;
  /** `YYYY-MM-DD HH:MM:SS`, as in the file (compares as a string). */
  readonly date: string;
  readonly productId: string;
  readonly quantity: number;
  readonly price: number;
  readonly country: string;
}

const FILE = 'interactions_clean.csv.gz';
const RAW = 'online_retail_2010-12_2011-12.csv.gz';

/**
 * Where the data set is: `OMNIKERNEL_DATASET` (a folder or the file itself), else
 * `../shared/data/online-retail` from the repository root. `null` when it is not there.
 */
export function locateDataset(): { file: string; folder: string; tried: string } | { file: null; tried: string } {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const given = process.env.OMNIKERNEL_DATASET;
  const path = resolve(root, given && given !== '' ? given : '../shared/data/online-retail');
  if (!existsSync(path)) return { file: null, tried: path };
  if (statSync(path).isDirectory()) {
    const file = join(path, FILE);
    return existsSync(file) ? { file, folder: path, tried: file } : { file: null, tried: file };
  }
  return { file: path, folder: resolve(path, '..'), tried: path };
}

/** Reads every line of the clean interactions file. */
export async function readInteractions(file: string): Promise<Line[]> {
  const lines: Line[] = [];
  let header = true;
  for await (const row of csvRows(file)) {
    if (header) {
      header = false;
      continue;
    }
    const [customerId, invoice, date, productId, quantity, price, country] = row;
    lines.push({ customerId: customerId!, invoice: invoice!, date: date!, productId: productId!, quantity: Number(quantity), price: Number(price), country: country! });
  }
  return lines;
}

/** Product descriptions from the raw file next to it, when it is there (names and categories only). */
export async function readDescriptions(folder: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const file = join(folder, RAW);
  if (!existsSync(file)) return names;
  let header = true;
  for await (const row of csvRows(file)) {
    if (header) {
      header = false;
      continue;
    }
    const code = row[1];
    const description = row[2]?.trim();
    if (code && description && !names.has(code)) names.set(code, description);
  }
  return names;
}

/** Rows of a gzipped CSV (RFC 4180 quoting, no newlines inside fields: true of these files). */
async function* csvRows(file: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    yield line.includes('"') ? splitQuoted(line) : line.split(',');
  }
}

function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
