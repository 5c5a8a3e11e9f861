import { buildApp } from './app';
import { isLoopback, type AppConfig } from './config';

/** Starts slemu on its socket and stops it cleanly on SIGINT / SIGTERM. */
export async function startServer(config: AppConfig): Promise<void> {
  // Anyone who can reach the control plane can read every secret and reset the data.
  if (!isLoopback(config.host) && !config.adminToken) {
    throw new Error(
      `refusing to listen on ${config.host} without --admin-token (or SLEMU_ADMIN_TOKEN): ` +
        'off loopback, the sandbox pages and /_slemu/ need one',
    );
  }

  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ publicUrl: config.publicUrl, db: config.db }, 'slemu is ready');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}
