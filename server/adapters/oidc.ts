/**
 * OpenID Connect sign-in (authorization code + PKCE S256 + state + nonce), shaped like
 * FranceConnect, over `openid-client` v6. The provider's metadata is discovered on first use and
 * kept; a failed discovery is retried on the next sign-in.
 */
import * as client from 'openid-client';
import type { OidcEnv } from '../env';

export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  givenName: string | undefined;
  familyName: string | undefined;
  name: string | undefined;
}

export interface OidcClient {
  issuer: string;
  /** Where to send the browser, and what to remember (in a cookie) until it comes back. */
  begin(): Promise<{ url: string; checks: OidcChecks }>;
  /** Exchanges the code of the callback URL and returns who signed in. Throws on any mismatch. */
  finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function createOidcClient(settings: OidcEnv, redirectUri: string): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const insecure = new URL(settings.issuer).protocol === 'http:' && LOOPBACK.has(new URL(settings.issuer).hostname);

  function config(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, client.ClientSecretPost(settings.clientSecret), {
        timeout: 10,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    issuer: settings.issuer,
    async begin() {
      const cfg = await config();
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url: url.href, checks };
    },
    async finish(callbackUrl, checks) {
      const cfg = await config();
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      const info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      const merged: Record<string, unknown> = { ...claims, ...info };
      return {
        issuer: cfg.serverMetadata().issuer,
        subject: claims.sub,
        email: text(merged.email),
        emailVerified: merged.email_verified === true || merged.email_verified === 'true',
        givenName: text(merged.given_name),
        familyName: text(merged.family_name) ?? text(merged.usual_name),
        name: text(merged.name),
      };
    },
  };
}
