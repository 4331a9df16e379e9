"""HTTP surface of the relay: create, fetch and cancel responses."""
from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse

from .requests import CreateResponseRequest
from .stream import stream_response
from .store import RESPONSES

router = APIRouter()


@router.post("/v1/responses")
async def create_response(body: CreateResponseRequest):
    if body.stream:
        return StreamingResponse(stream_response(body), media_type="text/event-stream")
    return await RESPONSES.create(body)


@router.get("/v1/responses/{response_id}")
async def get_response(response_id: str):
    found = await RESPONSES.get(response_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no such response")
    return found


@router.post("/v1/responses/{response_id}/cancel")
async def cancel_response(response_id: str):
    return await RESPONSES.cancel(response_id)
