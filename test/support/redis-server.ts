import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server started for tests: never the developer's 127.0.0.1:6379. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder (with `persist`, the data survives). */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export interface RedisServerOptions {
  /** Keep the data across `restart()` (append-only file, fsync always). Default false. */
  readonly persist?: boolean;
  readonly port?: number;
  /** Extra `redis-server` arguments (`['--cluster-enabled', 'yes']`). */
  readonly args?: readonly string[];
  /** Also keep `port + 10000` free (the Cluster bus port). */
  readonly needsBusPort?: boolean;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Fails with an actionable message when redis-server is not installed. */
export function assertRedisInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'redis-server was not found on PATH. The store, gateway and e2e tests start their own Redis: ' +
        'install it (Debian/Ubuntu: `apt-get install redis-server`, macOS: `brew install redis`); CI installs it.',
    );
  }
}

/**
 * Starts a redis-server on a free port in a temporary folder, waiting until it answers PING.
 *
 * @example
 * const redis = await startRedisServer({ persist: true });
 * await redis.stop(); await redis.restart(); await redis.dispose();
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  assertRedisInstalled();
  const port = options.port ?? (await freePort(options.needsBusPort === true));
  const dir = mkdtempSync(join(tmpdir(), `omk-redis-${port}-`));
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--protected-mode', 'no',
    '--daemonize', 'no', '--loglevel', 'warning',
    ...(options.persist === true ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
    ...(options.args ?? []),
  ];
  let child = await launch(args, port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await terminate(child);
    },
    async restart() {
      await terminate(child);
      child = await launch(args, port);
    },
    async dispose() {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(args: readonly string[], port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited (${code}) at start:\n${output}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForPing(port, 10_000), exited]);
  child.once('exit', () => running.delete(child));
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** Resolves once the server on `port` answers PING. */
export async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (b) => done(b.toString().startsWith('+PONG')));
  });
}

/** A port free now (and, for Cluster nodes, its bus port `port + 10000` too). */
export async function freePort(needsBusPort = false): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = needsBusPort ? 20_000 + Math.floor(Math.random() * 25_000) : await anyPort();
    if (port === 6379) continue;
    if ((await isFree(port)) && (!needsBusPort || (await isFree(port + 10_000)))) return port;
  }
  throw new Error('no free port found for redis-server after 50 attempts');
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
