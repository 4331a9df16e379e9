"""The body of `POST /v1/responses` as this server accepts it."""
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel


class CreateResponseRequest(BaseModel):
    # The server has no default model, so it insists on one.
    model: str
    input: Union[str, list[dict[str, Any]]]
    instructions: Optional[str] = None
    include: Optional[list[Literal["file_search_call.results", "message.output_text.logprobs", "reasoning.encrypted_content"]]] = None
    max_output_tokens: Optional[int] = None
    metadata: Optional[dict[str, str]] = None
    previous_response_id: Optional[str] = None
    parallel_tool_calls: bool = True
    store: bool = True
    stream: bool = False
    background: bool = False
    temperature: Optional[float] = 1.0
    top_p: Optional[float] = 0.9
    truncation: Literal["auto", "disabled"] = "disabled"
    tools: Optional[list[dict[str, Any]]] = None
