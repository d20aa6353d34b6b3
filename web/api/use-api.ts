/**
 * `useApi` — read one API resource in a component:
 *
 *   const { data, problem, loading, reload } = useApi<DepartementListBody>('/departements');
 *
 * Fetches again when the path, the query or the UI language changes (problems and labels come
 * back in the reader's language), cancels the previous request, and never sets state after the
 * component is gone. A failure arrives as an `ApiProblem` in `problem`; anything else (a bug) is
 * thrown during render so that the route's error page shows it. `path === null` fetches nothing.
 * For writes (POST, PUT…), call `api.post(…)` from an event handler.
 */
import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n';
import { API_BASE, api, buildUrl, isApiProblem, type ApiProblem, type RequestOptions } from './client';

export interface UseApiResult<T> {
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data?: T;
  problem?: ApiProblem;
  bug?: unknown;
}

/** The requests `useApi` has in flight, so that signing out can cancel them (see below). */
const inFlight = new Set<AbortController>();

/**
 * Cancels every `useApi` read in flight. Signing out calls it before ending the session: a read
 * answered after the session ended would come back 401 (and show as an error in the console)
 * for a page that is about to go away anyway.
 */
export function abortPageReads(): void {
  for (const controller of inFlight) controller.abort();
  inFlight.clear();
}

export function useApi<T>(path: string | null, options: Pick<RequestOptions, 'query'> = {}): UseApiResult<T> {
  const language = useLanguage();
  const [reloads, setReloads] = useState(0);
  const url = path === null ? null : buildUrl(API_BASE, path, options.query);
  const key = url === null ? null : `${language}|${reloads}|${url}`;
  const [settled, setSettled] = useState<Settled<T>>();

  useEffect(() => {
    if (url === null || key === null) return;
    const controller = new AbortController();
    inFlight.add(controller);
    api
      .get<T>(url, { signal: controller.signal })
      .then(
        (data) => setSettled({ key, data }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setSettled(isApiProblem(error) ? { key, problem: error } : { key, bug: error });
        },
      )
      .finally(() => inFlight.delete(controller));
    return () => {
      inFlight.delete(controller);
      controller.abort();
    };
  }, [key, url]);

  const current = settled?.key === key ? settled : undefined;
  if (current?.bug !== undefined) throw current.bug;
  return {
    data: current?.data,
    problem: current?.problem,
    loading: key !== null && current === undefined,
    reload: () => setReloads((count) => count + 1),
  };
}
