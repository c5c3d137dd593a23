import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Gateway } from '../boot.ts';
import { withDecisionFastLane } from './decision-fast-lane.ts';

/**
 * The gateway as a Node request listener: the app answers everything, and `POST /v1/decisions`,
 * every page view's call, skips the app's router when it can (decision-fast-lane.ts). `next` lets a
 * test see which requests reached the app.
 */
export function gatewayListener(gateway: Pick<Gateway, 'app' | 'deps'>, next: (listener: RequestListener) => RequestListener = (l) => l): RequestListener {
  const fetch = gateway.app.fetch;
  return withDecisionFastLane(next(getRequestListener(fetch)), gateway.deps, fetch);
}
