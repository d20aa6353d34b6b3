#!/usr/bin/env node
/**
 * Offline verification of a Sejour attestation: `npm run verify -- file.pdf [--keys keys.json]`
 * or `npm run verify -- --payload 'SJ1.…' --keys keys.json`, or `--url https://sejour.example`
 * to fetch the published keys (/.well-known/sejour-keys.json) once. With `--keys`, nothing goes
 * over the network. Checks the Ed25519 signature and the validity dates; whether a document was
 * superseded is known only online (POST /api/v1/verify). Format: docs/attestation-payload.md.
 *
 * Exit code: 0 valid and current, 1 anything else (tampered, unknown key, expired, not an
 * attestation), 2 wrong usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifierFrom } from '../server/adapters/signing/keyring';
import { payloadFromPdf } from '../server/adapters/pdf/attestation-pdf';
import { checkPayload, validityOn } from '../domain/attestations/check';
import { todayInParis } from '../domain/deadlines/index';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { keys: { type: 'string' }, url: { type: 'string' }, payload: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if ((!file && !values.payload) || (!values.keys && !values.url)) {
    console.error('usage: sejour-verify <file.pdf> | --payload <SJ1…>  (--keys keys.json | --url https://sejour.example) [--json]');
    return 2;
  }
  const published = values.keys
    ? (JSON.parse(fs.readFileSync(values.keys, 'utf8')) as { keys: { kid: string; x: string }[] })
    : ((await (await fetch(new URL('/.well-known/sejour-keys.json', values.url))).json()) as { keys: { kid: string; x: string }[] });
  const verifier = verifierFrom(published.keys);
  const payload = values.payload ?? (await payloadFromPdf(fs.readFileSync(file!)));
  if (payload === undefined) {
    report(values.json, { result: 'no_payload' }, 'Not a Sejour attestation: no signed code found in the file.');
    return 1;
  }
  const check = checkPayload(payload, (kid, text, signature) => verifier.verify(kid, text, signature));
  if (check.result !== 'valid') {
    const why = {
      malformed: 'Not a readable Sejour attestation code.',
      bad_signature: 'INVALID SIGNATURE: the content was changed or not signed by Sejour.',
      unknown_key: `UNKNOWN KEY: "${'keyId' in check ? check.keyId : ''}" is not among the published keys.`,
    }[check.result];
    report(values.json, check, why);
    return 1;
  }
  const status = validityOn(check.claims, todayInParis(new Date()));
  const c = check.claims;
  report(
    values.json,
    { ...check, status },
    [
      `Signature valid (key ${check.keyId}). Status by its dates: ${status} (superseded documents are known online only).`,
      `  kind:         ${c.kind}`,
      `  holder:       ${c.holderName}, born ${c.birthDate}`,
      `  foreigner n°: ${c.foreignerNumber ?? '-'}`,
      `  valid until:  ${c.validUntil ?? '(no end date)'}`,
      `  issuer:       ${c.issuer}, on ${c.issuedOn}`,
      `  document id:  ${c.documentId}`,
    ].join('\n'),
  );
  return status === 'current' ? 0 : 1;
}

function report(json: boolean | undefined, data: unknown, text: string): void {
  console.log(json ? JSON.stringify(data) : text);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sejour-verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
