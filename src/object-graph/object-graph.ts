import type { CallContext } from '../dispatch/call';
import { errors } from '../dispatch/errors';
import { MAX_RELATED_OBJECTS } from '../dispatch/request-quota';
import { isLeaf, isOrderBy, matchesLeaf } from './filter-operation';
import type { MaskNode, ObjectMask } from './object-mask';
import type { RelationLoaders } from './relations';
import { scalarText } from '../scalar';
import {
  baseType,
  type PropertyDescription,
  type TypeCatalog,
  type TypeDescription,
} from './type-catalog';

type Item = Record<string, unknown>;
type Filter = Record<string, unknown>;

// Deeper than any relation path slemu models; bounds the walk over a hostile filter.
const MAX_FILTER_DEPTH = 16;

interface SortKey {
  path: string[];
  descending: boolean;
  priority: number;
  position: number;
}

/**
 * Applies object masks and object filters to what handlers return, driven by the datatype a
 * method returns. Handlers build local properties only; relational ones are loaded here, lazily,
 * when a mask or a filter names them.
 */
export class ObjectGraph {
  constructor(
    readonly catalog: TypeCatalog,
    private readonly loaders: RelationLoaders,
  ) {}

  /** Rejects a mask naming a property its type lacks, before the method runs. */
  validate(mask: ObjectMask, type: string): void {
    this.validateNode(mask.root, this.maskType(mask.root, type));
  }

  /** One value shaped by the mask; relational lists in it are restricted by the filter. */
  select(
    ctx: CallContext,
    value: unknown,
    type: string,
    mask: ObjectMask | undefined,
    filter: unknown,
  ): unknown {
    const root = mask?.root;
    return this.selectValue(ctx, value, this.maskType(root, type), root, asFilter(filter), {
      filtered: mask?.filtered ?? false,
      depth: 0,
    });
  }

  /** The items that pass the filter, in the order its orderBy operations ask for. */
  filterList(ctx: CallContext, items: unknown[], type: string, filter: Filter | undefined) {
    if (!filter || Object.keys(filter).length === 0) return items;
    const description = this.catalog.find(type);
    if (!description) return items;

    const kept = items.filter(
      (item) => !isItem(item) || this.matches(ctx, description, item, filter),
    );
    return this.sort(ctx, kept, description, filter);
  }

  private validateNode(node: MaskNode, type: string): void {
    const description = this.catalog.find(type);
    if (!description) return;

    for (const [name, child] of node.properties) {
      const property = description.properties.get(name);
      if (!property) throw errors.invalidMaskProperty(name, description.name);
      this.validateNode(child, this.maskType(child, property.type));
    }
  }

  // A type named in the mask wins when slemu knows it (a subtype); otherwise the declared one.
  private maskType(node: MaskNode | undefined, declared: string): string {
    const named = node?.type;
    return named !== undefined && this.catalog.find(named) ? named : baseType(declared);
  }

  private selectValue(
    ctx: CallContext,
    value: unknown,
    type: string,
    node: MaskNode | undefined,
    filter: Filter | undefined,
    scope: { filtered: boolean; depth: number },
  ): unknown {
    if (Array.isArray(value)) {
      return value.map((item) => this.selectValue(ctx, item, type, node, filter, scope));
    }
    const description = this.catalog.find(type);
    if (!isItem(value) || !description || !node || node.properties.size === 0) return value;

    // validate() has refused unknown names already; this keeps the types honest.
    const named = [...node.properties.entries()].flatMap(([name, child]) => {
      const property = description.properties.get(name);
      return property ? [{ property, child }] : [];
    });
    const namesLocal = named.some(({ property }) => property.form === 'local');
    const result: Item = namesLocal ? {} : { ...value };
    const inner = { filtered: scope.filtered, depth: scope.depth + 1 };

    for (const { property, child } of named) {
      const childType = this.maskType(child, property.type);
      // The filter reaches first-level relations, and deeper ones only under filteredMask.
      const reaches = scope.depth === 0 || scope.filtered;
      const childFilter = reaches ? asFilter(filter?.[property.name]) : undefined;

      const raw = this.read(ctx, description, value, property);
      if (raw === undefined) continue;
      const listed = Array.isArray(raw) ? this.filterList(ctx, raw, childType, childFilter) : raw;
      result[property.name] = this.selectValue(ctx, listed, childType, child, childFilter, inner);
    }
    return result;
  }

  /** A property's value: local from the object, relational through its loader, or a count. */
  private read(
    ctx: CallContext,
    type: TypeDescription,
    item: Item,
    property: PropertyDescription,
  ): unknown {
    if (property.form === 'local') return item[property.name];
    if (property.form === 'count') {
      if (property.counts === undefined) return 0;
      const counted = type.properties.get(property.counts) as PropertyDescription;
      const list = this.read(ctx, type, item, counted);
      return Array.isArray(list) ? list.length : 0;
    }

    const loader = this.loaders[type.name]?.[property.name];
    const loaded = loader ? loader(ctx, item) : undefined;
    this.count(ctx, loaded);
    // A relation slemu does not model yet is an empty list, or absent when it is one object.
    return loaded ?? (property.isArray ? [] : undefined);
  }

  private count(ctx: CallContext, loaded: unknown): void {
    const objects = Array.isArray(loaded) ? loaded.length : loaded === undefined ? 0 : 1;
    ctx.quota.relatedObjects -= objects;
    if (ctx.quota.relatedObjects < 0) throw errors.tooManyRelatedObjects(MAX_RELATED_OBJECTS);
  }

  private matches(
    ctx: CallContext,
    type: TypeDescription,
    item: Item,
    filter: Filter,
    depth = 0,
  ): boolean {
    if (depth > MAX_FILTER_DEPTH) return true;
    return Object.entries(filter).every(([name, condition]) => {
      const property = type.properties.get(name);
      if (!property || property.form === 'count') return true;

      const value = this.read(ctx, type, item, property);
      if (isLeaf(condition)) return matchesLeaf(condition, value);

      const nested = asFilter(condition);
      const related = this.catalog.find(property.type);
      if (!nested || !related) return true;
      const candidates = Array.isArray(value) ? value : [value ?? {}];
      return candidates.some(
        (candidate) =>
          isItem(candidate) && this.matches(ctx, related, candidate, nested, depth + 1),
      );
    });
  }

  private sort(ctx: CallContext, items: unknown[], type: TypeDescription, filter: Filter) {
    const keys = sortKeys(filter, []).sort(
      (a, b) => a.priority - b.priority || a.position - b.position,
    );
    if (keys.length === 0) return items;

    const rows = items.map((item) => ({
      item,
      values: keys.map((key) => this.readPath(ctx, type, item, key.path)),
    }));
    rows.sort((a, b) => {
      for (const [index, key] of keys.entries()) {
        const order = compareValues(a.values[index], b.values[index]);
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
    return rows.map((row) => row.item);
  }

  private readPath(ctx: CallContext, type: TypeDescription, item: unknown, path: string[]) {
    let current: unknown = item;
    let description: TypeDescription | undefined = type;
    for (const name of path) {
      const property = description?.properties.get(name);
      if (!description || !property || !isItem(current)) return undefined;
      current = this.read(ctx, description, current, property);
      description = this.catalog.find(property.type);
    }
    return current;
  }
}

function sortKeys(filter: Filter, path: string[]): SortKey[] {
  return Object.entries(filter).flatMap(([name, condition], position) => {
    if (!isLeaf(condition)) {
      const nested = asFilter(condition);
      const deeper = nested && path.length < MAX_FILTER_DEPTH;
      return deeper ? sortKeys(nested, [...path, name]) : [];
    }
    if (!isOrderBy(condition.operation)) return [];

    const options = Array.isArray(condition.options) ? (condition.options as unknown[]) : [];
    const option = (wanted: string) => {
      const found = options.find((entry) => (entry as { name?: unknown } | null)?.name === wanted);
      const value = (found as { value?: unknown } | undefined)?.value;
      return Array.isArray(value) ? value[0] : value;
    };
    const priority = Number(scalarText(option('sortOrder')));
    return [
      {
        path: [...path, name],
        descending: (scalarText(option('sort')) ?? 'ASC').toUpperCase() === 'DESC',
        priority: Number.isFinite(priority) ? priority : Number.MAX_SAFE_INTEGER,
        position,
      },
    ];
  });
}

// Nulls sort last going up; numbers as numbers; everything else as text.
function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [left, right] = [String(a), String(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asFilter(value: unknown): Filter | undefined {
  return isItem(value) ? value : undefined;
}
