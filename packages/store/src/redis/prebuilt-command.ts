import { Command } from 'ioredis';

/**
 * A script call (EVALSHA or EVAL) with packed arguments whose wire bytes are written here, once,
 * into one buffer. ioredis encodes a command with a Buffer argument piece by piece: each key
 * becomes a string of four parts whose UTF-8 length it measures twice, and the packed arguments
 * (~75 KB for a batch of 100 events) are copied into a new buffer with the rest; that was 8 % of
 * a Redis gateway's CPU while ingesting. ioredis subclasses `Command` the same way for its own
 * scripts (`Script.js`). The arguments are still given to `Command`: a Cluster finds the slot from
 * the keys, and a redirected command is written again from the same bytes.
 */
class PrebuiltCommand extends Command {
  readonly #wire: Buffer;

  constructor(name: string, args: Array<string | Buffer>, wire: Buffer) {
    super(name, args, { replyEncoding: 'utf8' });
    this.#wire = wire;
  }

  override toWritable(): Buffer {
    return this.#wire;
  }
}

const CRLF = 0x0d0a;

/** `$<length>\r\n<text>\r\n` at `at`; returns the offset after it. */
function writeBulk(buf: Buffer, at: number, text: string, bytes: number): number {
  at += buf.write(`$${bytes}\r\n`, at, 'latin1');
  at += buf.write(text, at, 'utf8');
  buf.writeUInt16BE(CRLF, at);
  return at + 2;
}

/**
 * `name head numkeys key… packed` as RESP: `head` is the script's SHA-1 for EVALSHA or its source
 * for EVAL.
 */
export function scriptCommand(name: 'evalsha' | 'eval', head: string, keys: readonly string[], packed: Buffer): Command {
  const numKeys = String(keys.length);
  const headBytes = Buffer.byteLength(head, 'utf8');
  const keyBytes = keys.map((k) => Buffer.byteLength(k, 'utf8'));
  // Each bulk string: `$`, up to 10 digits, CRLF, the bytes, CRLF.
  let size = 16 + 15 * (keys.length + 4) + name.length + headBytes + numKeys.length + packed.length;
  for (const n of keyBytes) size += n;
  const buf = Buffer.allocUnsafe(size);
  let at = buf.write(`*${keys.length + 4}\r\n`, 0, 'latin1');
  at = writeBulk(buf, at, name, name.length);
  at = writeBulk(buf, at, head, headBytes);
  at = writeBulk(buf, at, numKeys, numKeys.length);
  for (let i = 0; i < keys.length; i++) at = writeBulk(buf, at, keys[i] as string, keyBytes[i] as number);
  at += buf.write(`$${packed.length}\r\n`, at, 'latin1');
  at += packed.copy(buf, at);
  buf.writeUInt16BE(CRLF, at);
  at += 2;
  return new PrebuiltCommand(name, [head, numKeys, ...keys, packed], buf.subarray(0, at));
}
