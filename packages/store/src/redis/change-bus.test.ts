import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import type { ChangeNotice } from '../store.ts';
import { uid } from '../contract/fixtures.ts';
import { createChangeBus } from './change-bus.ts';
import { connect } from './connection.ts';
import type { RedisClient } from './connection.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

/** Resolves on the next `event` of `client`. */
const next = (client: RedisClient, event: string) => new Promise<void>((resolve) => client.once(event, () => resolve()));

/**
 * A TCP proxy to Redis that can swallow SUBSCRIBE commands (a server that never answers them) and
 * drop every connection through it.
 */
async function startHoldingProxy(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const waiting: Array<() => void> = [];
  const state = { holdSubscribes: false, refuseSubscribes: 0 };
  const server = createServer((client) => {
    const upstream = createConnection(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      const subscribing = /subscribe/i.test(chunk.toString('latin1'));
      if (subscribing && state.refuseSubscribes > 0) {
        state.refuseSubscribes--;
        client.write('-ERR refused by the test\r\n');
      } else if (subscribing && state.holdSubscribes) waiting.splice(0).forEach((f) => f());
      else upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `redis://127.0.0.1:${own}`,
    nextHeld: () => new Promise<void>((resolve) => waiting.push(resolve)),
    dropAll: () => sockets.forEach((s) => s.destroy()),
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** Drops this one connection on the server's side (the test Redis is shared with other files). */
async function drop(admin: Redis, client: RedisClient): Promise<void> {
  const { localAddress, localPort } = (client as Redis).stream;
  await admin.call('CLIENT', 'KILL', 'ADDR', `${localAddress}:${localPort}`);
}

describe('Redis change bus: the subscriber connection', () => {
  const opened: RedisClient[] = [];
  const open = (role: 'command' | 'subscriber') => {
    const client = connect({ url }, {}, role);
    opened.push(client);
    return client;
  };
  afterEach(() => {
    for (const client of opened.splice(0)) client.disconnect();
  });

  async function bus(onRemote: (n: readonly ChangeNotice[]) => void = () => undefined, onReconnect: () => void = () => undefined) {
    const subscriber = open('subscriber');
    const channel = `changes-${uid()}`;
    const made = await createChangeBus({ publisher: open('command'), subscriber, channel, onRemote, onReconnect });
    return { made, subscriber, channel };
  }

  it('resubscribes after its connection drops, then reports the reconnect and hears others again', async () => {
    const heard: ChangeNotice[] = [];
    let reconnects = 0;
    const { subscriber, channel } = await bus((n) => heard.push(...n), () => reconnects++);
    const admin = new Redis(url);
    try {
      const ready = next(subscriber, 'ready');
      await drop(admin, subscriber);
      await ready;
      const deadline = Date.now() + 2000;
      while (reconnects === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(reconnects).toBe(1);
      // A message from another instance (another `src`) reaches this one over the new subscription.
      await admin.publish(channel, JSON.stringify({ src: 'other', n: [{ kind: 'profile', customerId: 'c1' }] }));
      while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(heard).toEqual([{ kind: 'profile', customerId: 'c1' }]);
    } finally {
      admin.disconnect();
    }
  });

  it('closes while its resubscribe is still unanswered without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const proxy = await startHoldingProxy(url);
    try {
      const subscriber = connect({ url: proxy.url }, {}, 'subscriber');
      opened.push(subscriber);
      const made = await createChangeBus({ publisher: open('command'), subscriber, channel: `changes-${uid()}`, onRemote: () => undefined, onReconnect: () => undefined });
      proxy.holdSubscribes = true;
      const held = proxy.nextHeld();
      proxy.dropAll();
      await held; // reconnected, ready, and its SUBSCRIBE has no answer
      await made.close();
      await next(subscriber, 'end');
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await proxy.close();
    }
  });

  it('tries a refused resubscribe again, and hears others once it is back', async () => {
    const proxy = await startHoldingProxy(url);
    const heard: ChangeNotice[] = [];
    let reconnects = 0;
    try {
      const subscriber = connect({ url: proxy.url }, {}, 'subscriber');
      opened.push(subscriber);
      const channel = `changes-${uid()}`;
      const made = await createChangeBus({ publisher: open('command'), subscriber, channel, onRemote: (n) => heard.push(...n), onReconnect: () => reconnects++ });
      proxy.refuseSubscribes = 1;
      proxy.dropAll();
      const deadline = Date.now() + 4000;
      while (reconnects === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(proxy.refuseSubscribes).toBe(0); // one SUBSCRIBE was refused…
      expect(reconnects).toBe(1); // …and the next one went through
      const admin = new Redis(url);
      await admin.publish(channel, JSON.stringify({ src: 'other', n: [{ kind: 'profile', customerId: 'c2' }] }));
      admin.disconnect();
      while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(heard).toEqual([{ kind: 'profile', customerId: 'c2' }]);
      await made.close();
    } finally {
      await proxy.close();
    }
  });
});
