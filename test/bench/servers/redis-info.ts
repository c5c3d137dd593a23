import { createConnection } from 'node:net';

/**
 * `used_memory` of the bench's redis-server (bytes), by a one-off `INFO memory` over a raw socket
 * (the bench has no Redis client of its own and needs nothing more). Read before and after seeding,
 * the difference per customer is what one customer costs in Redis: profile, identity index keys,
 * events kept, current and retained decisions.
 */
export function redisUsedMemory(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (value: number | null) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(2_000, () => done(null));
    socket.once('error', () => done(null));
    socket.once('connect', () => socket.write('INFO memory\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      const match = /\r\nused_memory:(\d+)\r\n/.exec(reply);
      if (match) done(Number(match[1]));
    });
  });
}
