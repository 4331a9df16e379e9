export * from './schema.js';
export * from './ids.js';
export * from './anchor.js';
export * from './sort.js';
export * from './items.js';
export * from './own.js';
export * from './field.js';
