"""In-memory store of finished responses (enough for a single-process relay)."""
from typing import Any, Optional


class ResponseStore:
    def __init__(self) -> None:
        self._items: dict[str, dict[str, Any]] = {}

    async def create(self, body: Any) -> dict[str, Any]:
        response = {"id": f"resp_{len(self._items) + 1}", "object": "response", "status": "completed", "output": []}
        self._items[response["id"]] = response
        return response

    async def get(self, response_id: str) -> Optional[dict[str, Any]]:
        return self._items.get(response_id)

    async def cancel(self, response_id: str) -> Optional[dict[str, Any]]:
        found = self._items.get(response_id)
        if found is not None:
            found["status"] = "cancelled"
        return found


RESPONSES = ResponseStore()
