// Progress labels for runs of the Agents SDK, whose stream wraps the raw Responses events.
interface AgentStreamEvent {
  type: string;
  name?: string;
  item?: { agent?: { name?: string } };
  new_agent?: { name?: string };
}

export function describeAgentEvent(event: AgentStreamEvent): string | undefined {
  if (event.type === 'agent_updated_stream_event') return `now talking to ${event.new_agent?.name ?? 'an agent'}`;
  if (event.type !== 'run_item_stream_event') return undefined;
  switch (event.name) {
    case 'message_output_created':
      return 'writing';
    case 'tool_called':
      return 'using a tool';
    case 'tool_output':
      return 'read tool result';
    default:
      return undefined;
  }
}
