import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../src/config';
import { startTestApp } from './test-app';

export interface LiveServer {
  app: FastifyInstance;
  baseUrl: string;
}

/** slemu listening on 127.0.0.1 on a free port, for clients in other processes. */
export async function startLiveServer(overrides: Partial<AppConfig> = {}): Promise<LiveServer> {
  const app = await startTestApp(overrides);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  const baseUrl = `http://127.0.0.1:${port}`;
  app.slemu.config.publicUrl = baseUrl;
  return { app, baseUrl };
}
