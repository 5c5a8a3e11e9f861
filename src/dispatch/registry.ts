import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from './errors';
import type { Handler } from './call';

export interface ParameterSignature {
  name: string;
  /** `string`, `int`, `boolean`, or a SoftLayer datatype name with a schema in schema/datatypes. */
  type: string;
}

/** A method's metadata flags, as the real API's metadata has them. */
export interface MethodSignature {
  static: boolean;
  noauth: boolean;
  parameters: ParameterSignature[];
  returns: string;
}

interface ServiceSignatures {
  service: string;
  extends?: string;
  methods: Record<string, MethodSignature>;
}

export interface MethodEntry {
  /** The service that defines the method, which an inheriting service may be calling. */
  definedBy: string;
  name: string;
  signature: MethodSignature;
  handler: Handler;
}

interface ServiceEntry {
  name: string;
  parent: string | undefined;
  methods: Map<string, MethodEntry>;
}

export type HandlerModules = Record<string, Record<string, Handler>>;

/**
 * Maps `Service::method` to its handler. Signatures come from schema/methods, handlers from
 * services/; a service that `extends` another answers every method of its parent.
 */
export class Registry {
  private readonly lineages = new Map<string, string[]>();

  private constructor(private readonly services: Map<string, ServiceEntry>) {}

  static load(signatureDir: string, handlers: HandlerModules): Registry {
    const services = new Map<string, ServiceEntry>();

    for (const file of readdirSync(signatureDir).filter((name) => name.endsWith('.json'))) {
      const spec = JSON.parse(readFileSync(join(signatureDir, file), 'utf8')) as ServiceSignatures;
      const serviceHandlers = handlers[spec.service] ?? {};
      services.set(spec.service, {
        name: spec.service,
        parent: spec.extends,
        methods: bindHandlers(spec, serviceHandlers),
      });
    }

    for (const service of Object.keys(handlers)) {
      if (!services.has(service)) throw new Error(`handlers for ${service} have no signatures`);
    }
    return new Registry(services);
  }

  hasService(service: string): boolean {
    return this.services.has(service);
  }

  /** The method as the named service answers it, its own or inherited. */
  resolve(service: string, method: string): MethodEntry {
    let entry = this.services.get(service);
    if (!entry) throw errors.serviceNotFound();

    while (entry) {
      const found = entry.methods.get(method);
      if (found) return found;
      entry = entry.parent === undefined ? undefined : this.services.get(entry.parent);
    }
    throw errors.methodNotFound(method);
  }

  /** The service a service extends, if any. */
  parentOf(service: string): string | undefined {
    return this.services.get(service)?.parent;
  }

  /** The service and every service it inherits from, nearest first. */
  lineage(service: string): readonly string[] {
    let chain = this.lineages.get(service);
    if (!chain) {
      chain = [];
      for (let name: string | undefined = service; name; name = this.parentOf(name)) {
        chain.push(name);
      }
      this.lineages.set(service, chain);
    }
    return chain;
  }

  /** Every service with the methods it answers, inherited ones included. */
  describe(): { service: string; methods: MethodEntry[] }[] {
    return [...this.services.keys()].sort().map((service) => {
      const methods = new Map<string, MethodEntry>();
      for (let entry = this.services.get(service); entry;) {
        for (const [name, method] of entry.methods)
          if (!methods.has(name)) methods.set(name, method);
        entry = entry.parent === undefined ? undefined : this.services.get(entry.parent);
      }
      return {
        service,
        methods: [...methods.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    });
  }
}

function bindHandlers(spec: ServiceSignatures, handlers: Record<string, Handler>) {
  const methods = new Map<string, MethodEntry>();

  for (const [name, signature] of Object.entries(spec.methods)) {
    const handler = handlers[name];
    if (!handler) throw new Error(`${spec.service}::${name} has a signature but no handler`);
    methods.set(name, { definedBy: spec.service, name, signature, handler });
  }
  for (const name of Object.keys(handlers)) {
    if (!methods.has(name))
      throw new Error(`${spec.service}::${name} has a handler but no signature`);
  }
  return methods;
}
