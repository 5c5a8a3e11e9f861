// What one HTTP request may still spend. A JSON-RPC batch carries many calls in one request;
// they share one quota, so a batch cannot multiply what a single call is allowed.

/**
 * Related objects the masks and filters of one request may load. Relations form cycles (a
 * user's account lists the user again), so `account[users[account[users[…]]]]` grows about
 * six-fold a level; unbounded, nine levels ran the process out of memory. A request that
 * reaches this bound has spent about a quarter of a second.
 */
export const MAX_RELATED_OBJECTS = 25_000;

export interface RequestQuota {
  relatedObjects: number;
}

export function newRequestQuota(): RequestQuota {
  return { relatedObjects: MAX_RELATED_OBJECTS };
}
