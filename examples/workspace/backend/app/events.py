"""Wire models for the stream events this server sends to its clients.

Only the events our relay supports are modelled here; the others are passed through untyped.
"""
from typing import Any, Literal, Optional

from pydantic import BaseModel, Field


class StreamEvent(BaseModel):
    sequence_number: int


class ResponseCreatedEvent(StreamEvent):
    type: Literal["response.created"] = "response.created"
    response: dict[str, Any]


class ResponseInProgressEvent(StreamEvent):
    type: Literal["response.in_progress"] = "response.in_progress"
    response: dict[str, Any]


class ResponseCompletedEvent(StreamEvent):
    type: Literal["response.completed"] = "response.completed"
    response: dict[str, Any]


class ResponseFailedEvent(StreamEvent):
    type: Literal["response.failed"]
    response: dict[str, Any]


class OutputItemAddedEvent(StreamEvent):
    type: Literal["response.output_item.added"] = "response.output_item.added"
    output_index: int
    item: dict[str, Any]


class OutputItemDoneEvent(StreamEvent):
    type: Literal["response.output_item.done"] = "response.output_item.done"
    output_index: int
    item: dict[str, Any]


class OutputTextDeltaEvent(StreamEvent):
    type: Literal["response.output_text.delta"] = "response.output_text.delta"
    item_id: str
    output_index: int
    content_index: int
    delta: str
    logprobs: list[dict[str, Any]] = Field(default_factory=list)


class OutputTextDoneEvent(StreamEvent):
    # logprobs are not tracked for finished text yet: the relay drops them.
    type: Literal["response.output_text.done"] = "response.output_text.done"
    item_id: str
    output_index: int
    content_index: int
    text: str


class FunctionCallArgumentsDeltaEvent(StreamEvent):
    type: Literal["response.function_call_arguments.delta"] = "response.function_call_arguments.delta"
    item_id: str
    output_index: int
    delta: str


class FunctionCallArgumentsDoneEvent(StreamEvent):
    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"
    item_id: str
    output_index: int
    name: str
    arguments: str


class ToolCallDeltaEvent(StreamEvent):
    # Private extension kept for older clients; not part of the public stream.
    type: Literal["response.tool_call.delta"] = "response.tool_call.delta"
    item_id: str
    delta: str


class ErrorEvent(StreamEvent):
    type: Literal["error"] = "error"
    code: Optional[str] = None
    message: str
    param: Optional[str] = None
