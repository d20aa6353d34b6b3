/**
 * Every job the runner knows. A job not listed here has no queue, no worker and no schedule:
 * enqueueing it fails. One file per job in `jobs/`, named after it (`accounts.purge` →
 * `jobs/accounts-purge.ts`).
 */
import type { JobDefinition } from './define';
import { accountsPurge } from './jobs/accounts-purge';
import { applicationsRecordTacitRefusals } from './jobs/applications-record-tacit-refusals';
import { attestationsIssueProlongations } from './jobs/attestations-issue-prolongations';
import { backOfficeFlagCases } from './jobs/back-office-flag-cases';
import { mailRelayOutbox } from './jobs/mail-relay-outbox';
import { messagesEscalate } from './jobs/messages-escalate';
import { remindersRecompute } from './jobs/reminders-recompute';
import { remindersSend } from './jobs/reminders-send';
import { remindersSweep } from './jobs/reminders-sweep';
import { statisticsCompute } from './jobs/statistics-compute';

export const JOBS: readonly JobDefinition[] = [
  accountsPurge,
  attestationsIssueProlongations,
  remindersRecompute,
  remindersSweep,
  remindersSend,
  statisticsCompute,
  mailRelayOutbox,
  applicationsRecordTacitRefusals,
  messagesEscalate,
  backOfficeFlagCases,
];
