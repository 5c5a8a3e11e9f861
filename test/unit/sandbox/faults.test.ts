import { Clock } from '../../../src/clock';
import { isApiError } from '../../../src/dispatch/api-error';
import { FaultInjector } from '../../../src/sandbox/faults';

const EXCEPTION = 'SoftLayer_Exception_Public';

// `service` is the one called; `inherited` the ones it extends, as the registry lists them.
async function outcome(
  faults: FaultInjector,
  service: string,
  method: string,
  inherited: string[] = [],
) {
  try {
    await faults.beforeHandler([service, ...inherited], method);
    return 'ran';
  } catch (error) {
    return isApiError(error) ? `${error.exception} ${error.restStatus}` : 'other';
  }
}

describe('FaultInjector', () => {
  it('fails the next N calls of one method only', async () => {
    const faults = new FaultInjector(new Clock());
    faults.add({ service: 'S', method: 'm', exception: EXCEPTION, calls: 2, restStatus: 503 });

    expect(await outcome(faults, 'S', 'other')).toBe('ran');
    expect(await outcome(faults, 'S', 'm')).toBe(`${EXCEPTION} 503`);
    expect(await outcome(faults, 'S', 'm')).toBe(`${EXCEPTION} 503`);
    expect(await outcome(faults, 'S', 'm')).toBe('ran');
    expect(faults.list()).toEqual([]);
  });

  it('ends a time window by the sandbox clock', async () => {
    const clock = new Clock(() => 1_000_000);
    const faults = new FaultInjector(clock);
    faults.add({ service: 'S', method: '*', exception: EXCEPTION, seconds: 10 });

    clock.advance(9);
    expect(await outcome(faults, 'S', 'any')).toBe(`${EXCEPTION} 500`);
    clock.advance(1);
    expect(await outcome(faults, 'S', 'any')).toBe('ran');
  });

  it('applies the oldest live fault first', async () => {
    const faults = new FaultInjector(new Clock());
    faults.add({ service: 'S', method: 'm', exception: 'SoftLayer_Exception_A', calls: 1 });
    faults.add({ service: 'S', method: 'm', exception: 'SoftLayer_Exception_B' });

    expect(await outcome(faults, 'S', 'm')).toBe('SoftLayer_Exception_A 500');
    expect(await outcome(faults, 'S', 'm')).toBe('SoftLayer_Exception_B 500');
  });

  it('reaches a method called through a service that inherits it, not the reverse', async () => {
    const faults = new FaultInjector(new Clock());
    faults.add({ service: 'Parent', method: 'm', exception: 'SoftLayer_Exception_A' });
    faults.add({ service: 'Child', method: 'n', exception: 'SoftLayer_Exception_B' });

    expect(await outcome(faults, 'Child', 'm', ['Parent'])).toBe('SoftLayer_Exception_A 500');
    expect(await outcome(faults, 'Parent', 'n')).toBe('ran');
    expect(await outcome(faults, 'Child', 'n', ['Parent'])).toBe('SoftLayer_Exception_B 500');
  });
});
