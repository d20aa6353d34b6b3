import type { FastifyRequest } from 'fastify';

/** Where a staff request came from, for the audit log: the client address and the log's request id. */
export function auditOrigin(request: FastifyRequest): { clientAddress: string | null; requestId: string | null } {
  return { clientAddress: request.ip || null, requestId: String(request.id) };
}
