"""What the browser tests share: watching a page for errors and foreign requests, and axe-core."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Error, Page, Request

# axe-core as the pinned axe-playwright-python ships it (read as a file: that package has no types).
AXE_SCRIPT = files("axe_playwright_python") / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


@dataclass
class PageWatch:
    """Console errors, uncaught exceptions and requests to any host but the test server."""

    own_host: str
    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> PageWatch:
        page.on("console", self._check_console)
        page.on("pageerror", self._check_page_error)
        page.on("request", self._check_request)
        return self

    def _check_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _check_page_error(self, error: Error) -> None:
        self.errors.append(str(error))

    def _check_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != self.own_host:
            self.foreign_requests.append(request.url)


def watch(page: Page, site_url: str) -> PageWatch:
    return PageWatch(urlsplit(site_url).netloc).attach(page)


# The axe-core rules whose outcome depends on colour: all that can change between the light and the
# dark scheme, whose pages have the same elements, names, roles and layout (the schemes differ only
# in colour variables, overrides/assets/stylesheets/site.css, and in which of Material's two palette
# toggles shows).
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(page: Page, rules: tuple[str, ...] = ()) -> list[str]:
    """Serious and critical axe-core violations (of `rules` only, if given), each as 'rule: target'
    for a readable failure."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the debugging protocol: an inline <script> tag would be refused by the
        # site's content security policy, as any injected script should be.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = list(rules)
    results = page.evaluate("options => axe.run(document, options)", options)
    return [
        f"{violation['id']} ({violation['impact']}): {', '.join(str(node['target']) for node in violation['nodes'][:5])}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


# Contrast as WCAG defines it, with semi-transparent colours composited over what lies beneath
# (axe-core reports such text as "incomplete" rather than as a violation, so it needs its own check).
CONTRAST_SCRIPT = """el => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  const layers = [];
  for (let node = el; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
  let background = [255, 255, 255, 1];
  for (const layer of layers.reverse()) background = over(layer, background);
  const text = over(parse(getComputedStyle(el).color), background);
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return (high + 0.05) / (low + 0.05);
}"""


def contrast_ratio(page: Page, selector: str) -> float:
    return float(page.locator(selector).first.evaluate(CONTRAST_SCRIPT))
