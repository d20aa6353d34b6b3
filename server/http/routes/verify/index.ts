/**
 * POST /api/v1/verify — public: a signed payload, a PDF (base64, at most 2 MiB, sniffed), or a
 * share code with the holder's birth date. Rate-limited per IP more tightly than the rest of the
 * API (VERIFY_RATE_LIMIT a minute); answers never reveal whether a document id or code exists
 * unless the caller already holds a validly signed payload or the right code and birth date.
 */
import type { App } from '../../app';
import { AppError, requestLocale } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { VerifyBodySchema, VerifyResultSchema } from '../../../../contract/verify';
import type { VerifyContext } from '../../../usecases/attestations/verify-attestation';
import { verifyPayload, verifyPdf } from '../../../usecases/attestations/verify-attestation';
import { checkShareCode } from '../../../usecases/share-codes/share-codes';

export const VERIFY_RATE_LIMIT = 30;
const MAX_PDF_BYTES = 2 * 1024 * 1024;

export function registerVerifyRoutes(app: App, ctx: VerifyContext): void {
  app.post(
    '/api/v1/verify',
    {
      config: { access: 'public', rateLimit: { max: VERIFY_RATE_LIMIT, timeWindow: 60_000 } },
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['verify'],
        summary: 'Verify an attestation (its QR payload or its PDF) or a share code with the holder’s birth date.',
        description:
          'Answers `result`: `valid`, `bad_signature` (a byte was changed), `unknown_key` (key id not published), `malformed` (not a payload), ' +
          '`no_payload` (a file without a Sejour code), `not_found` (share code unknown, expired, revoked or wrong birth date — one answer for all). ' +
          'For a valid document, `status`: `current`, `expired`, `superseded`, `not_yet_valid` or `unknown`. See docs/attestation-payload.md.',
        body: VerifyBodySchema,
        response: { 200: VerifyResultSchema, 413: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      const body = request.body;
      if ('payload' in body) return verifyPayload(ctx, body.payload, locale);
      if ('pdf' in body) {
        const bytes = Buffer.from(body.pdf, 'base64');
        if (bytes.length > MAX_PDF_BYTES) throw new AppError(413, 'payload_too_large', { limit: MAX_PDF_BYTES });
        return verifyPdf(ctx, bytes, locale);
      }
      if ('shareCode' in body) return checkShareCode(ctx, body, locale);
      throw new AppError(400, 'verification_input');
    },
  );
}
