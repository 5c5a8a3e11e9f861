import type { FastifyBaseLogger as Logger } from 'fastify';
import type { UserRecord } from '../../db/store';
import type { ArgumentValidator } from './arguments';
import { authenticate } from './authenticate';
import { readMask, shapeResult } from '../object-graph/call-query';
import type { ObjectGraph } from '../object-graph/object-graph';
import type { ApiCall, ApiResult, CallContext, CallSummary, Services } from './call';
import { errors } from './errors';
import { newRequestQuota } from './request-quota';
import type { MethodEntry, Registry } from './registry';
import { scalarText } from '../scalar';

/**
 * Runs before every handler; the sandbox's fault injection uses it to fail or delay calls. It
 * gets the service called and the ones it inherits from, nearest first.
 */
export interface BeforeHandler {
  beforeHandler(services: readonly string[], method: string): Promise<void>;
}

/**
 * Runs one call: finds the method (inherited ones too), checks the caller and the object id the
 * method needs, validates the arguments, then hands them to the handler.
 */
export class Dispatcher {
  constructor(
    private readonly registry: Registry,
    private readonly validator: ArgumentValidator,
    private readonly graph: ObjectGraph,
    private readonly services: Services,
    private readonly hook?: BeforeHandler,
  ) {}

  async dispatch(call: ApiCall, summary: CallSummary, log: Logger): Promise<ApiResult> {
    summary.service = call.service;
    summary.method = call.method;

    const method = this.registry.resolve(call.service, call.method);
    const caller = this.callerFor(method, call);
    if (caller) summary.user = caller.username;

    const initId = this.initIdFor(method, call);
    if (initId !== undefined) summary.objectId = initId;

    const args = this.validator.check(method.signature, call.args);
    const mask = readMask(call.mask);
    if (mask) this.graph.validate(mask, method.signature.returns);

    const context: CallContext = {
      ...this.services,
      service: call.service,
      method: call.method,
      initId,
      caller,
      mask: call.mask,
      filter: call.filter,
      quota: call.quota ?? newRequestQuota(),
      log,
    };

    await this.hook?.beforeHandler(this.registry.lineage(call.service), call.method);
    const value = await method.handler(context, ...(args as never[]));
    return shapeResult(this.graph, context, call, method.signature.returns, mask, value);
  }

  private callerFor(method: MethodEntry, call: ApiCall): UserRecord | undefined {
    // Anonymous methods ignore credentials: slcli sends its configured key with every call.
    if (method.signature.noauth) return undefined;
    return authenticate(call.credentials, this.services.store, this.services.clock);
  }

  private initIdFor(method: MethodEntry, call: ApiCall): number | undefined {
    if (method.signature.static) return undefined;

    const raw = call.initId;
    if (raw === undefined || raw === null || raw === '') {
      throw errors.missingInitId(call.service, call.method);
    }
    // Only decimal digits make an id: Number() would also take "0x1b5a" and "7e3".
    const text = scalarText(raw)?.trim();
    const id = typeof raw === 'number' ? raw : text && /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw errors.objectNotFound(text ?? JSON.stringify(raw));
    }
    return id;
  }
}
