"""The test server answers as GitHub Pages does, under whichever sub-path a test chooses."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.support.server import SEARCH_INDEX, WITHOUT_SEARCH_INDEX, serve


def status_and_body(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize("sub_path", ["/breathing-room/", "/"])
def test_pages_are_served_under_the_sub_path_and_anything_else_is_the_404_page(built_site, sub_path):
    not_found_page = (built_site / "404.html").read_text(encoding="utf-8")
    with serve(built_site, sub_path) as url:
        assert url.endswith(sub_path)
        assert status_and_body(url)[0] == 200
        assert status_and_body(url + "safety/")[0] == 200
        assert status_and_body(url + "no-such-page/") == (404, not_found_page)
        if sub_path != "/":
            assert status_and_body(url.removesuffix(sub_path) + "/safety/") == (404, not_found_page)


def test_a_sub_path_must_start_and_end_with_a_slash(built_site):
    with pytest.raises(ValueError, match="must start and end with '/'"), serve(built_site, "/breathing-room"):
        pass


def test_a_context_that_asks_gets_the_search_index_with_no_pages_and_all_else_as_it_is(tmp_path):
    index: dict[str, Any] = {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [{"location": "", "title": "Breathing Room", "text": "Breathe in for four."}],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / SEARCH_INDEX).write_text(json.dumps(index), encoding="utf-8")
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    with serve(tmp_path) as url:

        def fetched(path: str, headers: dict[str, str]) -> Any:
            status, body = status_and_body(url + path, headers)
            assert status == 200, (path, headers, status)
            return json.loads(body)

        assert fetched(SEARCH_INDEX, WITHOUT_SEARCH_INDEX) == {"config": index["config"], "docs": []}
        assert fetched(SEARCH_INDEX, {}) == index
        assert fetched(SEARCH_INDEX, dict.fromkeys(WITHOUT_SEARCH_INDEX, "whole")) == index
        assert fetched("index.json", WITHOUT_SEARCH_INDEX) == index
        assert fetched(f"search/../{SEARCH_INDEX}", WITHOUT_SEARCH_INDEX)["docs"] == []
        (tmp_path / SEARCH_INDEX).unlink()
        assert status_and_body(url + SEARCH_INDEX, WITHOUT_SEARCH_INDEX)[0] == 404
