from inburgering.shared import tracing

PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def test_a_child_keeps_the_trace_id_and_flags_with_a_new_span():
    child = tracing.child_of(PARENT)

    assert tracing.is_valid(child)
    assert tracing.trace_id(child) == "0af7651916cd43dd8448eb211c80319c"
    assert child.endswith("-01")
    assert child.split("-")[2] != "b7ad6b7169203331"


def test_a_missing_or_invalid_parent_starts_a_new_trace():
    invalid = [None, "", "garbage", "00-00000000000000000000000000000000-b7ad6b7169203331-01"]

    children = [tracing.child_of(parent) for parent in invalid]

    assert all(tracing.is_valid(child) for child in children)
    assert len({tracing.trace_id(child) for child in children}) == len(children)


def test_the_trace_id_of_an_invalid_traceparent_is_none():
    assert tracing.trace_id("00-xyz-abc-01") is None
    assert tracing.trace_id(None) is None
