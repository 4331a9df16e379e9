from app.stream import build_created, build_text_delta, build_tool_call_delta


def test_created_event_carries_the_response():
    event = build_created({"id": "resp_1"}, 0)
    assert event["type"] == "response.created"
    assert event["response"]["id"] == "resp_1"


def test_text_delta_is_a_plain_string():
    event = build_text_delta("msg_1", "Hi", 3)
    assert event["type"] == "response.output_text.delta"
    assert isinstance(event["delta"], str)


def test_private_tool_call_delta_stays_flat():
    event = build_tool_call_delta("fc_1", "{\"a\":", 4)
    assert event["type"] == "response.tool_call.delta"
