import type { Registry } from '../dispatch/registry';
import { baseType, type TypeCatalog } from '../object-graph/type-catalog';

// What GET /metadata/v3.1 answers: the services, methods and datatypes slemu implements, keyed
// by name as the real API's metadata is, generated from schema/ and the registry.

interface TypeReference {
  type: string;
  typeArray?: true;
}

function reference(type: string): TypeReference {
  return type.endsWith('[]') ? { type: baseType(type), typeArray: true } : { type };
}

export function describeApi(registry: Registry, catalog: TypeCatalog): Record<string, unknown> {
  const described: Record<string, Record<string, unknown>> = {};

  for (const type of catalog.all()) {
    const properties = Object.fromEntries(
      [...type.properties.values()].map((property) => [
        property.name,
        {
          name: property.name,
          ...reference(property.isArray ? `${property.type}[]` : property.type),
          form: property.form,
        },
      ]),
    );
    described[type.name] = { name: type.name, typeName: type.name, properties };
  }

  for (const { service, methods } of registry.describe()) {
    const entry = (described[service] ??= { name: service, typeName: service, properties: {} });
    const parent = registry.parentOf(service);
    if (parent !== undefined) entry.base = parent;

    entry.methods = Object.fromEntries(
      methods.map((method) => [
        method.name,
        {
          name: method.name,
          ...reference(method.signature.returns),
          static: method.signature.static,
          noauth: method.signature.noauth,
          definedBy: method.definedBy,
          parameters: method.signature.parameters.map((parameter) => ({
            name: parameter.name,
            ...reference(parameter.type),
          })),
        },
      ]),
    );
  }
  return described;
}
