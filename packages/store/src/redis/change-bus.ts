import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import type { ChangeNotice } from '../store.ts';
import type { RedisClient } from './connection.ts';

/** One message on the changes channel: the notices of one write call, and who sent them. */
interface Envelope {
  readonly src: string;
  readonly n: readonly ChangeNotice[];
}

export interface ChangeBus {
  /** Tells every other instance (best effort: the cache TTL covers a lost message). */
  publish(notices: readonly ChangeNotice[]): Promise<void>;
  /** The channel and message `publish` would send, for a script that publishes them itself. */
  message(notices: readonly ChangeNotice[]): { readonly channel: string; readonly message: string };
  close(): Promise<void>;
}

/**
 * Change notices over Redis pub/sub, on a dedicated subscriber connection (a subscribed connection
 * can send nothing else). An instance ignores its own messages: it updated its cache when it wrote.
 * `onReconnect` fires when the subscriber comes back after a disconnection, since notices sent
 * while it was away are lost.
 */
export async function createChangeBus(options: {
  readonly publisher: RedisClient;
  readonly subscriber: RedisClient;
  readonly channel: string;
  readonly onRemote: (notices: readonly ChangeNotice[]) => void;
  readonly onReconnect: () => void;
}): Promise<ChangeBus> {
  const { publisher, subscriber, channel } = options;
  const src = randomUUID();
  // How this instance's own messages begin (`JSON.stringify` writes `src` first): they come back
  // on the subscription and are dropped unparsed (one per write call, with a notice per customer).
  const own = JSON.stringify({ src }).slice(0, -1);
  let wasReady = false;
  subscriber.on('message', (ch: string, message: string) => {
    if (ch !== channel || message.startsWith(own)) return;
    const envelope = parse(message);
    if (envelope !== null && envelope.src !== src) options.onRemote(envelope.n);
  });
  let closed = false;
  // A standalone subscriber is told to resubscribe (`connect` turns ioredis' own resubscribe off),
  // and the notices it missed count from when the subscription is back. A SUBSCRIBE the server
  // refuses is tried again while the connection stays up (a dropped one brings a new 'ready').
  const resubscribe = () => {
    if (closed || subscriber.status !== 'ready') return;
    subscriber.subscribe(channel).then(options.onReconnect, () => setTimeout(resubscribe, 1000).unref());
  };
  subscriber.on('ready', () => {
    if (!wasReady) return;
    // A Cluster's subscriber resubscribes by itself.
    if (subscriber instanceof Cluster) options.onReconnect();
    else resubscribe();
  });
  await subscriber.subscribe(channel);
  wasReady = true;
  const message = (notices: readonly ChangeNotice[]) => JSON.stringify({ src, n: notices } satisfies Envelope);
  return {
    message: (notices) => ({ channel, message: message(notices) }),
    async publish(notices) {
      if (notices.length === 0 || publisher.status !== 'ready') return;
      try {
        await publisher.publish(channel, message(notices));
      } catch {
        // The write it reports is stored; other instances converge within the cache TTL.
      }
    },
    async close() {
      closed = true;
      subscriber.disconnect();
    },
  };
}

function parse(message: string): Envelope | null {
  try {
    const value = JSON.parse(message) as Envelope;
    return typeof value.src === 'string' && Array.isArray(value.n) ? value : null;
  } catch {
    return null;
  }
}
