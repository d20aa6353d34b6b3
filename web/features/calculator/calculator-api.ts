/**
 * The calculator's one request: `POST /api/v1/deadlines`, public and stateless.
 *
 * It uses its own API client without cookie access: the endpoint needs no anti-CSRF token, and
 * the app's shared client would first ask `GET /auth/csrf` for one (which sets a cookie). This way
 * the page sends nothing but the person's situation and leaves nothing behind in the browser.
 */
import type { DeadlineRequest, DeadlineResponse } from '../../../contract/deadlines';
import { createApiClient } from '../../api/client';
import { currentLanguage, i18n } from '../../i18n';

const client = createApiClient({
  getLanguage: currentLanguage,
  translate: (key, values) => i18n.t(`common:api.${key}`, values),
});

export function requestDeadlines(request: DeadlineRequest, signal: AbortSignal): Promise<DeadlineResponse> {
  return client.post<DeadlineResponse>('/deadlines', request, { signal });
}
