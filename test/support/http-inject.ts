import type { FastifyInstance } from 'fastify';

interface InjectLike {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/**
 * Something that answers `inject()` like a fastify app but sends each request over real HTTP to
 * a listening slemu. The callers in transports.ts and raw-wires.ts take it in place of the app,
 * so every transport's client works against another process, or many requests truly in parallel.
 */
export function overHttp(baseUrl: string): FastifyInstance {
  const inject = async (options: InjectLike) => {
    const response = await fetch(`${baseUrl}${options.url}`, {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      ...(options.payload === undefined ? {} : { body: options.payload }),
    });
    const body = await response.text();
    return { statusCode: response.status, body, headers: Object.fromEntries(response.headers) };
  };
  return { inject } as unknown as FastifyInstance;
}
