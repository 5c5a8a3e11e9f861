import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock';
import { errors } from '../dispatch/errors';
import type { Registry } from '../dispatch/registry';
import { SandboxError } from './sandbox-state';

/** What a sandbox user asks for: a SoftLayer exception, a delay, or both, on one method. */
export interface FaultSpec {
  service: string;
  /** A method name, or `*` for every method of the service. */
  method: string;
  exception?: string;
  message?: string;
  /** REST status for the exception; 500, like most SoftLayer exceptions, when left out. */
  restStatus?: number;
  latencyMs?: number;
  /** Applies to the next N calls only. */
  calls?: number;
  /** Applies for this many seconds of slemu's clock. */
  seconds?: number;
}

export interface Fault {
  id: number;
  service: string;
  method: string;
  exception: string | null;
  message: string;
  restStatus: number;
  latencyMs: number;
  remainingCalls: number | null;
  expiresAt: number | null;
}

/**
 * Refuses a fault that could never fire: one that does nothing, or one on a service or method
 * slemu does not answer (a typo would otherwise sit there silently).
 */
export function checkFaultTarget(registry: Registry, spec: FaultSpec): void {
  if (spec.exception === undefined && spec.latencyMs === undefined) {
    throw new SandboxError(400, 'a fault needs an exception, a latency, or both');
  }
  if (!registry.hasService(spec.service)) {
    throw new SandboxError(400, `slemu does not answer the service ${spec.service}`);
  }
  if (spec.method === '*') return;

  try {
    registry.resolve(spec.service, spec.method);
  } catch {
    throw new SandboxError(400, `slemu does not answer ${spec.service}::${spec.method}`);
  }
}

/** A fault as the control API shows it: times in ISO 8601, like the clock. */
export function faultView(fault: Fault) {
  const expiresAt = fault.expiresAt === null ? null : new Date(fault.expiresAt).toISOString();
  return { ...fault, expiresAt };
}

const DEFAULT_MESSAGE = 'Injected by the slemu sandbox';

/**
 * Faults injected through /_slemu/faults, kept in memory (a restart clears them). The
 * dispatcher asks `beforeHandler` once per call; the first live fault for the method applies.
 */
export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: this.nextId++,
      service: spec.service,
      method: spec.method,
      exception: spec.exception ?? null,
      message: spec.message ?? DEFAULT_MESSAGE,
      restStatus: spec.restStatus ?? 500,
      latencyMs: spec.latencyMs ?? 0,
      remainingCalls: spec.calls ?? null,
      expiresAt: spec.seconds === undefined ? null : this.clock.now() + spec.seconds * 1000,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    this.dropSpent();
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  async beforeHandler(services: readonly string[], method: string): Promise<void> {
    this.dropSpent();
    // A fault on SoftLayer_User_Customer also hits the same method called through
    // SoftLayer_User_Customer_OpenIdConnect, which inherits it; not the other way round.
    const fault = this.faults.find(
      (candidate) =>
        services.includes(candidate.service) &&
        (candidate.method === method || candidate.method === '*'),
    );
    if (!fault) return;

    if (fault.remainingCalls !== null) fault.remainingCalls -= 1;
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.exception !== null) {
      throw errors.injected(fault.exception, fault.message, fault.restStatus);
    }
  }

  private dropSpent(): void {
    const now = this.clock.now();
    this.faults = this.faults.filter(
      (fault) =>
        (fault.remainingCalls === null || fault.remainingCalls > 0) &&
        (fault.expiresAt === null || fault.expiresAt > now),
    );
  }
}
