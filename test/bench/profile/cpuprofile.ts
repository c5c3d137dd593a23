import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of V8's .cpuprofile format (what `node --cpu-prof` writes) that are read here. */
interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: readonly number[] }[];
  /** Microseconds, CLOCK_MONOTONIC on Linux: the same clock as process.hrtime in any process. */
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionCost {
  readonly name: string;
  /** `path:line` in the original sources when a source map says so, else the script's own. */
  readonly location: string;
  /** Where it lives: a workspace package, a dependency, node internals, or a V8 pseudo-frame. */
  readonly area: string;
  readonly selfMs: number;
  /** Share of the window's non-idle time. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly windowMs: number;
  readonly busyMs: number;
  readonly idleMs: number;
  readonly top: readonly FunctionCost[];
  /** Self time summed by area (package), largest first. */
  readonly areas: readonly { readonly area: string; readonly selfMs: number; readonly share: number }[];
  /**
   * The project's own functions (gateway, packages, plugins) by inclusive time (self + callees):
   * where self time is spread thin (natives, GC, dependencies), this says which of our code paths
   * it was spent under. `selfMs` here is the inclusive time.
   */
  readonly ownInclusive: readonly FunctionCost[];
}

/**
 * Self time per function in a .cpuprofile, optionally only inside a time window (µs on the
 * profile's clock; the bench passes the hrtime window of a load run, which is the same clock), with
 * bundle positions mapped back to the TypeScript sources through the bundle's source map.
 */
export function summarizeProfile(file: string, options: { root: string; fromUs?: number; toUs?: number; top?: number; inclusiveTop?: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = options.fromUs ?? -Infinity;
  const to = options.toUs ?? Infinity;

  // Sample i happened at startTime + Σ timeDeltas[0..i] and lasted until the next one.
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  for (let i = 0; i < profile.samples.length; i++) {
    const at = times[i]!;
    if (at < from || at > to) continue;
    const lasted = i + 1 < times.length ? times[i + 1]! - at : (profile.timeDeltas[i] ?? 0);
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + lasted);
  }

  const locate = locator(options.root);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inclusive = new Map<string, { name: string; location: string; area: string; us: number }>();
  const frameKey = new Map<number, { key: string; name: string; location: string; area: string } | null>();
  const ownFrame = (id: number) => {
    if (!frameKey.has(id)) {
      const frame = byId.get(id)!.callFrame;
      const { location, area } = locate(frame.url, frame.lineNumber, frame.columnNumber);
      const own = /^(gateway|packages|plugins)\//.test(location);
      const name = frame.functionName || '(anonymous)';
      frameKey.set(id, own ? { key: `${name}@${location}`, name, location, area } : null);
    }
    return frameKey.get(id)!;
  };
  for (const [leaf, us] of selfUs) {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const f = ownFrame(id);
      if (!f || seen.has(f.key)) continue;
      seen.add(f.key);
      const entry = inclusive.get(f.key) ?? { name: f.name, location: f.location, area: f.area, us: 0 };
      entry.us += us;
      inclusive.set(f.key, entry);
    }
  }
  const byFunction = new Map<string, { name: string; location: string; area: string; us: number }>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const { location, area } = locate(frame.url, frame.lineNumber, frame.columnNumber);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${location}`;
    // Frames without a script are V8's pseudo-frames ((garbage collector), (program)) or native code.
    const entry = byFunction.get(key) ?? { name, location, area: frame.url ? area : name.startsWith('(') ? name : '(native)', us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const busyUs = totalUs - idleUs;
  const share = (us: number) => (busyUs > 0 ? us / busyUs : 0);
  const ranked = [...byFunction.values()].sort((a, b) => b.us - a.us);
  const areas = new Map<string, number>();
  for (const f of ranked) areas.set(f.area, (areas.get(f.area) ?? 0) + f.us);
  return {
    windowMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    top: ranked.slice(0, options.top ?? 20).map((f) => ({ name: f.name, location: f.location, area: f.area, selfMs: f.us / 1000, share: share(f.us) })),
    areas: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, selfMs: us / 1000, share: share(us) })),
    ownInclusive: [...inclusive.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, options.inclusiveTop ?? options.top ?? 20)
      .map((f) => ({ name: f.name, location: f.location, area: f.area, selfMs: f.us / 1000, share: share(f.us) })),
  };
}

/** Maps a frame's script position to `source:line` (1-based) and an area name, via source maps. */
function locator(root: string): (url: string, line: number, column: number) => { location: string; area: string } {
  const maps = new Map<string, { map: SourceMap; dir: string } | null>();
  const mapFor = (path: string) => {
    if (!maps.has(path)) {
      const mapFile = `${path}.map`;
      maps.set(path, existsSync(mapFile) ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: dirname(mapFile) } : null);
    }
    return maps.get(path)!;
  };
  return (url, line, column) => {
    if (!url) return { location: '', area: '' };
    if (url.startsWith('node:')) return { location: `${url}:${line + 1}`, area: 'node (internals)' };
    let path = url.startsWith('file://') ? fileURLToPath(url) : url;
    let originalLine = line;
    const mapped = mapFor(path);
    if (mapped) {
      const entry = mapped.map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource) {
        path = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(mapped.dir, entry.originalSource);
        originalLine = entry.originalLine ?? line;
      }
    }
    const shown = relative(root, path) || path;
    return { location: `${shown}:${originalLine + 1}`, area: areaOf(shown) };
  };
}

/** `node_modules/@hono/node-server/…` → `@hono/node-server`; `packages/store/src/…` → `packages/store`. */
function areaOf(path: string): string {
  const parts = path.split(/[\\/]/);
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) return parts[nm + 1]?.startsWith('@') ? `${parts[nm + 1]}/${parts[nm + 2]}` : (parts[nm + 1] ?? path);
  if (['packages', 'plugins'].includes(parts[0]!)) return `${parts[0]}/${parts[1]}`;
  return parts[0] ?? path;
}
