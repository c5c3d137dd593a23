import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { BaselineRoute } from './baseline.ts';

/**
 * The reference every figure is divided by: a bare Hono app on @hono/node-server (the gateway's
 * own stack) answering, on the gateway's paths, the very bytes the gateway answered once (a real
 * decision envelope, screen pop, e-mail page, ingestion receipt). No middleware, no parsing of the
 * request body: what is left is the cost of HTTP on Node on this machine, which no route can beat.
 *
 * Run as its own process: `node --import tsx baseline-app.ts <routes.json> <port>`.
 */
const [routesFile, portText] = process.argv.slice(2);
if (!routesFile || !portText) throw new Error('usage: baseline-app.ts <routes.json> <port>');
const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as BaselineRoute[];

const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
for (const route of routes) {
  const headers = { 'content-type': route.contentType };
  app.on(route.method, route.path, (c) => c.body(route.body, 200, headers));
}

const server = serve({ fetch: app.fetch, port: Number(portText), hostname: '127.0.0.1' });
process.once('SIGTERM', () => server.close(() => process.exit(0)));
