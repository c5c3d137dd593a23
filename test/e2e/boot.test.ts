import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_KEY = 'ok_demo_key_public_do_not_use_in_production';

/** Runs the gateway's main to completion (for starts that must fail) and returns its exit and output. */
function runMain(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function configFile(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'omk-config-'));
  const path = join(dir, 'omnikernel.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('npm start', () => {
  let demo: GatewayProcess | undefined;
  afterAll(async () => {
    await demo?.stop();
  });

  it('serves the embedded demo, prints the demo key and curls that work as printed', async () => {
    demo = await startGatewayProcess({ OMNIKERNEL_DEMO: '', LOG_LEVEL: 'warn' }, { readyTimeoutMs: 90_000 });
    expect(demo.output()).toContain(DEMO_KEY);
    expect(demo.output()).toContain('curl -s');
    const res = await fetch(`${demo.url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ identifiers: { email: 'james.carter@example.com' }, channel: 'web' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decision: { decisionId: string; recommendations: unknown[]; nextBestOffer: unknown } };
    expect(body.decision.decisionId).toMatch(/^dec_/);
    expect(body.decision.recommendations.length).toBeGreaterThan(0);
    expect(body.decision.nextBestOffer).not.toBeNull();
  }, 120_000);

  it('stops on SIGTERM, tearing down cleanly with exit code 0', async () => {
    const gw = await startGatewayProcess({ OMNIKERNEL_API_KEYS: JSON.stringify([{ key: 'k'.repeat(32), scopes: ['admin'] }]) });
    expect((await fetch(`${gw.url}/v1/plugins`, { headers: { authorization: `Bearer ${'k'.repeat(32)}` } })).status).toBe(200);
    const code = await gw.stop();
    expect(code).toBe(0);
  }, 60_000);

  it('refuses to start on a bad plugin option, naming the plugin and the field', async () => {
    const path = configFile({ plugins: [{ plugin: 'recommendations', options: { repeatPurchases: 'sometimes' } }] });
    const { code, out } = await runMain([], { OMNIKERNEL_CONFIG: path, OMNIKERNEL_DEMO: '0' });
    expect(code).toBe(1);
    expect(out).toMatch(/plugin 'recommendations': invalid option 'options\.repeatPurchases'/);
  }, 60_000);

  it('refuses to start on an unknown plugin, naming it', async () => {
    const path = configFile({ plugins: ['recommendations', 'no-such-plugin'] });
    const { code, out } = await runMain([], { OMNIKERNEL_CONFIG: path, OMNIKERNEL_DEMO: '0' });
    expect(code).toBe(1);
    expect(out).toContain("plugin 'no-such-plugin' could not be loaded");
  }, 60_000);

  it('starts without an optional plugin that fails to load', async () => {
    const path = configFile({ plugins: ['recommendations', { plugin: './missing-plugin.js', optional: true }], apiKeys: [{ key: 'k'.repeat(32), scopes: ['admin'] }] });
    const gw = await startGatewayProcess({ OMNIKERNEL_CONFIG: path });
    const res = await fetch(`${gw.url}/v1/plugins`, { headers: { authorization: `Bearer ${'k'.repeat(32)}` } });
    const body = (await res.json()) as { plugins: { name: string }[] };
    expect(body.plugins.map((p) => p.name)).toEqual(['recommendations']);
    await gw.stop();
  }, 60_000);

  it('lists every setting with --help', async () => {
    const { code, out } = await runMain(['--help'], {});
    expect(code).toBe(0);
    for (const name of ['PORT', 'REDIS_URL', 'REDIS_CLUSTER_NODES', 'OMNIKERNEL_DEMO', 'OMNIKERNEL_CONFIG', 'OMNIKERNEL_API_KEYS']) expect(out).toContain(name);
  }, 60_000);
});
