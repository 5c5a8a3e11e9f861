import autocannon from 'autocannon';

export interface LoadSpec {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A different body for each request, cycling through the list. */
  bodies?: string[];
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** Server CPU time per answered request, in microseconds. */
  cpuPerRequest: number;
}

/** Drives one server with autocannon for a fixed time and summarises what it saw. */
export async function drive(
  baseUrl: string,
  spec: LoadSpec,
  seconds: number,
  connections: number,
  cpuUsed: () => number,
): Promise<LoadResult> {
  const options: autocannon.Options = {
    url: `${baseUrl}${spec.path}`,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections,
    duration: seconds,
  };
  if (spec.body !== undefined) options.body = spec.body;

  const bodies = spec.bodies;
  if (bodies) {
    let next = 0;
    options.requests = [
      {
        setupRequest: (request) => {
          const body = bodies[next % bodies.length];
          next += 1;
          return { ...request, body };
        },
      },
    ];
  }

  const cpuBefore = cpuUsed();
  const result = await autocannon(options);
  const cpuSpent = cpuUsed() - cpuBefore;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: cpuSpent / Math.max(result.requests.total, 1),
  };
}
