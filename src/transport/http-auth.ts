import type { Credentials } from '../dispatch/call';

/** Credentials from an HTTP Authorization header: Basic (REST, or "apikey" users) or Bearer. */
export function credentialsFromAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;

  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  if (/^bearer$/i.test(scheme ?? '')) return { kind: 'bearer', token: value };
  if (!/^basic$/i.test(scheme ?? '')) return undefined;

  // requests encodes non-ASCII Basic credentials as Latin-1; accept UTF-8 too when it decodes.
  const bytes = Buffer.from(value, 'base64');
  const utf8 = bytes.toString('utf8');
  const decoded = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;

  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { kind: 'basic', username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
