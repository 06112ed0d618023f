export type * from './article';
export * from './feed';
export * from './data-paths';
export * from './routes';
export * from './slug';
export * from './safe-url';
export * from './dev-events';
