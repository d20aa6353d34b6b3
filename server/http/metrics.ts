/** Prometheus metrics: request counts and latencies by route (the route pattern, never the raw URL). */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const registries = new WeakMap<FastifyInstance, Registry>();

export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  registries.set(app, registry);
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'sejour_http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sejour_http_request_duration_seconds',
    help: 'HTTP request duration by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    requests.inc({ method, route, status: String(reply.statusCode) });
    duration.observe({ method, route }, reply.elapsedTime / 1000);
  });
  return registry;
}

/** The registry `registerMetrics` made for this app (served at /metrics), for metrics added later. */
export function metricsRegistry(app: FastifyInstance): Registry | undefined {
  return registries.get(app);
}

export const QUEUE_DEPTH_METRIC = 'sejour_job_queue_depth';

/**
 * `sejour_job_queue_depth{queue}`: jobs waiting to run (created or to be retried), read from the
 * database at scrape time. When the read fails the gauge is left empty rather than failing the
 * scrape (readiness reports the database).
 */
export function registerQueueDepth(registry: Registry, getDepths: () => Promise<Record<string, number>>): void {
  registry.removeSingleMetric(QUEUE_DEPTH_METRIC);
  new Gauge({
    name: QUEUE_DEPTH_METRIC,
    help: 'Background jobs waiting to run (created or to be retried), by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      let depths: Record<string, number>;
      try {
        depths = await getDepths();
      } catch {
        return;
      }
      for (const [queue, depth] of Object.entries(depths)) this.set({ queue }, depth);
    },
  });
}
