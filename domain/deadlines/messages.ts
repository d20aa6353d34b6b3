/**
 * Renders the explanation sentences of `locales/{fr,en}/deadlines.json` (French is the source).
 * Templates use i18next's `{{name}}` placeholders so the web can read the same catalogues. The
 * engine renders two dozen sentences per person, so every template is compiled once at load time
 * and rendering is a plain loop (no closures, no string keys built per call).
 */
import en from '../../locales/en/deadlines.json' with { type: 'json' };
import fr from '../../locales/fr/deadlines.json' with { type: 'json' };
import { civilFromEpochDay, formatIsoDate, isoDayOfWeek, type CivilDate, type EpochDay } from '../calendar/epoch-day';
import type { DateId, FeeId, LocalizedText, WarningCode } from './types';

export type Language = 'fr' | 'en';

/** The shape both catalogues share (checked key by key in `messages.test.ts`). */
type Catalogue = typeof fr;

type DurationUnit = 'months' | 'days';

export type MessageParam = string | number | { readonly date: EpochDay } | { readonly count: number; readonly unit: DurationUnit };

export type MessageParams = Readonly<Record<string, MessageParam>>;

export function dateParam(day: EpochDay): MessageParam {
  return { date: day };
}

export function durationParam(count: number, unit: DurationUnit): MessageParam {
  return { count, unit };
}

export interface Template {
  /** Literal text around the placeholders: `literals.length === names.length + 1`. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function compileTemplate(text: string): Template {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, match.index));
    names.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  literals.push(text.slice(last));
  return { literals, names };
}

function compileAll<K extends string>(texts: Readonly<Record<K, string>>): Record<K, Template> {
  const compiled = {} as Record<K, Template>;
  for (const key of Object.keys(texts) as K[]) compiled[key] = compileTemplate(texts[key]);
  return compiled;
}

interface LanguagePack {
  readonly catalogue: Catalogue;
  readonly plural: Intl.PluralRules;
  readonly longDate: Template;
  readonly dates: Readonly<Record<DateId, Readonly<Record<string, Template>>>>;
  readonly warnings: Readonly<Record<WarningCode, Template>>;
  readonly rolledForward: Template;
  /** Rendered durations by `count * 2 + (unit === 'days' ? 1 : 0)`. */
  readonly durations: Map<number, string>;
  /** Rendered long dates by epoch day (at most LONG_DATE_CACHE_LIMIT). */
  readonly longDates: Map<number, string>;
}

function languagePack(language: Language, catalogue: Catalogue): LanguagePack {
  const dates = {} as Record<DateId, Record<string, Template>>;
  for (const id of Object.keys(catalogue.dates) as DateId[]) dates[id] = compileAll<string>(catalogue.dates[id].explanation);
  return {
    catalogue,
    plural: new Intl.PluralRules(language),
    longDate: compileTemplate(catalogue.calendar.longDate),
    dates,
    warnings: compileAll(catalogue.warnings),
    rolledForward: compileTemplate(catalogue.rolledForward),
    durations: new Map(),
    longDates: new Map(),
  };
}

const FR = languagePack('fr', fr);
const EN = languagePack('en', en);

function longDatePart(name: string, civil: CivilDate, day: EpochDay, pack: LanguagePack): string {
  const { calendar } = pack.catalogue;
  switch (name) {
    case 'weekday':
      return calendar.weekdays[isoDayOfWeek(day) - 1] ?? '';
    case 'day':
      return civil.day === 1 ? calendar.firstDayOfMonth : String(civil.day);
    case 'month':
      return calendar.months[civil.month - 1] ?? '';
    default:
      return String(civil.year);
  }
}

const LONG_DATE_CACHE_LIMIT = 200_000;

function longDate(day: EpochDay, pack: LanguagePack): string {
  let text = pack.longDates.get(day);
  if (text === undefined) {
    const civil = civilFromEpochDay(day);
    const { literals, names } = pack.longDate;
    text = literals[0] ?? '';
    for (let i = 0; i < names.length; i++) text += longDatePart(names[i] ?? '', civil, day, pack) + (literals[i + 1] ?? '');
    if (pack.longDates.size < LONG_DATE_CACHE_LIMIT) pack.longDates.set(day, text);
  }
  return text;
}

/** "lundi 2 mars 2026" / "Monday 2 March 2026". */
export function formatLongDate(day: EpochDay, language: Language): string {
  return longDate(day, language === 'fr' ? FR : EN);
}

function duration(count: number, unit: DurationUnit, pack: LanguagePack): string {
  const key = count * 2 + (unit === 'days' ? 1 : 0);
  let text = pack.durations.get(key);
  if (text === undefined) {
    const form = pack.plural.select(count) === 'one' ? 'one' : 'other';
    text = pack.catalogue.durations[`${unit}_${form}`].replace('{{count}}', String(count));
    pack.durations.set(key, text);
  }
  return text;
}

function formatParam(param: MessageParam | undefined, pack: LanguagePack): string {
  if (param === undefined) return '';
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if ('date' in param) return longDate(param.date, pack);
  return duration(param.count, param.unit, pack);
}

/** Fills a template; the `{{date}}` placeholder, when `date` is given, reads it. */
function renderIn(template: Template, params: MessageParams, pack: LanguagePack, date?: EpochDay): string {
  const { literals, names } = template;
  let text = literals[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    text += (date !== undefined && name === 'date' ? longDate(date, pack) : formatParam(params[name], pack)) + (literals[i + 1] ?? '');
  }
  return text;
}

export type ExplanationVariant<Id extends DateId> = keyof Catalogue['dates'][Id]['explanation'] & string;

const MISSING: Template = { literals: [''], names: [] };

/** The explanation of a date: `{{date}}` is `on`, the other placeholders come from `params`. */
export function explainDate<Id extends DateId>(id: Id, variant: ExplanationVariant<Id>, on: EpochDay, params: MessageParams): LocalizedText {
  return {
    fr: renderIn(FR.dates[id][variant] ?? MISSING, params, FR, on),
    en: renderIn(EN.dates[id][variant] ?? MISSING, params, EN, on),
  };
}

/** The sentence added when a court deadline was moved to the next working day. */
export function explainRollForward(params: MessageParams): LocalizedText {
  return { fr: renderIn(FR.rolledForward, params, FR), en: renderIn(EN.rolledForward, params, EN) };
}

export function warningMessage(code: WarningCode, params: MessageParams): LocalizedText {
  return { fr: renderIn(FR.warnings[code], params, FR), en: renderIn(EN.warnings[code], params, EN) };
}

export function joinSentences(first: LocalizedText, second: LocalizedText): LocalizedText {
  return { fr: `${first.fr} ${second.fr}`, en: `${first.en} ${second.en}` };
}

const FEE_LABELS = {} as Record<FeeId, LocalizedText>;
for (const id of Object.keys(fr.fees) as FeeId[]) FEE_LABELS[id] = { fr: fr.fees[id], en: en.fees[id] };

export function feeLabel(id: FeeId): LocalizedText {
  return FEE_LABELS[id];
}

/** Plain values for the `params` of a warning: ISO dates, numbers, strings. */
export function plainParams(params: MessageParams): Record<string, string | number> {
  const plain: Record<string, string | number> = {};
  for (const name in params) {
    const param = params[name] as MessageParam;
    plain[name] = typeof param === 'object' ? ('date' in param ? formatIsoDate(param.date) : param.count) : param;
  }
  return plain;
}
