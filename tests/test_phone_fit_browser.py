"""Every page fits a phone, in WebKit, at 360 x 800 and 390 x 844: no page scrolls sideways, no
table is cut off or scrolls inside its box, and no word is broken in the middle (tests/support/fit.py
measures each word; Chromium checks the same on its one crawl of every page, tests/test_browser_pages.py).
A table shown as cards is still a table with its
column headers in Chromium's accessibility tree (WebKit's cannot be read from here: the roles the
build writes for it are checked in tests/test_table_roles.py), and the practice page with
sessions kept shows both tension values on a 360 px phone.

WebKitGTK's MiniBrowser will not make its window narrower than about 450 px, so there each page
is loaded into an iframe of the phone's size: media queries and layout follow the iframe's width.
"""

from __future__ import annotations

import json

import pytest

from tests.support import engines
from tests.support.fit import FIT_PROBE, PHONES, fit_problems
from tests.support.polling import TWO_FRAMES

pytestmark = pytest.mark.browser
LOG_KEY = "breathing-room:practice-log"
SESSIONS = [
    {
        "started": "2026-11-29T21:05:00.000Z",
        "exercise": "your-own",
        "title": "Your own pattern",
        "pattern": "In 4 · Hold 7 · Out 8 · Hold 2",
        "breaths": 12,
        "minutes": 3.8,
        "ended": "stopped",
        "before": None,
        "after": 5,
    },
    {
        "started": "2026-11-30T08:58:16.000Z",
        "exercise": "alternate-nostril",
        "title": "Alternate-nostril breathing",
        "pattern": "In 4 (left) · Out 4 (right) · In 4 (right) · Out 4 (left)",
        "breaths": 10,
        "minutes": 2.7,
        "ended": "finished",
        "before": 4,
        "after": 2,
    },
]
# Where each tension value of the newest session is, and whether a reader can see it with its name.
TENSION_PROBE = r"""() => {
  const width = document.documentElement.clientWidth;
  const row = document.querySelector('br-practice-log tbody tr');
  return ['Tension before', 'Tension after'].map(name => {
    const cell = row.querySelector(`td[data-label="${name}"]`);
    if (!cell) return { name, text: null, shown: false, inView: false };
    const box = cell.getBoundingClientRect();
    return {
      name,
      text: cell.textContent,
      shown: getComputedStyle(cell, '::before').content.includes(name),
      inView: box.width > 0 && box.left >= 0 && box.right <= width,
    };
  });
}"""


# Lets every word of the page's paragraphs break anywhere, as `word-break: break-all` would on the site.
BREAK_WORDS_ANYWHERE = """() => {
  const anywhere = new CSSStyleSheet();
  anywhere.replaceSync('.md-typeset p { word-break: break-all }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, anywhere];
}"""


class PhoneFrame:
    """A page of the site in an iframe of a phone's size, inside WebKitGTK's wider window."""

    def __init__(self, engine: engines.WebKitPage, site_url: str) -> None:
        self.driver = engine.driver
        self.driver.get(site_url + "__phone_frame__")  # the site's 404 page: same origin, any content
        self.driver.execute_script("document.body.replaceChildren()")

    def load(self, url: str, width: int, height: int) -> None:
        """A new iframe of the phone's size with `url` in it, once it has loaded (waited for in the
        page: one round trip to the driver, not one every 50 ms)."""
        driver = self.driver
        driver.switch_to.default_content()
        loaded = driver.execute_script(
            """const [url, width, height] = arguments;
            document.getElementById('phone')?.remove();
            const frame = document.createElement('iframe');
            frame.id = 'phone';
            frame.style.cssText = `display:block;border:0;width:${width}px;height:${height}px`;
            frame.src = url;
            const loaded = new Promise(resolve => frame.addEventListener('load', () => resolve(true), {once: true}));
            document.body.append(frame);
            return Promise.race([loaded, new Promise(resolve => setTimeout(() => resolve(false), 30000))]);""",
            url,
            width,
            height,
        )
        assert loaded, f"webkit: {url} did not load in 30 s"
        driver.switch_to.frame(driver.find_element("css selector", "#phone"))
        assert self.run("() => document.readyState === 'complete' && location.href") == url

    def resize(self, width: int, height: int) -> None:
        """The loaded iframe made another phone's size, as a reader turning or changing phones would
        see it: media queries and layout follow, with no second load."""
        self.driver.switch_to.default_content()
        self.driver.execute_script(
            "Object.assign(document.getElementById('phone').style, {width: arguments[0], height: arguments[1]})",
            f"{width}px",
            f"{height}px",
        )
        self.driver.switch_to.frame(self.driver.find_element("css selector", "#phone"))
        self.run(TWO_FRAMES)

    def run(self, script: str) -> object:
        return self.driver.execute_script(f"return ({script})();")


@pytest.fixture(scope="module")
def webkit(shared_engines: engines.SharedEngines) -> engines.WebKitPage:
    return shared_engines.webkit()


def test_every_page_fits_a_phone_in_webkit(webkit, site_url, page_paths):
    """Each page loaded once at the first phone's size, then made the other's (PhoneFrame.resize)."""
    frame = PhoneFrame(webkit, site_url)
    problems = []
    for path in page_paths:
        frame.load(site_url + path, *PHONES[0])
        for width, height in PHONES:
            frame.resize(width, height)
            assert frame.run("() => document.documentElement.clientWidth") == width
            problems += [f"{width} px, {path or 'home'}: {problem}" for problem in fit_problems(frame.run)]
    assert problems == []


def test_the_practice_page_with_sessions_shows_the_tension_on_a_phone_in_webkit(webkit, site_url):
    frame = PhoneFrame(webkit, site_url)
    frame.load(site_url + "practice/", 360, 800)
    frame.driver.execute_script(
        "localStorage.setItem(arguments[0], arguments[1])", LOG_KEY, json.dumps({"on": True, "sessions": SESSIONS})
    )
    frame.load(site_url + "practice/?sessions", 360, 800)
    assert frame.run(FIT_PROBE) == []
    assert frame.run(TENSION_PROBE) == [
        {"name": "Tension before", "text": "4", "shown": True, "inView": True},
        {"name": "Tension after", "text": "2", "shown": True, "inView": True},
    ]
    frame.driver.execute_script("localStorage.removeItem(arguments[0])", LOG_KEY)


def test_the_practice_page_with_sessions_fits_and_stays_a_table_in_chromium(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 800})
    page.add_init_script(
        f"localStorage.setItem({LOG_KEY!r}, {json.dumps(json.dumps({'on': True, 'sessions': SESSIONS}))})"
    )
    page.goto(site_url + "practice/")
    page.locator("br-practice-log tbody tr").first.wait_for()
    assert page.evaluate(FIT_PROBE) == []
    assert [cell["inView"] and cell["shown"] for cell in page.evaluate(TENSION_PROBE)] == [True, True]
    tree = page.locator("br-practice-log table").aria_snapshot()
    assert '- columnheader "Tension before"' in tree
    assert '- cell "4"' in tree
    caption = page.locator("br-practice-log figcaption").inner_text()
    assert caption.startswith("Minutes practised per day, ")
    assert " to " in caption


def test_a_table_shown_as_cards_is_still_a_table_with_headers_in_chromium(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "exercises/")
    table = page.locator(".md-content table").first
    assert table.evaluate("table => getComputedStyle(table).display") == "block"  # shown as cards
    tree = table.aria_snapshot()
    assert tree.startswith("- table")
    for header in ("Exercise", "Breath holds?", "How long", "Try it if"):
        assert f'- columnheader "{header}"' in tree
    assert '- cell "No"' in tree


def test_the_fit_probe_finds_a_word_broken_in_the_middle(open_page, site_url):
    """The probe itself: a page that fits has nothing to report; the same page with its paragraphs'
    words let break anywhere has words split across two lines."""
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "ser/")
    assert page.evaluate(FIT_PROBE) == []
    page.evaluate(BREAK_WORDS_ANYWHERE)
    page.evaluate(TWO_FRAMES)
    broken = [problem for problem in page.evaluate(FIT_PROBE) if "is broken across 2 lines in <p>" in problem]
    assert len(broken) >= 10, broken
