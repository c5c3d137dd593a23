import { describe, expect, it } from 'vitest';
import { checkPluginContract } from './check-plugin-contract.ts';
import type { ContractReport } from './contract-types.ts';
import { createMemoryPluginState } from './memory-plugin-state.ts';
import * as samples from './samples.ts';

const messages = (report: ContractReport, check?: string) =>
  report.problems.filter((p) => check === undefined || p.check === check).map((p) => p.message);

describe('checkPluginContract', () => {
  it('passes a plugin that keeps the contract, with its snapshot learned from fixture views', async () => {
    const report = await checkPluginContract(samples.goodPlugin);
    expect(report).toMatchObject({ plugin: 'good-views', ok: true, problems: [], warnings: [] });
  });

  it('passes a compose plugin and a plugin that waits but honours its signal', async () => {
    expect((await checkPluginContract(samples.composePlugin)).problems).toEqual([]);
    expect((await checkPluginContract(samples.patientPlugin)).problems).toEqual([]);
  });

  it('catches Math.random as non-determinism, naming the plugin, fixture and path', async () => {
    const report = await checkPluginContract(samples.randomPlugin);
    expect(report.ok).toBe(false);
    const found = messages(report, 'determinism');
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/^plugin 'uses-math-random': decide is not deterministic: .* at offers\[0\]\.score: .*Math\.random.*\(fixture 'new-customer'\)$/);
  });

  it('reports a mutation of the frozen input as a mutation, not a crash', async () => {
    const report = await checkPluginContract(samples.mutatingPlugin);
    const found = messages(report, 'immutability');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/plugin 'sorts-in-place': decide mutates its input: .*copy before sorting/);
    expect(messages(report, 'decide')).toEqual([]);
  });

  it('fails a plugin that never settles, even after its signal is aborted', async () => {
    const report = await checkPluginContract(samples.hangingPlugin, { graceMs: 30 });
    const found = messages(report, 'abort');
    expect(found).toHaveLength(10);
    expect(found[0]).toMatch(/plugin 'never-settles': decide with an already-aborted signal did not settle within 50 ms/);
    expect(found[1]).toMatch(/with its signal aborted at timeoutMs/);
  });

  it('lists the schema issues of invalid output', async () => {
    const [first] = messages(await checkPluginContract(samples.invalidOutputPlugin), 'output');
    expect(first).toMatch(/plugin 'invalid-output': decide returned a contribution that does not validate: /);
    expect(first).toMatch(/items\.0\.score/);
    expect(first).toMatch(/colour/);
  });

  it('reports a throwing decide once per fixture', async () => {
    const found = messages(await checkPluginContract(samples.throwingPlugin), 'decide');
    expect(found).toHaveLength(5);
    expect(found[0]).toBe("plugin 'always-throws': decide threw: database is down (fixture 'new-customer')");
  });

  it('warns about ids the catalog does not know without failing', async () => {
    const report = await checkPluginContract(samples.unknownIdsPlugin);
    expect(report.ok).toBe(true);
    expect(report.warnings[0]?.message).toMatch(/proposes offer 'o-does-not-exist', which the catalog does not have/);
  });
});

describe('checkPluginContract: manifest, options and learning', () => {
  it('reports every manifest problem at once', async () => {
    const report = await checkPluginContract({ name: 'Bad_Name', version: '1.0', apiVersion: 2, stage: 'later', decide: () => ({}) });
    expect(messages(report, 'manifest')).toEqual([
      "plugin 'Bad_Name': is not branded: wrap the spec in definePlugin({...}) from @omnikernel/sdk",
      `plugin 'Bad_Name': name "Bad_Name" is not kebab-case (e.g. 'next-best-offer')`,
      `plugin 'Bad_Name': version "1.0" is not semver (e.g. '1.0.0')`,
      "plugin 'Bad_Name': targets apiVersion 2; this SDK supports 1",
      `plugin 'Bad_Name': stage "later" is neither 'propose' nor 'compose'`,
    ]);
  });

  it('stops at a value that cannot run', async () => {
    const report = await checkPluginContract(undefined);
    expect(report.plugin).toBe('(unnamed)');
    expect(messages(report)).toEqual(["plugin '(unnamed)': is undefined, not a plugin: default-export definePlugin({...}) from the package"]);
  });

  it('requires defaults for every option unless options are given', async () => {
    const report = await checkPluginContract(samples.optionsWithoutDefaults);
    expect(messages(report, 'options')[0]).toMatch(/^plugin 'needs-api-key': options do not parse with its defaults \(\{\}\): apiKey: /);
    expect(messages(report, 'decide')).toEqual(["plugin 'needs-api-key': decide was not run because its options did not parse"]);
    expect((await checkPluginContract(samples.optionsWithoutDefaults, { options: { apiKey: 'secret-key' } })).ok).toBe(true);
  });

  it('catches observe mutating or throwing, and a snapshot that differs between builds', async () => {
    const report = await checkPluginContract(samples.badObserver);
    expect(messages(report, 'immutability')[0]).toMatch(/observe mutates its observation of event 'e-new-1' \(page_viewed\)/);
    expect(messages(report, 'learning')).toContain("plugin 'bad-observer': observe threw on outcome 'out-1' (shown): unknown outcome. observe must tolerate every event type and missing properties");
    expect(messages(report, 'learning').at(-1)).toMatch(/snapshot\.build is not deterministic: two builds from the same state differ at builtAt/);
  });

  it('builds the snapshot from prepared state when given one', async () => {
    const state = createMemoryPluginState();
    await state.zincr('views', 'p-candle', 100);
    const report = await checkPluginContract(samples.goodPlugin, { snapshotState: state, fixtures: [] });
    expect(report.ok).toBe(true);
    expect((await state.ztop('views', 1))[0]?.member).toBe('p-candle');
  });
});
