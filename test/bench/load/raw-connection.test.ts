import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRequest, RawConnection } from './raw-connection.ts';

// Answers that arrive in many pieces: a Content-Length body written in slices with pauses between
// them, a chunked body, an empty 204, each status chosen by the path.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const status = Number(url.searchParams.get('status') ?? 200);
    const bytes = Number(url.searchParams.get('bytes') ?? 0);
    if (url.pathname === '/chunked') {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.write('a'.repeat(bytes));
      setTimeout(() => res.end('tail'), 5);
      return;
    }
    if (status === 304) {
      // A 304 may name the length of the body it does not send.
      res.writeHead(304, { 'content-length': '13000' }).end();
      return;
    }
    if (bytes === 0) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-length': String(bytes), 'content-type': 'text/plain' });
    const body = Buffer.alloc(bytes, 'x');
    const slice = Math.ceil(bytes / 4);
    let at = 0;
    const next = () => {
      res.write(body.subarray(at, at + slice));
      at += slice;
      if (at < bytes) setTimeout(next, 2);
      else res.end();
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (connection: RawConnection, path: string) =>
  new Promise<number>((resolve, reject) => connection.send(encodeRequest(`127.0.0.1:${port}`, 'GET', path, {}), resolve, reject));

describe('RawConnection', () => {
  it('tells each answer on one keep-alive connection apart, whatever pieces its body arrives in', async () => {
    const connection = await RawConnection.open('127.0.0.1', port);
    try {
      expect(await send(connection, '/?status=200&bytes=13000')).toBe(200);
      expect(await send(connection, '/?status=201&bytes=3')).toBe(201);
      expect(await send(connection, '/?status=204')).toBe(204);
      expect(await send(connection, '/?status=304')).toBe(304);
      expect(await send(connection, '/chunked?status=202&bytes=20000')).toBe(202);
      expect(await send(connection, '/?status=404&bytes=70000')).toBe(404);
      expect(await send(connection, '/?status=200&bytes=1')).toBe(200);
    } finally {
      connection.close();
    }
  });

  it('fails a request in flight when the connection closes', async () => {
    const connection = await RawConnection.open('127.0.0.1', port);
    const pending = send(connection, '/?status=200&bytes=100000');
    connection.close();
    await expect(pending).rejects.toThrow();
  });
});
