/**
 * Runs autocannon in a child process (so the load generator does not share the server's event
 * loop) and sends the summary back to the parent over IPC. Started by run-bench.ts with fork().
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  requests: LoadRequest[];
}

export interface LoadSummary {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP975: number;
  latencyP99: number;
  latencyMax: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

process.once('message', (job: LoadJob) => void run(job));

async function run(job: LoadJob): Promise<void> {
  try {
    const result = await autocannon({
      url: job.url,
      connections: job.connections,
      duration: job.durationSeconds,
      timeout: job.timeoutSeconds,
      requests: job.requests,
    });
    const summary: LoadSummary = {
      requests: result.requests.total,
      durationSeconds: result.duration,
      requestsPerSecond: result.requests.total / result.duration,
      latencyP50: result.latency.p50,
      latencyP975: result.latency.p97_5,
      latencyP99: result.latency.p99,
      latencyMax: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
    process.send!({ ok: true, summary }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: String(error) }, () => process.exit(1));
  }
}
