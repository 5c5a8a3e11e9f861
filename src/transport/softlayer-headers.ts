import type { ApiCall, Credentials, ResultLimit } from '../dispatch/call';
import { scalarText } from '../scalar';

// The SoftLayer headers struct that XML-RPC sends as its first parameter and JSON-RPC as its
// `headers` member: authenticate, <Service>InitParameters, SoftLayer_ObjectMask or the legacy
// <Service>ObjectMask, <Service>ObjectFilter and resultLimit. Unknown members are ignored.

/** Fills the call from the headers struct; returns it for chaining. */
export function applyHeaders(call: ApiCall, headers: Record<string, unknown>): ApiCall {
  const credentials = credentialsFromHeaders(headers.authenticate);
  if (credentials) call.credentials = credentials;

  const init = headerEndingWith(headers, call.service, 'InitParameters');
  if (isStruct(init)) call.initId = init.id;

  const mask = maskFrom(headers, call.service);
  if (mask !== undefined) call.mask = mask;

  const filter = headerEndingWith(headers, call.service, 'ObjectFilter');
  if (filter !== undefined) call.filter = filter;

  const limit = resultLimitFrom(headers.resultLimit);
  if (limit) call.resultLimit = limit;
  return call;
}

export function isStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Header names embed the called service (SoftLayer_User_CustomerInitParameters); the Python SDK's
// own test server matches them by suffix, which also covers a client naming the parent service.
function headerEndingWith(headers: Record<string, unknown>, service: string, suffix: string) {
  const exact = headers[`${service}${suffix}`];
  if (exact !== undefined) return exact;
  const name = Object.keys(headers).find(
    (key) => key.endsWith(suffix) && (suffix !== 'ObjectMask' || key !== 'SoftLayer_ObjectMask'),
  );
  return name === undefined ? undefined : headers[name];
}

function maskFrom(headers: Record<string, unknown>, service: string): unknown {
  const stringMask = headers.SoftLayer_ObjectMask;
  if (isStruct(stringMask)) return stringMask.mask;
  const legacy = headerEndingWith(headers, service, 'ObjectMask');
  return isStruct(legacy) ? legacy.mask : undefined;
}

function credentialsFromHeaders(authenticate: unknown): Credentials | undefined {
  if (!isStruct(authenticate)) return undefined;

  // Members that are not scalars are no credentials at all: "No valid authentication headers".
  const authToken = scalarText(authenticate.authToken);
  if (authToken !== undefined) {
    return { kind: 'portalToken', userId: authenticate.userId, authToken };
  }
  const username = scalarText(authenticate.username);
  const apiKey = scalarText(authenticate.apiKey);
  if (username !== undefined && apiKey !== undefined) return { kind: 'apiKey', username, apiKey };
  return undefined;
}

function resultLimitFrom(value: unknown): ResultLimit | undefined {
  if (!isStruct(value)) return undefined;
  const limit = Number(scalarText(value.limit ?? 0));
  const offset = Number(scalarText(value.offset ?? 0));
  if (!Number.isSafeInteger(limit) || !Number.isSafeInteger(offset) || limit < 0 || offset < 0) {
    return undefined;
  }
  return { limit, offset };
}
