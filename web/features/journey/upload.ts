/**
 * Sending one document with its progress: `XMLHttpRequest` (fetch reports no upload progress),
 * `multipart/form-data` with one file part, the anti-CSRF token and the UI language as the API
 * client sends them. A refusal comes back as the server's problem (an `ApiProblem`), so the page
 * shows the server's own reason.
 */
import { API_BASE, ApiProblem, CSRF_COOKIE_NAME, CSRF_HEADER_NAME, CLIENT_PROBLEM_CODES, api, readDocumentCookie, type ProblemDetails } from '../../api/client';
import { currentLanguage, i18n } from '../../i18n';

/** Media types by file extension, for a browser that gives a file no type. */
const BY_EXTENSION: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

export interface ClientRefusal {
  code: 'document_empty' | 'document_too_large' | 'document_type_not_accepted';
  params: Record<string, string | number>;
}

/** The checks the browser can make before sending (the server reads the content and checks again). */
export function checkFile(file: { name: string; type: string; size: number }, accepts: readonly string[], maxFileBytes: number): ClientRefusal | undefined {
  const type = file.type !== '' ? file.type : (BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? '');
  if (!accepts.includes(type)) {
    return { code: 'document_type_not_accepted', params: { accepted: accepts.map((accepted) => accepted.split('/')[1]?.toUpperCase() ?? accepted).join(', ') } };
  }
  if (file.size === 0) return { code: 'document_empty', params: {} };
  if (file.size > maxFileBytes) return { code: 'document_too_large', params: { limitMiB: Math.round((maxFileBytes / (1024 * 1024)) * 10) / 10 } };
  return undefined;
}

async function csrfToken(): Promise<string> {
  const fromCookie = readDocumentCookie(CSRF_COOKIE_NAME);
  if (fromCookie !== undefined && fromCookie !== '') return fromCookie;
  const body = await api.get<{ token?: string }>('/auth/csrf');
  return body?.token ?? '';
}

function problemOf(status: number, text: string): ApiProblem {
  try {
    const parsed = JSON.parse(text) as Partial<ProblemDetails>;
    if (typeof parsed.detail === 'string' || typeof parsed.title === 'string') {
      return new ApiProblem({
        type: parsed.type ?? 'about:blank',
        title: parsed.title ?? parsed.detail ?? '',
        detail: parsed.detail ?? parsed.title ?? '',
        status,
        code: parsed.code ?? `http_${status}`,
        ...(parsed.errors === undefined ? {} : { errors: parsed.errors }),
      });
    }
  } catch {
    // not a problem body: described below
  }
  const message = i18n.t('common:api.unexpectedResponse', { status });
  return new ApiProblem({ type: 'about:blank', title: message, detail: message, status, code: CLIENT_PROBLEM_CODES.unexpectedResponse });
}

/** POST (new file for an item) or PUT (replacement) of one file; `onProgress` gets 0…1. */
export async function sendFile<T>(method: 'POST' | 'PUT', path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `${API_BASE}${path}`);
    xhr.setRequestHeader(CSRF_HEADER_NAME, token);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((xhr.responseText === '' ? undefined : JSON.parse(xhr.responseText)) as T);
      } else {
        reject(problemOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => {
      const message = i18n.t('common:api.network');
      reject(new ApiProblem({ type: 'about:blank', title: message, detail: message, status: 0, code: CLIENT_PROBLEM_CODES.network }));
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
