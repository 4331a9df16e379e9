export * from './json.js';
export * from './atomic.js';
export * from './write-plan.js';
export * from './confine.js';
export * from './env-error.js';
export * from './lock.js';
export * from './json-positions.js';
