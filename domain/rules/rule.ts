/**
 * A legal rule as data: an id from legal-rules.md, and dated versions, so that a change in the
 * law is a new version, not a code change. The engine asks for the version in force on the day
 * that matters for each computation (see docs/legal-rules-in-code.md, "relevant day").
 */
import { parseIsoDate, type EpochDay, type IsoDate } from '../calendar/epoch-day';

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export interface RuleVersionData<P> {
  /** First day in force. */
  readonly effectiveFrom: IsoDate;
  /** Last day in force, when a later version or a repeal is known. */
  readonly effectiveUntil?: IsoDate;
  /** The article(s), as shown to agents and users. */
  readonly citation: string;
  /** Where the text was read (legal-rules.md "seen at"). */
  readonly seenAt: string;
  readonly confidence: Confidence;
  /** False when the text is reported but not verified in the Journal officiel (policy 8). */
  readonly confirmed: boolean;
  readonly params: P;
}

export interface RuleVersion<P> extends RuleVersionData<P> {
  readonly fromDay: EpochDay;
  readonly untilDay: EpochDay | undefined;
}

export interface LegalRule<Id extends string, P> {
  readonly id: Id;
  /** What the rule says, in one line, for developers and reviewers (users read locales). */
  readonly summary: string;
  readonly versions: readonly [RuleVersion<P>, ...RuleVersion<P>[]];
}

function parseRuleDate(text: IsoDate): EpochDay {
  const day = parseIsoDate(text);
  if (day === undefined) throw new RangeError(`rule data: bad date ${text}`);
  return day;
}

/** Declares a rule; versions must be in date order and must not overlap. */
export function defineRule<Id extends string, P>(
  id: Id,
  summary: string,
  versions: readonly [RuleVersionData<P>, ...RuleVersionData<P>[]],
): LegalRule<Id, P> {
  const compiled = versions.map((version) => ({
    ...version,
    fromDay: parseRuleDate(version.effectiveFrom),
    untilDay: version.effectiveUntil === undefined ? undefined : parseRuleDate(version.effectiveUntil),
  }));
  compiled.forEach((version, index) => {
    const next = compiled[index + 1];
    if (next !== undefined && (version.untilDay === undefined || version.untilDay >= next.fromDay)) {
      throw new RangeError(`rule ${id}: version ${index} must end before version ${index + 1} starts`);
    }
  });
  return { id, summary, versions: compiled as [RuleVersion<P>, ...RuleVersion<P>[]] };
}

export interface VersionLookup<P> {
  readonly version: RuleVersion<P>;
  /** False when no version covers the day and the nearest one was used instead. */
  readonly inForce: boolean;
}

/** The version in force on `day`, or else the nearest one (flagged `inForce: false`). */
export function versionOn<P>(rule: LegalRule<string, P>, day: EpochDay): VersionLookup<P> {
  const { versions } = rule;
  for (const version of versions) {
    if (version.fromDay <= day && (version.untilDay === undefined || day <= version.untilDay)) {
      return { version, inForce: true };
    }
  }
  const first = versions[0];
  return { version: day < first.fromDay ? first : (versions[versions.length - 1] ?? first), inForce: false };
}
