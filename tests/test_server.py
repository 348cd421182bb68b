"""The test server answers as GitHub Pages does, under whichever sub-path a test chooses."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.support.server import serve


def status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
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
