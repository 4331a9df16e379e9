// Folds the event stream into what the chat view shows: one message per output item.
import type { StreamEvent } from '../events/schemas';

export interface ChatState {
  responseId?: string;
  status: 'idle' | 'streaming' | 'done' | 'failed';
  text: Record<string, string>;
  error?: string;
}

export const initialState: ChatState = { status: 'idle', text: {} };

export function reduce(state: ChatState, event: StreamEvent): ChatState {
  switch (event.type) {
    case 'response.created':
      return { ...state, responseId: event.response.id, status: 'streaming' };
    case 'response.output_item.added':
      return { ...state, text: { ...state.text, [event.item.id]: '' } };
    case 'response.output_text.delta':
      return { ...state, text: { ...state.text, [event.item_id]: (state.text[event.item_id] ?? '') + event.delta } };
    case 'response.output_text.done':
      return { ...state, text: { ...state.text, [event.item_id]: event.text } };
    case 'response.completed':
      return { ...state, status: 'done' };
    case 'error':
      return { ...state, status: 'failed', error: event.message };
    default:
      return state;
  }
}
