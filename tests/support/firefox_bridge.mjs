// @ts-check
// Firefox for the cross-engine tests: puppeteer-core drives Debian's Firefox ESR over WebDriver
// BiDi (no geckodriver), and this bridge lets Python use it. One JSON request per line on stdin,
// one JSON reply per line on stdout:
//   {"op": "goto", "url": ...}          {"op": "run", "script": "arg => ...", "arg": ...}
//   {"op": "press", "key": "Shift+Tab"} {"op": "click", "selector": ...}   {"op": "errors"} (since last asked)
// Replies are {"ok": true, "value": ...} or {"ok": false, "error": "..."}. Stdin closing ends it.
import { createInterface } from 'node:readline';
import puppeteer from 'puppeteer-core';

const [executablePath] = process.argv.slice(2);
// FIREFOX_PREFS='{"name": value}' sets preferences for an experiment (bench/engine_timing.py).
const browser = await puppeteer.launch({
  browser: 'firefox',
  protocol: 'webDriverBiDi',
  executablePath,
  headless: true,
  extraPrefsFirefox: JSON.parse(process.env.FIREFOX_PREFS || '{}'),
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
/** @type {string[]} */
const errors = [];
page.on('pageerror', error => errors.push(String(error)));
page.on('console', message => {
  if (message.type() === 'error') errors.push(message.text());
});

/** @param {{op: string, url?: string, script?: string, arg?: unknown, key?: string, selector?: string}} request */
async function handle(request) {
  switch (request.op) {
    case 'goto':
      return void (await page.goto(String(request.url), { waitUntil: 'load' }));
    case 'run':
      return page.evaluate(`(${request.script})(${JSON.stringify(request.arg ?? null)})`);
    case 'press': {
      const keys = String(request.key).split('+');
      const key = /** @type {import('puppeteer-core').KeyInput} */ (keys.pop());
      for (const held of keys) await page.keyboard.down(/** @type {import('puppeteer-core').KeyInput} */ (held));
      await page.keyboard.press(key);
      for (const held of keys.reverse())
        await page.keyboard.up(/** @type {import('puppeteer-core').KeyInput} */ (held));
      return null;
    }
    case 'click':
      return void (await page.click(String(request.selector)));
    case 'errors':
      return errors.splice(0); // since the last time asked
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

try {
  for await (const line of createInterface({ input: process.stdin })) {
    let reply;
    try {
      reply = { ok: true, value: (await handle(JSON.parse(line))) ?? null };
    } catch (error) {
      reply = { ok: false, error: String(error) };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
  }
} finally {
  await browser.close();
}
