import type { ApiCall, ApiResult, CallContext, ResultLimit } from '../dispatch/call';
import { errors } from '../dispatch/errors';
import { isOrderBy } from './filter-operation';
import { asFilter, type ObjectGraph } from './object-graph';
import { maskFromStruct, MaskSyntaxError, parseMaskString, type ObjectMask } from './object-mask';
import { baseType } from './type-catalog';

/** The mask as the transport found it: a string, or the legacy struct. */
export function readMask(raw: unknown): ObjectMask | undefined {
  try {
    if (typeof raw === 'string') return parseMaskString(raw);
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      return maskFromStruct(raw as Record<string, unknown>);
    }
    return undefined;
  } catch (error) {
    if (error instanceof MaskSyntaxError) throw errors.malformedMask(error.message);
    throw error;
  }
}

/**
 * What the method returned, as the call asked for it. A list is filtered and ordered, counted
 * for SoftLayer-Total-Items, cut to the result limit, then masked item by item, so relations are
 * loaded for the returned page only.
 */
export function shapeResult(
  graph: ObjectGraph,
  ctx: CallContext,
  call: ApiCall,
  returns: string,
  mask: ObjectMask | undefined,
  value: unknown,
): ApiResult {
  const type = baseType(returns);
  if (!Array.isArray(value)) return { value: graph.select(ctx, value, type, mask, call.filter) };

  const filter = listFilter(graph, call);
  const kept = graph.filterList(ctx, value, type, filter);
  const page = limitList(kept, call.resultLimit);
  const nestedFilter = mask?.filtered ? filter : undefined;
  return { value: graph.select(ctx, page, type, mask, nestedFilter), totalItems: kept.length };
}

/**
 * A list method's filter starts at the service's datatype: SoftLayer_Account::getUsers reads
 * `{"users": {...}}`. getAllObjects-style methods, which return the service's own type, read it
 * from the root. softlayer-python's iter_call adds `{"id": {"operation": "orderBy"}}` beside the
 * relation; such root-level orderBy members order the list too.
 */
function listFilter(graph: ObjectGraph, call: ApiCall): Record<string, unknown> | undefined {
  const root = asFilter(call.filter);
  if (!root) return undefined;

  const relation = relationOf(call.method);
  const service = graph.catalog.find(call.service);
  if (!relation || !service?.properties.has(relation)) return root;

  const filter = { ...(asFilter(root[relation]) ?? {}) };
  for (const [name, condition] of Object.entries(root)) {
    const operation = (condition as { operation?: unknown } | null)?.operation;
    if (name !== relation && isOrderBy(operation) && !(name in filter)) filter[name] = condition;
  }
  return filter;
}

// getUsers → users; getAllObjects has no relation.
function relationOf(method: string): string | undefined {
  const match = /^get([A-Z]\w*)$/.exec(method);
  if (!match || method === 'getAllObjects') return undefined;
  const name = match[1] as string;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function limitList(list: unknown[], resultLimit: ResultLimit | undefined): unknown[] {
  if (!resultLimit) return list;
  const { offset, limit } = resultLimit;
  // A limit of 0 comes from softlayer-python when only an offset is set: no limit.
  return list.slice(offset, limit > 0 ? offset + limit : undefined);
}
