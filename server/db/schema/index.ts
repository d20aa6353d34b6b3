export * from './reference';
export * from './users';
export * from './accounts';
export * from './applications';
export * from './profiles';
export * from './attestations';
