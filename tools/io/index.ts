export * from './json.js';
export * from './atomic.js';
export * from './write-plan.js';
