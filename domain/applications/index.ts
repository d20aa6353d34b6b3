/**
 * Applications, pure: the status transition table, the filing decision from the engine's window,
 * the card catalogue with its document checklists and fees, identifier formats, and the VLS-TS
 * validation decision. docs/adr/0005-applications-and-documents.md explains the choices.
 */
export * from './types';
export * from './state-machine';
export * from './filing-decision';
export * from './card-catalogue';
export * from './card-fees';
export * from './identifiers';
export * from './permit-facts';
