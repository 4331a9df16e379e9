import { describe, expect, it } from 'vitest';
import { initialState, reduce } from './reducer';

describe('reduce', () => {
  it('appends text deltas to their item', () => {
    let state = reduce(initialState, { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { id: 'msg_1', type: 'message' } });
    state = reduce(state, { type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' });
    expect(state.text.msg_1).toBe('Hi');
  });
});
