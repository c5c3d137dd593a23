export { createApp } from './app.ts';
export { bootGateway } from './boot.ts';
export type { Gateway, BootOptions } from './boot.ts';
export type { GatewayDeps, GatewayEnv } from './deps.ts';
export { loadSettings, ConfigError } from './config/load-settings.ts';
export { settingsSchema } from './config/settings.ts';
export type { Settings } from './config/settings.ts';
export { ApiKeyRing } from './auth/api-keys.ts';
export { TokenSigner } from './auth/signed-token.ts';
