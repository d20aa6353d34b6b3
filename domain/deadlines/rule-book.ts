/**
 * Which version of each rule a computation used. The engine asks for a rule on the day that
 * matters (see docs/legal-rules-in-code.md); when no version covers that day, the nearest one is
 * applied and the result carries a `rule_version_missing` warning.
 */
import type { EpochDay } from '../calendar/epoch-day';
import { RULES, type RuleId } from '../rules/legal-rules';
import { versionOn, type LegalRule, type VersionLookup } from '../rules/rule';

export type AppliedVersion<Id extends RuleId> = (typeof RULES)[Id]['versions'][number];

export function lookUpRule<Id extends RuleId>(id: Id, day: EpochDay): VersionLookup<AppliedVersion<Id>['params']> {
  return versionOn(RULES[id] as LegalRule<Id, AppliedVersion<Id>['params']>, day);
}

/** Collects the rules a computation used on a day no version covers. */
export class RuleBook {
  /** Rules used on a day no version covers, with the first such day. */
  readonly missing = new Map<RuleId, EpochDay>();

  use<Id extends RuleId>(id: Id, day: EpochDay): AppliedVersion<Id> {
    const { version, inForce } = lookUpRule(id, day);
    if (!inForce && !this.missing.has(id)) this.missing.set(id, day);
    return version as AppliedVersion<Id>;
  }
}
