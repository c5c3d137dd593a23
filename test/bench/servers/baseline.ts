import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onDispose, stopChild, track } from './children.ts';
import { pinnedCommand, type Pinning } from './cpu-pinning.ts';
import { freePort, waitForHttp } from '../../support/ports.ts';

/** One path of the baseline app and the bytes it answers (captured from the gateway). */
export interface BaselineRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
}

export interface RunningBaseline {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const APP = fileURLToPath(new URL('./baseline-app.ts', import.meta.url));
// `--import tsx` resolves from the working directory: the repository root, where tsx is installed.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts the bare Hono app pinned to the server core (the same core the gateway gets). */
export async function startBaseline(options: { pinning: Pinning; routes: readonly BaselineRoute[]; workDir: string }): Promise<RunningBaseline> {
  const port = await freePort();
  const routesFile = join(options.workDir, 'baseline-routes.json');
  writeFileSync(routesFile, JSON.stringify(options.routes));
  const [command, args] = pinnedCommand(options.pinning, options.pinning.serverCore, process.execPath, ['--import', 'tsx', APP, routesFile, String(port)]);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.NODE_OPTIONS;
  const child = track(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] }));
  let errors = '';
  child.stderr?.on('data', (b: Buffer) => (errors = (errors + b.toString()).slice(-5_000)));
  const stop = async () => void (await stopChild(child));
  const unregister = onDispose(`baseline ${port}`, stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, 30_000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`the baseline app did not start: ${(error as Error).message}\n${errors}`);
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      await stop();
      unregister();
    },
  };
}
