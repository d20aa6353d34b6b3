/**
 * Every card type, document, question, status, event and consequence of the domain has its text
 * in both catalogues (locales/{fr,en}/applications.json), which the web and the API read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_CATALOGUE, SITUATION_QUESTIONS, QUESTION_IDS } from './card-catalogue';
import { CARD_FEE_IDS } from './card-fees';
import { FILING_CONSEQUENCES } from './filing-decision';
import { ACTOR_KINDS, APPLICATION_STATUSES, HISTORY_EVENTS } from './types';

const catalogues = Object.fromEntries(
  ['fr', 'en'].map((lang) => [lang, JSON.parse(readFileSync(new URL(`../../locales/${lang}/applications.json`, import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>]),
);

function text(lang: string, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogues[lang]);
}

describe('applications catalogue', () => {
  const keys: string[] = [];
  for (const card of CARD_CATALOGUE) {
    keys.push(`cardTypes.${card.id}.name`, `cardTypes.${card.id}.description`);
    for (const doc of card.documents) keys.push(`documents.${doc.id}.name`, `documents.${doc.id}.hint`);
  }
  for (const id of QUESTION_IDS) {
    const spec = SITUATION_QUESTIONS[id];
    keys.push(`questions.${id}.label`);
    for (const value of spec.kind === 'boolean' ? ['true', 'false'] : spec.values) keys.push(`questions.${id}.values.${value}`);
  }
  for (const status of APPLICATION_STATUSES) keys.push(`statuses.${status}`);
  for (const event of HISTORY_EVENTS) keys.push(`events.${event}`);
  for (const actor of ACTOR_KINDS) keys.push(`actors.${actor}`);
  for (const code of FILING_CONSEQUENCES) keys.push(`consequences.${code}`);
  for (const fee of CARD_FEE_IDS) keys.push(`fees.${fee}`);

  it.each(['fr', 'en'])('has every text of the domain in %s', (lang) => {
    expect(keys.filter((key) => typeof text(lang, key) !== 'string')).toEqual([]);
  });
});
