import type { ChildProcess } from 'node:child_process';
import { resumeAllPaused } from './pause.ts';

/**
 * Every process the bench starts, so that nothing outlives it: a gateway left running would hold
 * its port and half a core, and a second run would measure against it. Disposers run in reverse
 * order of registration (load generator first, then gateways, then redis-server) on normal exit, on
 * an error, and on Ctrl-C; whatever is still alive at `exit` gets SIGKILL synchronously.
 */
type Disposer = () => Promise<void>;

const disposers: { name: string; dispose: Disposer }[] = [];
const children = new Set<ChildProcess>();
let disposing: Promise<void> | null = null;

/** Tracks a child so it is SIGKILLed at process exit if nobody stopped it before. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Registers an orderly shutdown (SIGTERM and wait, remove a temp folder…); returns an unregister function. */
export function onDispose(name: string, dispose: Disposer): () => void {
  const entry = { name, dispose };
  disposers.push(entry);
  return () => {
    const at = disposers.indexOf(entry);
    if (at >= 0) disposers.splice(at, 1);
  };
}

/** Runs every disposer once (latest first); errors are reported, never thrown, so the rest still run. */
export function disposeAll(): Promise<void> {
  disposing ??= (async () => {
    // A stopped child would sit on its SIGTERM until killed after the grace period.
    resumeAllPaused();
    while (disposers.length > 0) {
      const { name, dispose } = disposers.pop()!;
      try {
        await dispose();
      } catch (error) {
        process.stderr.write(`bench: stopping ${name} failed: ${(error as Error).message}\n`);
      }
    }
  })();
  return disposing;
}

/** Sends SIGTERM, waits for the exit, SIGKILLs after `graceMs`. Resolves with the exit code. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

let installed = false;

/** Installs the signal and exit hooks once: Ctrl-C and fatal errors still stop every child. */
export function installCleanupHooks(): void {
  if (installed) return;
  installed = true;
  const fatal = (label: string) => (error: unknown) => {
    process.stderr.write(`bench: ${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void disposeAll().finally(() => process.exit(1));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping everything it started…\n`);
      void disposeAll().finally(() => process.exit(130));
    });
  }
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));
  // Last resort: synchronous, so it also runs on process.exit() from anywhere.
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}
