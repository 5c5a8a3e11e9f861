import type { CallContext } from '../dispatch/call';

/**
 * Loads one relational property of an object a handler returned, only when a mask or a filter
 * asks for it. Gets the object as the handler built it (local properties) and returns the
 * related object(s) the same way, or undefined when there is none.
 */
export type RelationLoader = (ctx: CallContext, object: Record<string, unknown>) => unknown;

/** Loaders by datatype, then by relational property name. */
export type RelationLoaders = Record<string, Record<string, RelationLoader>>;
