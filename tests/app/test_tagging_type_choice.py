"""Choosing an activity type in the tagging panel: by key, prefix, part of the name, or a near miss."""

from __future__ import annotations

import pytest

from store.taxonomy import load_taxonomy
from tui.widgets.tagging import TaggingPanel


@pytest.mark.parametrize(("typed", "chosen"), [
    ("p", "patrol"), ("g", "static_guard"), ("pat", "patrol"), ("guard", "static_guard"), ("patrl", "patrol"),
    ("escrot", "escort"), ("outreach", "community_outreach"), ("deploy", "troop_deployment"), ("xyz", "xyz"),
])
def test_type_choice(typed: str, chosen: str) -> None:
    panel = TaggingPanel(load_taxonomy())
    assert panel.expand_type(typed) == chosen
