"""Does a page fit a phone? One function run in the page (any engine: Chromium, WebKit) that
returns what does not fit, in words: the page wider than the screen, a part of it that scrolls
sideways, a word broken in the middle.

A broken word is found by measuring it: a run of letters or digits in one text node whose
characters lie on more than one line was split inside the word ("Guidelin" / "e"), whatever CSS
did it (`overflow-wrap: anywhere`, `word-break`, a cell narrower than its longest word). Only the
words of a text node that itself lies on more than one line are measured: over every page, with the
same findings, that took the probe from 5.3 to 3.4 CPU-s in WebKit (both widths) and from 1.3 to
0.7 in Chromium (360 px; issue 26). A break at a hyphen or a slash is between two runs, so it is
allowed. Two things are left out: a web
address written out as a link's text (nothing can keep one on a 360 px line; it may break anywhere),
and the search panel, which is squeezed to no width until it is opened.

`phone_fit_problems` runs the probe on a Playwright page at each phone in turn.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from tests.support.polling import TWO_FRAMES

# The phones every page must fit: a small Android (360 x 800) and a current iPhone (390 x 844).
PHONES = ((360, 800), (390, 844))

# Serialised into the page: keep it plain ES2018 (WebKitGTK, and no eval: the site's policy refuses it).
FIT_PROBE = r"""() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth} px wide on a ${width} px screen`);
  const describe = element => {
    const id = element.id ? `#${element.id}` : '';
    const names = [...element.classList].slice(0, 2).map(name => `.${name}`).join('');
    const text = (element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${element.localName}${id}${names}> "${text}"`;
  };
  for (const element of document.querySelectorAll('.md-content *')) {
    const overflow = getComputedStyle(element).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1)
      problems.push(`${describe(element)} scrolls sideways: ${element.scrollWidth} px in ${element.clientWidth} px`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const word = /[\p{L}\p{N}]{2,}/gu;
  const range = document.createRange();
  const lineBottoms = () =>
    new Set([...range.getClientRects()].filter(rect => rect.width > 0 && rect.height > 0).map(rect => Math.round(rect.bottom)));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, noscript, [hidden], .md-search')) continue;
    if (/^\s*https?:\/\//.test(node.data)) continue;
    range.selectNodeContents(node);
    if (lineBottoms().size < 2) continue; // all on one line: no word of it can be broken
    for (const match of node.data.matchAll(word)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = lineBottoms();
      if (lines.size > 1) problems.push(`"${match[0]}" is broken across ${lines.size} lines in ${describe(parent)}`);
    }
  }
  return problems;
}"""

# Every table the reader can see: is it all in view, or cut off by its box or the screen?
TABLES_PROBE = r"""() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-content table')]
    .filter(table => table.getClientRects().length)
    .map(table => {
      const box = table.getBoundingClientRect();
      let clipped = false;
      for (let up = table.parentElement; up && up !== document.body; up = up.parentElement) {
        const limits = up.getBoundingClientRect();
        if (getComputedStyle(up).overflowX !== 'visible' && (box.right > limits.right + 1 || box.left < limits.left - 1))
          clipped = true;
      }
      return { text: (table.textContent || '').trim().slice(0, 40), left: box.left, right: box.right, width, clipped };
    });
}"""


def table_problems(tables: list[dict[str, object]]) -> list[str]:
    return [
        f'table "{table["text"]}" is cut off: it spans {table["left"]:.0f} to {table["right"]:.0f} px'
        for table in tables
        if table["clipped"] or float(str(table["right"])) > float(str(table["width"])) + 1
    ]


def fit_problems(run: Callable[[str], object]) -> list[str]:
    """Everything that does not fit in the page as it is laid out now; `run` evaluates a function's
    source in the page (Playwright's `page.evaluate`, or WebDriver's script through a wrapper)."""
    return [*run(FIT_PROBE), *table_problems(run(TABLES_PROBE))]  # type: ignore[misc, arg-type]


def phone_fit_problems(page: Page) -> list[str]:
    """A loaded Playwright page narrowed to each phone in turn (it is left at the last): what does not
    fit, each "at W px: ...". Narrowing the page lays it out as a load at that size does (media
    queries, the theme's resize handling), for a fraction of a load."""
    problems = []
    for width, height in PHONES:
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate(TWO_FRAMES)
        assert page.evaluate("document.documentElement.clientWidth") == width
        problems += [f"at {width} px: {problem}" for problem in fit_problems(page.evaluate)]
    return problems
