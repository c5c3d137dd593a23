import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import type { ChangeNotice } from '../store.ts';
import type { RedisClient } from './connection.ts';
import { SubscriptionHeartbeat } from './subscription-heartbeat.ts';

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
  /** True while every notice published is known to reach this instance (see SubscriptionHeartbeat); never on a Cluster. */
  live(): boolean;
  close(): Promise<void>;
}

/** Notices whose publish failed, kept to send again when the connection is back (oldest dropped past this). */
const MAX_UNSENT = 1000;

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
  /** How often the subscription is proven (ms). Default 1000. */
  readonly heartbeatMs?: number | undefined;
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
  subscriber.on('ready', () => {
    if (!wasReady) return;
    // A Cluster's subscriber resubscribes by itself; a standalone one is told to (`connect` turns
    // ioredis' resubscribe off), and the notices it missed count from when the subscription is back.
    if (subscriber instanceof Cluster) options.onReconnect();
    else
      subscriber.subscribe(channel).then(() => {
        options.onReconnect();
        heartbeat?.resubscribed();
      }, () => undefined);
  });
  await subscriber.subscribe(channel);
  wasReady = true;
  // A Cluster subscribes on a connection of its own choosing, which a PING here would not reach.
  const heartbeat = subscriber instanceof Cluster ? null : new SubscriptionHeartbeat(subscriber, options.heartbeatMs ?? 1000);
  const message = (notices: readonly ChangeNotice[]) => JSON.stringify({ src, n: notices } satisfies Envelope);

  // A notice that could not be sent is sent again once the connection is back: the others may be
  // trusting what they hold for as long as their subscription is live (ProfileCache.trustNotices).
  const unsent: string[] = [];
  const send = (text: string) => publisher.publish(channel, text).then(() => true, () => false);
  const keep = (text: string) => {
    unsent.push(text);
    if (unsent.length > MAX_UNSENT) unsent.shift();
  };
  let flushing = false;
  publisher.on('ready', async () => {
    if (flushing) return;
    flushing = true;
    while (unsent.length > 0 && publisher.status === 'ready' && (await send(unsent[0] as string))) unsent.shift();
    flushing = false;
  });
  return {
    message: (notices) => ({ channel, message: message(notices) }),
    async publish(notices) {
      if (notices.length === 0) return;
      const text = message(notices);
      // The write it reports is stored either way: a failed notice waits for the connection.
      if (publisher.status !== 'ready' || !(await send(text))) keep(text);
    },
    live: () => heartbeat?.live() ?? false,
    async close() {
      heartbeat?.stop();
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
