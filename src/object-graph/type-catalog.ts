import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PropertyForm = 'local' | 'relational' | 'count';

export interface PropertyDescription {
  name: string;
  form: PropertyForm;
  /** A primitive (`int`, `string`, `boolean`, `dateTime`, …) or a SoftLayer datatype name. */
  type: string;
  isArray: boolean;
  /** For a count property, the relational list it counts (`childUserCount` counts `childUsers`). */
  counts?: string;
}

export interface TypeDescription {
  name: string;
  properties: Map<string, PropertyDescription>;
}

interface TypeFile {
  type: string;
  local: Record<string, string>;
  relational: Record<string, string>;
  count: string[];
}

/**
 * The properties of each SoftLayer datatype slemu returns, from schema/properties: which are
 * local (returned by default), relational and count (returned only when a mask asks). Masks are
 * checked against it, and the metadata endpoint describes it.
 */
export class TypeCatalog {
  private constructor(private readonly types: Map<string, TypeDescription>) {}

  static load(directory: string): TypeCatalog {
    const types = new Map<string, TypeDescription>();
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
      const spec = JSON.parse(readFileSync(join(directory, file), 'utf8')) as TypeFile;
      types.set(spec.type, describe(spec));
    }
    return new TypeCatalog(types);
  }

  find(type: string): TypeDescription | undefined {
    return this.types.get(baseType(type));
  }

  all(): TypeDescription[] {
    return [...this.types.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** `SoftLayer_User_Customer[]` → `SoftLayer_User_Customer`. */
export function baseType(type: string): string {
  return type.endsWith('[]') ? type.slice(0, -2) : type;
}

function describe(spec: TypeFile): TypeDescription {
  const properties = new Map<string, PropertyDescription>();
  const add = (name: string, form: PropertyForm, type: string) =>
    properties.set(name, { name, form, type: baseType(type), isArray: type.endsWith('[]') });

  for (const [name, type] of Object.entries(spec.local)) add(name, 'local', type);
  for (const [name, type] of Object.entries(spec.relational)) add(name, 'relational', type);
  for (const name of spec.count) {
    add(name, 'count', 'unsignedLong');
    const counted = countedRelation(name, spec.relational);
    if (counted !== undefined) (properties.get(name) as PropertyDescription).counts = counted;
  }
  return { name: spec.type, properties };
}

// SLDN names count properties after the list they count: childUserCount ↔ childUsers,
// hardwareCount ↔ hardware.
function countedRelation(countName: string, relational: Record<string, string>) {
  const stem = countName.replace(/Count$/, '');
  return [`${stem}s`, stem].find((name) => relational[name]?.endsWith('[]'));
}
