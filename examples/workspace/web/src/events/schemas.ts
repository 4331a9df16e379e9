// Runtime schemas for the stream events the UI renders. Unknown events are ignored by the reducer.
import { z } from 'zod';

const base = { sequence_number: z.number().int() };

export const ResponseCreated = z.object({
  ...base,
  type: z.literal('response.created'),
  response: z.object({ id: z.string(), status: z.string() }).passthrough(),
});

export const ResponseCompleted = z.object({
  ...base,
  type: z.literal('response.completed'),
  response: z.object({ id: z.string(), status: z.string() }).passthrough(),
});

export const OutputItemAdded = z.object({
  ...base,
  type: z.literal('response.output_item.added'),
  output_index: z.number().int(),
  item: z.object({ id: z.string(), type: z.string() }).passthrough(),
});

export const OutputTextDelta = z.object({
  ...base,
  type: z.literal('response.output_text.delta'),
  item_id: z.string(),
  output_index: z.number().int(),
  content_index: z.number().int(),
  delta: z.string(),
});

export const OutputTextDone = z.object({
  ...base,
  type: z.literal('response.output_text.done'),
  item_id: z.string(),
  output_index: z.number().int(),
  content_index: z.number().int(),
  text: z.string(),
});

export const StreamError = z.object({
  ...base,
  type: z.literal('error'),
  code: z.string().nullable(),
  message: z.string(),
  param: z.string().nullable(),
});

export const StreamEvent = z.discriminatedUnion('type', [
  ResponseCreated,
  ResponseCompleted,
  OutputItemAdded,
  OutputTextDelta,
  OutputTextDone,
  StreamError,
]);
export type StreamEvent = z.infer<typeof StreamEvent>;
