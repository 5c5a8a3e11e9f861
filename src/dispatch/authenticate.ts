import type { Store, UserRecord } from '../../db/store';
import type { Clock } from '../clock';
import { hashSecret, secretMatchesHash } from '../security/secret-token';
import type { Credentials } from './call';
import { errors } from './errors';

import { isActive } from '../user-status';
import { scalarText } from '../scalar';

/** The user behind the call's credentials, or the real API's refusal. */
export function authenticate(
  credentials: Credentials | undefined,
  store: Store,
  clock: Clock,
): UserRecord {
  if (!credentials) throw errors.noAuthHeaders();

  switch (credentials.kind) {
    case 'apiKey':
      return byApiKey(credentials.username, credentials.apiKey, store);
    case 'portalToken':
      return byPortalToken(credentials.userId, credentials.authToken, store, clock);
    case 'basic':
      return byBasic(credentials.username, credentials.secret, store, clock);
    case 'bearer':
      throw errors.bearerUnsupported();
  }
}

function byApiKey(username: string, apiKey: string, store: Store): UserRecord {
  // username "apikey" is softlayer-python's way of sending an IBM Cloud API key alone.
  const user =
    username === 'apikey'
      ? store.findUserByApiKeyHash(hashSecret(apiKey))
      : store.findUserByUsername(username);

  const keyMatches = user?.apiKeyHash != null && secretMatchesHash(apiKey, user.apiKeyHash);
  if (!user || !keyMatches || !isActive(user)) throw errors.invalidApiKey();
  return user;
}

function byPortalToken(userId: unknown, authToken: string, store: Store, clock: Clock): UserRecord {
  const tokenUser = store.findPortalTokenUser(hashSecret(authToken), clock.now());
  const user = tokenUser === undefined ? undefined : store.findUserById(tokenUser);

  if (!user || String(user.id) !== scalarText(userId) || !isActive(user)) {
    throw errors.invalidPortalToken();
  }
  return user;
}

function byBasic(username: string, secret: string, store: Store, clock: Clock): UserRecord {
  if (/^\d+$/.test(username) && !store.findUserByUsername(username)) {
    return byPortalToken(username, secret, store, clock);
  }
  return byApiKey(username, secret, store);
}
