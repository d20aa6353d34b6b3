/**
 * The deadline engine's public API (see docs/legal-rules-in-code.md):
 * `parseDeadlineInput` (or `validateDeadlineInput`) then `computeDeadlines`; `applicationWindow`
 * for the submit use case; `todayInParis` to turn the clock's instant into the legal date.
 */
export { computeDeadlines } from './compute-deadlines';
export { parseDeadlineInput, validateDeadlineInput, EARLIEST_DATE, LATEST_DATE, type ParsedDeadlineInput } from './validate-deadline-input';
export { applicationWindow } from './filing';
export { todayInParis, LEGAL_TIME_ZONE } from '../calendar/today-in-paris';
export * from './types';
