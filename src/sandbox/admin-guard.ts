import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

export const ADMIN_COOKIE = 'slemu_admin';

const NEEDS_TOKEN =
  'this slemu needs its admin token: Authorization: Bearer <token>, or a page opened with ?token=';

// The pages and their assets; the SoftLayer API itself (/xmlrpc, /rest, /jsonrpc, /metadata)
// is never guarded: its clients authenticate as users.
const PAGE_PATHS = new Set(['/', '/outbox', '/login', '/password/set']);
const OPEN_PATHS = new Set(['/_slemu/health']);

/** The control plane and the pages: what the admin token protects. */
export function isSandboxPath(path: string): boolean {
  if (OPEN_PATHS.has(path)) return false;
  return path.startsWith('/_slemu/') || path.startsWith('/assets/') || PAGE_PATHS.has(path);
}

/**
 * An onRequest hook that lets a request through to the sandbox only with the admin token: as
 * `Authorization: Bearer <token>` (the CLI, scripts) or the cookie a browser gets by opening
 * any page once with `?token=<token>`.
 */
export function adminGuard(token: string) {
  const expected = digest(token);

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // The route fastify matched, not the raw path, so percent-encoding cannot slip past.
    const url = new URL(request.url, 'http://slemu');
    if (!isSandboxPath(request.routeOptions.url ?? url.pathname)) return;

    const offered = bearer(request.headers.authorization) ?? cookie(request.headers.cookie);
    if (offered !== undefined && timingSafeEqual(digest(offered), expected)) return;

    const fromQuery = url.searchParams.get('token');
    if (
      request.method === 'GET' &&
      fromQuery !== null &&
      timingSafeEqual(digest(fromQuery), expected)
    ) {
      url.searchParams.delete('token');
      const cookieValue = `${ADMIN_COOKIE}=${encodeURIComponent(fromQuery)}`;
      await reply
        .header('set-cookie', `${cookieValue}; Path=/; HttpOnly; SameSite=Strict`)
        .redirect(`${url.pathname}${url.search}`);
      return;
    }

    await reply.code(401).send({ error: NEEDS_TOKEN });
  };
}

// Comparing fixed-length digests keeps timingSafeEqual from throwing on a length mismatch.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function cookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ADMIN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
