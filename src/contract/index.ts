export type * from './article.ts';
export * from './feed.ts';
export * from './data-paths.ts';
export * from './routes.ts';
export * from './slug.ts';
export * from './safe-url.ts';
export * from './dev-events.ts';
export type * from './story.ts';
export * from './story-order.ts';
