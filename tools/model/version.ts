/** Kept apart from schema.ts so that readers of model.json need not load Zod (start-up cost on the hook path). */
export const MODEL_VERSION = 1;
