/**
 * The class names the official SDKs give each Responses stream event, by its `type` string
 * (openai-python `src/openai/types/responses/*_event.py`, openai-node
 * `resources/responses/responses.ts`; both generate the same names). The analyzer ties a class
 * that code imports, subclasses or constructs to its event through these names; schema names from
 * an OpenAPI document come from the OpenAPI reader. Names only: they differ from the OpenAPI
 * schema names (`ResponseMcpCallCompletedEvent` vs `ResponseMCPCallCompletedEvent`), which is why
 * items are matched by type and names are only a bridge.
 */
import { getOwn } from '../model/own.js';
/**
 * The packages those names are exported by (openai-python's `openai.types.responses`, openai-node's
 * `openai/resources/responses/responses`): a class name ties to an event only when the code's
 * import resolves to one of these, never by the bare name.
 */
export const SDK_PACKAGES: readonly string[] = ['openai'];

export const SDK_EVENT_CLASS_NAMES: Readonly<Record<string, readonly string[]>> = {
  'error': ['ResponseErrorEvent'],
  'response.audio.delta': ['ResponseAudioDeltaEvent'],
  'response.audio.done': ['ResponseAudioDoneEvent'],
  'response.audio.transcript.delta': ['ResponseAudioTranscriptDeltaEvent'],
  'response.audio.transcript.done': ['ResponseAudioTranscriptDoneEvent'],
  'response.code_interpreter_call.completed': ['ResponseCodeInterpreterCallCompletedEvent'],
  'response.code_interpreter_call.in_progress': ['ResponseCodeInterpreterCallInProgressEvent'],
  'response.code_interpreter_call.interpreting': ['ResponseCodeInterpreterCallInterpretingEvent'],
  'response.code_interpreter_call_code.delta': ['ResponseCodeInterpreterCallCodeDeltaEvent'],
  'response.code_interpreter_call_code.done': ['ResponseCodeInterpreterCallCodeDoneEvent'],
  'response.compaction.compacting': ['ResponseCompactionCompactingEvent'],
  'response.completed': ['ResponseCompletedEvent'],
  'response.content_part.added': ['ResponseContentPartAddedEvent'],
  'response.content_part.done': ['ResponseContentPartDoneEvent'],
  'response.created': ['ResponseCreatedEvent'],
  'response.custom_tool_call_input.delta': ['ResponseCustomToolCallInputDeltaEvent'],
  'response.custom_tool_call_input.done': ['ResponseCustomToolCallInputDoneEvent'],
  'response.failed': ['ResponseFailedEvent'],
  'response.file_search_call.completed': ['ResponseFileSearchCallCompletedEvent'],
  'response.file_search_call.in_progress': ['ResponseFileSearchCallInProgressEvent'],
  'response.file_search_call.searching': ['ResponseFileSearchCallSearchingEvent'],
  'response.function_call_arguments.delta': ['ResponseFunctionCallArgumentsDeltaEvent'],
  'response.function_call_arguments.done': ['ResponseFunctionCallArgumentsDoneEvent'],
  'response.image_generation_call.completed': ['ResponseImageGenCallCompletedEvent'],
  'response.image_generation_call.generating': ['ResponseImageGenCallGeneratingEvent'],
  'response.image_generation_call.in_progress': ['ResponseImageGenCallInProgressEvent'],
  'response.image_generation_call.partial_image': ['ResponseImageGenCallPartialImageEvent'],
  'response.in_progress': ['ResponseInProgressEvent'],
  'response.incomplete': ['ResponseIncompleteEvent'],
  'response.mcp_call.completed': ['ResponseMcpCallCompletedEvent'],
  'response.mcp_call.failed': ['ResponseMcpCallFailedEvent'],
  'response.mcp_call.in_progress': ['ResponseMcpCallInProgressEvent'],
  'response.mcp_call_arguments.delta': ['ResponseMcpCallArgumentsDeltaEvent'],
  'response.mcp_call_arguments.done': ['ResponseMcpCallArgumentsDoneEvent'],
  'response.mcp_list_tools.completed': ['ResponseMcpListToolsCompletedEvent'],
  'response.mcp_list_tools.failed': ['ResponseMcpListToolsFailedEvent'],
  'response.mcp_list_tools.in_progress': ['ResponseMcpListToolsInProgressEvent'],
  'response.output_item.added': ['ResponseOutputItemAddedEvent'],
  'response.output_item.done': ['ResponseOutputItemDoneEvent'],
  'response.output_text.annotation.added': ['ResponseOutputTextAnnotationAddedEvent'],
  'response.output_text.delta': ['ResponseTextDeltaEvent'],
  'response.output_text.done': ['ResponseTextDoneEvent'],
  'response.queued': ['ResponseQueuedEvent'],
  'response.reasoning_summary_part.added': ['ResponseReasoningSummaryPartAddedEvent'],
  'response.reasoning_summary_part.done': ['ResponseReasoningSummaryPartDoneEvent'],
  'response.reasoning_summary_text.delta': ['ResponseReasoningSummaryTextDeltaEvent'],
  'response.reasoning_summary_text.done': ['ResponseReasoningSummaryTextDoneEvent'],
  'response.reasoning_text.delta': ['ResponseReasoningTextDeltaEvent'],
  'response.reasoning_text.done': ['ResponseReasoningTextDoneEvent'],
  'response.refusal.delta': ['ResponseRefusalDeltaEvent'],
  'response.refusal.done': ['ResponseRefusalDoneEvent'],
  'response.shell_call_command.added': ['ResponseShellCallCommandAddedEvent'],
  'response.web_search_call.completed': ['ResponseWebSearchCallCompletedEvent'],
  'response.web_search_call.in_progress': ['ResponseWebSearchCallInProgressEvent'],
  'response.web_search_call.searching': ['ResponseWebSearchCallSearchingEvent'],
};

/** SDK class names for an event type, or none. */
export function sdkClassNames(type: string): readonly string[] {
  return getOwn(SDK_EVENT_CLASS_NAMES, type) ?? [];
}

/** `current` plus the SDK names, without duplicates, sorted: the same model gives the same bytes. */
export function withSdkClassNames(type: string, current: readonly string[]): string[] {
  return [...new Set([...current, ...sdkClassNames(type)])].sort();
}
