import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ENVIRONMENT, settingsSchema, type Settings } from './settings.ts';

/** A configuration problem, reported at start with the setting or variable named. */
export class ConfigError extends Error {
  readonly code = 'OMK_ERR_CONFIG';
}

export interface LoadedSettings {
  readonly settings: Settings;
  /** Relative plugin paths and data files resolve from here. */
  readonly configDir: string;
  readonly configPath: string | null;
}

function fromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of ENVIRONMENT) {
    const raw = env[v.name];
    if (raw === undefined || raw === '' || v.setting === 'config') continue;
    try {
      out[v.setting] =
        v.parse === 'int' ? Number(raw) : v.parse === 'bool' ? /^(1|true|yes|on)$/i.test(raw) : v.parse === 'json' ? JSON.parse(raw) : v.parse === 'list' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
    } catch (error) {
      throw new ConfigError(`${v.name} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return out;
}

/**
 * Reads the configuration file (`OMNIKERNEL_CONFIG`, or `omnikernel.config.json` in the working
 * folder when present), then lets environment variables override it, and validates the result.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadedSettings {
  const explicit = env.OMNIKERNEL_CONFIG;
  const candidate = explicit ? resolve(cwd, explicit) : resolve(cwd, 'omnikernel.config.json');
  let file: Record<string, unknown> = {};
  let configPath: string | null = null;
  if (existsSync(candidate)) {
    configPath = candidate;
    try {
      file = JSON.parse(readFileSync(candidate, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`configuration file ${candidate} is not valid JSON: ${(error as Error).message}`);
    }
  } else if (explicit) {
    throw new ConfigError(`OMNIKERNEL_CONFIG points to ${candidate}, which does not exist`);
  }
  const parsed = settingsSchema.safeParse({ ...file, ...fromEnv(env) });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration${configPath ? ` (${configPath} and environment)` : ' (environment)'}:\n${lines.join('\n')}`);
  }
  return { settings: parsed.data, configDir: configPath ? dirname(configPath) : cwd, configPath };
}
