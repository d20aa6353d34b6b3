/**
 * Who is signed in, for the header and the account pages.
 *
 *   const session = useSession();                 // the header
 *   const session = useSession({ verify: true }); // a page that needs the account (asks again
 *                                                 // after a failed answer, e.g. network down)
 *
 * The truth is `GET /api/v1/me` (the session cookie is HttpOnly, so scripts cannot see it): 200 →
 * signed in, 401 → signed out. One module-level store, shared by every component through
 * `useSyncExternalStore`, so the header and the page never disagree and the question is asked once.
 *
 * Why a hint: a browser logs every 401 answer as a console error, and most visitors have never
 * signed in. So the browser remembers (localStorage `sejour.signedIn`) that it signed in here —
 * set by a password sign-in and when leaving for the identity provider, whose callback lands on
 * /espace. Without that mark nobody is signed in and nothing is asked; with it the server is asked
 * once per page load, and a 401 (session ended or expired) removes the mark.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { MeBody } from '../../../contract/accounts';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { abortPageReads } from '../../api/use-api';
import { ACCOUNT_PATHS, OIDC_ERROR_PARAM } from './paths';

export type SessionState =
  /** Not known yet: the answer is on its way. */
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: MeBody }
  /** The server could not be asked (network, server error); `problem` says why. */
  | { status: 'failed'; problem: ApiProblem };

export const SIGNED_IN_HINT_KEY = 'sejour.signedIn';
/** Values of the mark: signed in with a password, or gone to the identity provider. */
const SIGNED_IN = '1';
const PROVIDER_PENDING = 'oidc';

const CHECKING: SessionState = { status: 'checking' };
const SIGNED_OUT: SessionState = { status: 'signed-out' };

interface Snapshot {
  state: SessionState;
  /** Whether `state` comes from the server (rather than from the hint, or nothing yet). */
  verified: boolean;
}

/** Without the mark, signed out from the start: the header's first paint already says "Sign in". */
let current: Snapshot = { state: readHint() ? CHECKING : SIGNED_OUT, verified: false };
let inFlight: Promise<SessionState> | undefined;
/** Bumped by every local change, so that an older answer from the server does not overwrite it. */
let generation = 0;
const listeners = new Set<() => void>();

function publish(next: SessionState, fromServer: boolean): void {
  current = { state: next, verified: fromServer };
  for (const listener of listeners) listener();
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

function readHintValue(): string | null {
  try {
    return storage()?.getItem(SIGNED_IN_HINT_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether this browser may be signed in. A trip to the identity provider that came back to
 * `/connexion?erreur=…` opened nothing: that mark is dropped without asking.
 */
function readHint(): boolean {
  const value = readHintValue();
  if (value === PROVIDER_PENDING && typeof window !== 'undefined') {
    const { pathname, search } = window.location;
    if (pathname === ACCOUNT_PATHS.signIn && new URLSearchParams(search).has(OIDC_ERROR_PARAM)) {
      writeHint(false);
      return false;
    }
  }
  return value === SIGNED_IN || value === PROVIDER_PENDING;
}

function writeHint(value: boolean | typeof PROVIDER_PENDING): void {
  try {
    if (value === false) storage()?.removeItem(SIGNED_IN_HINT_KEY);
    else storage()?.setItem(SIGNED_IN_HINT_KEY, value === true ? SIGNED_IN : value);
  } catch {
    // Without storage the header asks the server on every page load; nothing else changes.
  }
}

/** Asks the server who is signed in (once at a time) and publishes the answer. */
export function refreshSession(): Promise<SessionState> {
  if (inFlight !== undefined) return inFlight;
  const asked = generation;
  const request = api.get<MeBody>('/me').then(
    (user): SessionState => ({ status: 'signed-in', user }),
    (error: unknown): SessionState => {
      if (!isApiProblem(error)) throw error;
      return error.status === 401 ? SIGNED_OUT : { status: 'failed', problem: error };
    },
  );
  inFlight = request
    .then((next) => {
      if (asked !== generation) return current.state;
      if (next.status !== 'failed') writeHint(next.status === 'signed-in');
      publish(next, next.status !== 'failed');
      return next;
    })
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** After a sign-in or a change of the account: the server's own answer. */
export function setSignedIn(user: MeBody): void {
  generation += 1;
  writeHint(true);
  publish({ status: 'signed-in', user }, true);
}

/** After signing out, ending this session, a reset (every session ends) or a 401. */
export function setSignedOut(): void {
  generation += 1;
  writeHint(false);
  publish(SIGNED_OUT, true);
}

/**
 * Settles an unknown state: without the mark, signed out (no request); with it, from the server.
 * A failed answer is asked again only by a page that needs the account.
 */
function settle(verify: boolean): void {
  if (inFlight !== undefined || current.verified) return;
  if (current.state.status === 'failed' && !verify) return;
  if (!readHint()) {
    if (current.state !== SIGNED_OUT) publish(SIGNED_OUT, false);
    return;
  }
  void refreshSession();
}

/** Before leaving for the identity provider: its callback opens a session, so ask on return. */
export function expectSignIn(): void {
  if (readHintValue() !== SIGNED_IN) writeHint(PROVIDER_PENDING);
}

/** Asks the server again if this browser may be signed in (after a change to the account). */
export function refreshSessionIfSignedIn(): void {
  if (readHint()) void refreshSession();
}

// Another tab of this site signed in or out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SIGNED_IN_HINT_KEY && event.key !== null) return;
    if (readHint()) {
      void refreshSession();
      return;
    }
    generation += 1;
    publish(SIGNED_OUT, true);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): Snapshot {
  return current;
}

export function useSession(options: { verify?: boolean } = {}): SessionState {
  const verify = options.verify === true;
  const { state } = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    settle(verify);
  }, [verify]);
  return state;
}

/** Signs out this browser: ends the session on the server, then everywhere on the page. */
export async function signOut(): Promise<void> {
  abortPageReads();
  await api.post<void>('/auth/sign-out');
  setSignedOut();
}
