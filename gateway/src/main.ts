import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@omnikernel/kernel';
import { bootGateway } from './boot.ts';
import { helpText } from './config/help.ts';
import { gatewayListener } from './http/gateway-listener.ts';
import { ConfigError, loadSettings } from './config/load-settings.ts';
import { startupBanner } from './startup-banner.ts';

/** Boots the gateway from the environment: `npm start`. */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  const { settings, configDir, configPath } = loadSettings();
  const logger = createLogger({ level: settings.logLevel });
  const gateway = await bootGateway({ settings, configDir, logger });
  const server = createServer(gatewayListener(gateway));
  server.listen(settings.port, settings.host, () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(startupBanner({ port, settings, demoKey: gateway.demoKey, configPath }));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: no new connections, finishing in-flight requests', { signal });
    gateway.setReady(false);
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing anyway', { timeoutMs: settings.shutdownTimeoutMs });
      process.exit(1);
    }, settings.shutdownTimeoutMs);
    force.unref();
    server.close(async () => {
      await gateway.close();
      logger.info('stopped');
      process.exit(0);
    });
    // Idle keep-alive sockets would hold close() open; in-flight ones finish first.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  const message = error instanceof ConfigError || (error as { code?: string }).code?.startsWith('OMK_ERR') ? error.message : (error.stack ?? String(error));
  process.stderr.write(`omnikernel could not start: ${message}\n`);
  process.exit(1);
});
