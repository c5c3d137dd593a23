import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { onDispose, stopChild, track } from './children.ts';
import { pinnedCommand, type Pinning } from './cpu-pinning.ts';
import { freePort, waitForHttp } from '../../support/ports.ts';

export interface GatewayOptions {
  readonly root: string;
  /** The bundle to run; default `<root>/gateway/dist/main.js`. */
  readonly bundle?: string | null;
  readonly pinning: Pinning;
  readonly apiKey: string;
  /** Redis URL; absent: the embedded (in-memory) store. */
  readonly redisUrl?: string;
  /** OMNIKERNEL_DEMO (default true): load the demo retailer into the store at start. */
  readonly demo?: boolean;
  /** V8 flags; default GATEWAY_NODE_FLAGS, the production ones. */
  readonly v8Flags?: readonly string[];
  /** Extra node flags, e.g. `--cpu-prof` for the profile phase. */
  readonly nodeArgs?: readonly string[];
  /** Working directory; default: the repository root. */
  readonly cwd?: string;
  /** A folder to write the gateway's whole output to, as `gateway-<port>.log`; default: none. */
  readonly logDir?: string | null;
  /**
   * Cores to start on (taskset list); default the server core. The bench boots and seeds on every
   * core, then pins the gateway to the server core (`pinRunning`) before measuring it.
   */
  readonly cores?: string;
}

export interface RunningGateway {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM and wait: the gateway drains and exits 0, which is when --cpu-prof writes its file. */
  stop(): Promise<number | null>;
}

/**
 * The V8 flags gateway/README.md gives for production: a young generation fixed at 32 MB per
 * semi-space. With a ~1 GB heap every scavenge pauses the gateway for milliseconds however little
 * survives. After an idle spell (here: while the other gateway is seeded) V8 may shrink the young
 * generation to a few MB and grows it back only as objects survive, which the garbage of warm
 * decisions hardly does; when it did, the gateway scavenged 8–31 times a second at 700
 * decisions/s instead of about once. The minimum is what matters; the maximum is V8's default on
 * this machine.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=32', '--max-semi-space-size=32'];

/**
 * Starts `NODE_ENV=production node gateway/dist/main.js` pinned to the server core, with the
 * settings of gateway/src/config/settings.ts given by environment only. Variables a developer may
 * have exported (another Redis, a config file, other keys) are removed so every run is alike.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(OMNIKERNEL_|REDIS_|PORT$|HOST$|LOG_LEVEL$|NODE_OPTIONS$)/.test(name)) env[name] = value;
  }
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    OMNIKERNEL_DEMO: options.demo === false ? '0' : '1',
    OMNIKERNEL_API_KEYS: JSON.stringify([{ key: options.apiKey, scopes: ['admin'], name: 'bench' }]),
    LOG_LEVEL: 'warn',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  });
  const [command, args] = pinnedCommand(options.pinning, options.cores ?? options.pinning.serverCore, process.execPath, [...(options.v8Flags ?? GATEWAY_NODE_FLAGS), ...(options.nodeArgs ?? []), options.bundle ?? join(options.root, 'gateway/dist/main.js')]);
  const child = track(spawn(command, args, { cwd: options.cwd ?? options.root, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  const keep = (chunk: Buffer) => {
    // Keep the tail only: a warn-level log line per failed request must not grow without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    const file = createWriteStream(join(options.logDir, `gateway-${port}.log`));
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
    child.once('close', () => file.end());
  }
  const stop = () => stopChild(child, 15_000);
  const unregister = onDispose(`gateway ${port}`, async () => void (await stop()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/readyz`, 120_000, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await stop();
    unregister();
    throw new Error(`the gateway did not become ready: ${(error as Error).message}\n--- its output ---\n${output}`);
  }
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    async stop() {
      const code = await stop();
      unregister();
      return code;
    },
  };
}
