"""One small driver interface over three browser engines, so one list of scenarios runs in all:
Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi (a Node
bridge, tests/support/firefox_bridge.mjs), WebKitGTK through Selenium and WebKitWebDriver.

A scenario needs only: load a page, run a function in it, press keys, click, and read the
page's errors. Page scripts are function sources such as "arg => document.title"."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page
    from playwright.sync_api import Error as PlaywrightError
    from selenium.webdriver.remote.webdriver import WebDriver

from tests.support import browsers, kinds
from tests.support.paths import REPO_ROOT
from tests.support.server import WITHOUT_SEARCH_INDEX

ENGINES = ("chromium", "firefox", "webkit")
VIEWPORT = {"width": 1280, "height": 900}
SCRIPT_TIMEOUT = 300  # seconds a page script may take to settle, longer than any wait_for

# Errors a page throws after load, for engines whose driver cannot report them (WebKitWebDriver).
ERROR_COLLECTOR = """() => {
    if (window.engineErrors) return;
    window.engineErrors = [];
    addEventListener('error', e => engineErrors.push(String(e.message || e.error)));
    addEventListener('unhandledrejection', e => engineErrors.push(String(e.reason)));
}"""


class EnginePage(Protocol):
    name: str

    def goto(self, url: str) -> None: ...
    def run(self, script: str, arg: Any = None) -> Any: ...
    def press(self, key: str) -> None:
        """A key as a person presses it: "Tab", "Shift+Tab", "Enter", "Space"."""

    def click(self, selector: str) -> None: ...
    def errors(self) -> list[str]:
        """Errors the page reported since the last time this was asked (each test asks at its end)."""


def page_errors(page: EnginePage) -> list[str]:
    """What ERROR_COLLECTOR has seen since the page loaded."""
    return [str(error) for error in page.run("() => window.engineErrors || []")]


class ChromiumPage:
    name = "chromium"

    def __init__(self, page: Page) -> None:
        self.page = page
        self._errors: list[str] = []
        page.on("pageerror", self._page_error)
        page.on("console", self._console_message)

    def _page_error(self, error: PlaywrightError) -> None:
        self._errors.append(str(error))

    def _console_message(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self._errors.append(message.text)

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.run(ERROR_COLLECTOR)

    def run(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def errors(self) -> list[str]:
        reported, self._errors = self._errors, []
        return reported + page_errors(self)


class FirefoxPage:
    name = "firefox"

    def __init__(self, bridge: subprocess.Popen[str]) -> None:
        self.bridge = bridge

    def _ask(self, **request: Any) -> Any:
        assert self.bridge.stdin
        assert self.bridge.stdout
        self.bridge.stdin.write(json.dumps(request) + "\n")
        self.bridge.stdin.flush()
        line = self.bridge.stdout.readline()
        if not line:
            raise RuntimeError(f"the Firefox bridge stopped: {self.bridge.stderr.read() if self.bridge.stderr else ''}")
        reply = json.loads(line)
        if not reply["ok"]:
            raise RuntimeError(f"Firefox: {reply['error']}")
        return reply["value"]

    def goto(self, url: str) -> None:
        self._ask(op="goto", url=url)
        self.run(ERROR_COLLECTOR)

    def run(self, script: str, arg: Any = None) -> Any:
        return self._ask(op="run", script=script, arg=arg)

    def press(self, key: str) -> None:
        self._ask(op="press", key=key)

    def click(self, selector: str) -> None:
        self._ask(op="click", selector=selector)

    def errors(self) -> list[str]:
        return list(self._ask(op="errors")) + page_errors(self)


class WebKitPage:
    name = "webkit"

    def __init__(self, driver: WebDriver) -> None:
        self.driver = driver

    def goto(self, url: str) -> None:
        self.driver.get(url)
        self.run(ERROR_COLLECTOR)

    def run(self, script: str, arg: Any = None) -> Any:
        return self.driver.execute_script(f"return ({script})(arguments[0]);", arg)

    def press(self, key: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        *held, last = key.split("+")
        names = {"Tab": Keys.TAB, "Enter": Keys.ENTER, "Space": Keys.SPACE, "Shift": Keys.SHIFT}
        actions = ActionChains(self.driver)
        for modifier in held:
            actions.key_down(names[modifier])
        actions.send_keys(names.get(last, last))
        for modifier in reversed(held):
            actions.key_up(names[modifier])
        actions.perform()

    def click(self, selector: str) -> None:
        self.driver.find_element("css selector", selector).click()

    def errors(self) -> list[str]:
        return page_errors(self)


@contextmanager
def chromium_page(browser: Browser) -> Iterator[ChromiumPage]:
    """A fresh context of the session's Playwright Chromium (pytest-playwright's `browser`)."""
    context = browser.new_context(
        viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]}, extra_http_headers=WITHOUT_SEARCH_INDEX
    )
    try:
        yield ChromiumPage(context.new_page())
    finally:
        context.close()


@contextmanager
def firefox_page() -> Iterator[FirefoxPage]:
    kinds.browser_wanted("Firefox")
    browsers.puppeteer_installed(REPO_ROOT)
    bridge = subprocess.Popen(
        ["node", str(REPO_ROOT / "tests/support/firefox_bridge.mjs"), browsers.require(browsers.FIREFOX)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        yield FirefoxPage(bridge)
    finally:
        assert bridge.stdin
        bridge.stdin.close()  # the bridge closes Firefox and exits
        try:
            bridge.wait(timeout=30)
        except subprocess.TimeoutExpired:
            bridge.kill()


@contextmanager
def webkit_page(compositing: bool = True) -> Iterator[WebKitPage]:
    """WebKitGTK's MiniBrowser on a virtual display. Without `compositing`, WebKit paints what
    changed straight into the window instead of compositing every frame through OpenGL, which
    Xvfb only has in software (Mesa's llvmpipe): a running pacer then costs about a third of the
    CPU. Layout, scripts and timers are the same either way."""
    kinds.browser_wanted("WebKit")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must download nothing
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    display = browsers.VirtualDisplay.start()
    try:
        options = Options()
        options.binary_location = browsers.minibrowser()
        options.add_argument("--automation")
        driver_path = browsers.require(browsers.WEBKIT)
        env = {**os.environ, "DISPLAY": display.display}
        if not compositing:
            env["WEBKIT_DISABLE_COMPOSITING_MODE"] = "1"
        service = Service(executable_path=driver_path, env=env)
        driver = webdriver.WebKitGTK(options=options, service=service)
        driver.set_script_timeout(SCRIPT_TIMEOUT)  # for scripts that wait in the page (wait_for)
        try:
            driver.set_window_size(VIEWPORT["width"], VIEWPORT["height"])
            yield WebKitPage(driver)
        finally:
            driver.quit()
    finally:
        display.stop()


class SharedEngines:
    """Firefox and WebKit launched once, when first asked for, and kept for every module of a
    test process that drives them (each launch costs seconds of CPU). A module gets its engine
    on a blank page with no errors left over; what a test stores in a page, it clears."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._pages: dict[str, FirefoxPage | WebKitPage] = {}

    def __enter__(self) -> SharedEngines:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def page(self, name: str) -> FirefoxPage | WebKitPage:
        """The engine named "firefox" or "webkit", on a blank page."""
        if name not in self._pages:
            if name == "firefox":
                self._pages[name] = self._stack.enter_context(firefox_page())
            else:
                self._pages[name] = self._stack.enter_context(webkit_page(compositing=False))
        page = self._pages[name]
        if isinstance(page, WebKitPage):
            page.driver.switch_to.default_content()  # a module may have left it inside a frame
            page.driver.set_window_size(VIEWPORT["width"], VIEWPORT["height"])
        page.goto("about:blank")
        page.errors()
        return page

    def webkit(self) -> WebKitPage:
        page = self.page("webkit")
        assert isinstance(page, WebKitPage)
        return page


def in_page_wait(script: str) -> str:
    """A page script that resolves once `script` (a function of one argument) is truthy, checking
    it in the page every 50 ms, or resolves false after the given milliseconds: the driver waits
    on the promise in one round trip instead of asking again and again, each ask costing CPU in
    several of Firefox's and WebKit's processes. Date.now and setInterval, because a test may
    quicken performance.now and setTimeout."""
    return (
        "([arg, ms]) => new Promise((resolve, reject) => {"
        f" const condition = ({script}), until = Date.now() + ms;"
        " const check = () => {"
        "  let value;"
        "  try { value = condition(arg); } catch (error) { clearInterval(timer); reject(error); return; }"
        "  if (value || Date.now() > until) { clearInterval(timer); resolve(!!value); }"
        " };"
        " const timer = setInterval(check, 50);"
        " check();"
        "})"
    )


def wait_for(engine: EnginePage, script: str, arg: Any = None, timeout: float = 30) -> None:
    """Wait until `script` is truthy in the page (no eval in the page: the site's policy refuses it,
    so the condition travels as the driver's own script)."""
    if not engine.run(in_page_wait(script), [arg, timeout * 1000]):
        raise AssertionError(f"{engine.name}: waited {timeout} s for {script} ({arg})")
