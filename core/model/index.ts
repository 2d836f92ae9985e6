export * from './account';
export * from './backend';
export * from './bucket';
export * from './grant';
export * from './organisation';
export * from './platform';
export * from './policy';
export * from './principals';
