import type { Store, UserRecord } from '../../db/store';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import type { Mailer } from '../email/mailer';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { RequestQuota } from './request-quota';

/** Credentials as a transport found them; the dispatcher decides whether they are good. */
export type Credentials =
  | { kind: 'apiKey'; username: string; apiKey: string }
  | { kind: 'portalToken'; userId: unknown; authToken: string }
  // HTTP Basic carries either username:apiKey or, from softlayer-go, userId:authToken.
  | { kind: 'basic'; username: string; secret: string }
  | { kind: 'bearer'; token: string };

export interface ResultLimit {
  limit: number;
  offset: number;
}

export type Protocol = 'xmlrpc' | 'rest' | 'jsonrpc';

/** One API call, whatever wire it came over. Transports build it; handlers never see the wire. */
export interface ApiCall {
  protocol: Protocol;
  service: string;
  method: string;
  args: unknown[];
  initId?: unknown;
  credentials?: Credentials;
  mask?: unknown;
  filter?: unknown;
  resultLimit?: ResultLimit;
  /** Shared by the calls of one request; the dispatcher starts a new one when it is absent. */
  quota?: RequestQuota;
}

export interface ApiResult {
  value: unknown;
  /** Set for list results: the size of the whole list, before any result limit. */
  totalItems?: number;
}

/** What a call was about, for the one summary log line each request gets. */
export interface CallSummary {
  protocol: Protocol;
  service?: string;
  method?: string;
  user?: string;
  objectId?: number;
  faultCode?: string;
}

export interface Services {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  config: AppConfig;
}

/** Everything a handler may use. Arguments arrive separately, validated and coerced. */
export interface CallContext extends Services {
  service: string;
  method: string;
  initId: number | undefined;
  caller: UserRecord | undefined;
  mask: unknown;
  filter: unknown;
  quota: RequestQuota;
  log: Logger;
}

export type Handler = (ctx: CallContext, ...args: never[]) => unknown;
