"""One small driver interface over three browser engines, so one list of scenarios runs in all:
Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi (a Node
bridge, tests/support/firefox_bridge.mjs), WebKitGTK through Selenium and WebKitWebDriver.

A scenario needs only: load a page, run a function in it, press keys, click, and read the
page's errors. Page scripts are function sources such as "arg => document.title"."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page
    from playwright.sync_api import Error as PlaywrightError
    from selenium.webdriver.remote.webdriver import WebDriver

from tests.support import browsers
from tests.support.paths import REPO_ROOT

ENGINES = ("chromium", "firefox", "webkit")
VIEWPORT = {"width": 1280, "height": 900}

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
    context = browser.new_context(viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
    try:
        yield ChromiumPage(context.new_page())
    finally:
        context.close()


@contextmanager
def firefox_page() -> Iterator[FirefoxPage]:
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
def webkit_page() -> Iterator[WebKitPage]:
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
        service = Service(executable_path=driver_path, env={**os.environ, "DISPLAY": display.display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_window_size(VIEWPORT["width"], VIEWPORT["height"])
            yield WebKitPage(driver)
        finally:
            driver.quit()
    finally:
        display.stop()


def wait_for(engine: EnginePage, script: str, arg: Any = None, timeout: float = 30) -> None:
    """Poll `script` in the page until it is truthy (no eval in the page: the site's policy refuses it)."""
    deadline = time.monotonic() + timeout
    while not engine.run(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"{engine.name}: waited {timeout} s for {script} ({arg})")
        time.sleep(0.05)
