"""Builds the event stream for one response and frames it as server-sent events."""
import json
from typing import Any, AsyncIterator

from .events import (
    ErrorEvent,
    OutputTextDeltaEvent,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
)


def sse(event: dict[str, Any]) -> str:
    return f"event: {event['type']}\ndata: {json.dumps(event)}\n\n"


def emit(kind: str, seq: int, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "sequence_number": seq, **fields}


def build_created(response: dict[str, Any], seq: int) -> dict[str, Any]:
    return ResponseCreatedEvent(response=response, sequence_number=seq).model_dump()


def build_in_progress(response: dict[str, Any], seq: int) -> dict[str, Any]:
    return {"type": "response.in_progress", "response": response, "sequence_number": seq}


def build_message_added(item: dict[str, Any], seq: int) -> dict[str, Any]:
    return {"type": "response.output_item.added", "output_index": 0, "item": item, "sequence_number": seq}


def build_text_delta(item_id: str, text: str, seq: int) -> dict[str, Any]:
    event = OutputTextDeltaEvent(item_id=item_id, output_index=0, content_index=0, delta=text, sequence_number=seq)
    return event.model_dump()


def build_text_done(item_id: str, text: str, seq: int) -> dict[str, Any]:
    return emit("response.output_text.done", seq, item_id=item_id, output_index=0, content_index=0, text=text)


def build_tool_call_delta(item_id: str, chunk: str, seq: int) -> dict[str, Any]:
    # Older clients still read this private event; see events.ToolCallDeltaEvent.
    return {"type": "response.tool_call.delta", "item_id": item_id, "delta": chunk, "sequence_number": seq}


def build_completed(response: dict[str, Any], seq: int) -> dict[str, Any]:
    return ResponseCompletedEvent(response=response, sequence_number=seq).model_dump()


def build_error(message: str, seq: int) -> dict[str, Any]:
    return ErrorEvent(message=message, sequence_number=seq).model_dump()


async def stream_response(body: Any) -> AsyncIterator[str]:
    response = {"id": "resp_1", "object": "response", "status": "in_progress", "output": []}
    seq = 0
    for event in (build_created(response, 0), build_in_progress(response, 1)):
        seq += 1
        yield sse(event)
    item = {"id": "msg_1", "type": "message", "role": "assistant", "content": []}
    yield sse(build_message_added(item, seq))
    text = "Hello from the relay."
    yield sse(build_text_delta("msg_1", text, seq + 1))
    yield sse(build_text_done("msg_1", text, seq + 2))
    response["status"] = "completed"
    yield sse(build_completed(response, seq + 3))
