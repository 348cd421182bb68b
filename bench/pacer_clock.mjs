// Real-time pacer recording for bench/pacer_timing.py: two pacers run side by side in one
// Chromium window for the full session, with no fake clock.
//   - "hidden": sound on, started, then put behind a second tab, so the page is really hidden
//     (document.visibilityState 'hidden', hidden-tab timer throttling left on). Every tone the
//     pacer schedules is logged with its start time on the AudioContext clock.
//   - "visible": the tab in front, sound off. Every data-phase change is logged with
//     performance.now(), and Chrome's Performance.getMetrics is read at start and end (and
//     over 10 s before the start, with the pacer idle, as a baseline).
// Puppeteer, not Playwright: Playwright keeps every page "visible" (its focus emulation), so a
// tab behind another is never hidden there. Prints one JSON object; Python does the analysis.

import puppeteer from 'puppeteer-core';

const options = JSON.parse(process.argv[2]);
const { chromium, url, exercise, cycles, timeoutMs } = options;

// Runs before the page's own scripts: logs phase changes, start taps, tones and audio clocks.
const INSTRUMENT = () => {
  const bench = (window.__bench = {
    phases: [],
    starts: [],
    tones: [],
    clocks: [],
    contexts: [],
    visibility: [],
    errors: [],
  });
  const RealContext = window.AudioContext;
  window.AudioContext = class extends RealContext {
    constructor(...args) {
      super(...args);
      bench.contexts.push(this);
    }
  };
  const realStart = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (when = 0, ...rest) {
    try {
      // never let the recording break the pacer's own call
      const ctx = this.context,
        out = ctx.getOutputTimestamp?.() ?? {};
      bench.tones.push({
        when,
        currentTime: ctx.currentTime,
        perf: performance.now(),
        outContext: out.contextTime,
        outPerf: out.performanceTime,
        hidden: document.hidden,
        state: ctx.state,
      });
    } catch (error) {
      bench.errors.push(String(error));
    }
    return realStart.call(this, when, ...rest);
  };
  bench.sampleClock = () => {
    const ctx = bench.contexts.at(-1);
    if (!ctx) return null;
    const out = ctx.getOutputTimestamp();
    bench.clocks.push({
      outContext: out.contextTime,
      outPerf: out.performanceTime,
      currentTime: ctx.currentTime,
      perf: performance.now(),
      state: ctx.state,
      baseLatency: ctx.baseLatency,
      outputLatency: ctx.outputLatency,
    });
    return bench.clocks.at(-1);
  };
  // The tap that starts the pacer: a capture listener runs just before the pacer's own handler.
  document.addEventListener(
    'click',
    e => {
      if (e.target.closest?.('br-pacer button')?.textContent.trim() === 'Start') bench.starts.push(performance.now());
    },
    true,
  );
  document.addEventListener('visibilitychange', () =>
    bench.visibility.push([document.visibilityState, performance.now()]),
  );
  // Main-thread tasks over 50 ms, to explain a phase change seen late.
  bench.longTasks = [];
  new PerformanceObserver(list =>
    list.getEntries().forEach(e => bench.longTasks.push([e.startTime, e.duration])),
  ).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    const el = document.querySelector('br-pacer');
    if (!el) return requestAnimationFrame(watch);
    new MutationObserver(() => bench.phases.push([el.dataset.phase, el.dataset.state, performance.now()])).observe(el, {
      attributes: true,
      attributeFilter: ['data-phase'],
    });
  };
  document.addEventListener('DOMContentLoaded', watch);
};

const pacer = `br-pacer[data-pacer="${exercise}"]`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function openPacer(page, { sound }) {
  await page.evaluateOnNewDocument(INSTRUMENT);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`${pacer}[data-ready]`);
  // Settings the way a person sets them: open the details, type the breaths, tick Sound.
  await page.click(`${pacer} summary`);
  const breaths = await page.$(`${pacer} input[name=cycles]`);
  await breaths.click({ count: 3 });
  await breaths.type(String(cycles));
  await page.keyboard.press('Tab');
  const soundBox = await page.$(`${pacer} input[name=sound]`);
  if ((await soundBox.evaluate(box => box.checked)) !== sound) await soundBox.click();
  await page.click(`${pacer} summary`);
}

async function start(page) {
  const button = await page.waitForSelector(`${pacer} button ::-p-text(Start)`);
  await button.click();
}

const state = page => page.$eval(pacer, el => el.dataset.state);

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // Keep Chrome's real hidden-tab behaviour: Puppeteer turns background throttling off by default.
  ignoreDefaultArgs: [
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
  ],
});
try {
  const hidden = (await browser.pages())[0] ?? (await browser.newPage());
  await openPacer(hidden, { sound: true });
  await start(hidden);
  const visible = await browser.newPage(); // a second tab in front: the first one is now hidden
  await visible.bringToFront();
  await openPacer(visible, { sound: false });
  const cdp = await visible.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  // The same page with its pacer idle, for what the page costs without the pacer running.
  const idleAtStart = (await cdp.send('Performance.getMetrics')).metrics;
  await sleep(options.idleMs ?? 10000);
  const idleAtEnd = (await cdp.send('Performance.getMetrics')).metrics;
  await start(visible);
  const metricsAtStart = (await cdp.send('Performance.getMetrics')).metrics;
  const deadline = Date.now() + timeoutMs;
  let metricsAtEnd = null;
  while (Date.now() < deadline) {
    await hidden.evaluate(() => window.__bench.sampleClock());
    const visibleState = await state(visible);
    // The hidden pacer draws no frames, so it shows 'done' only once it is in front again.
    if (visibleState === 'done') {
      metricsAtEnd = (await cdp.send('Performance.getMetrics')).metrics;
      break;
    }
    await sleep(2000);
  }
  await hidden.evaluate(() => window.__bench.sampleClock());
  await hidden.bringToFront();
  await hidden
    .waitForFunction(p => document.querySelector(p).dataset.state === 'done', { timeout: 5000 }, pacer)
    .catch(() => {});
  const collect = page =>
    page.evaluate(() => {
      const { phases, starts, tones, clocks, visibility, errors, longTasks } = window.__bench;
      return {
        phases,
        starts,
        tones,
        clocks,
        visibility,
        errors,
        longTasks,
        hiddenNow: document.hidden,
        state: document.querySelector('br-pacer').dataset.state,
      };
    });
  console.log(
    JSON.stringify({
      visible: { ...(await collect(visible)), metricsAtStart, metricsAtEnd, idleAtStart, idleAtEnd },
      hidden: await collect(hidden),
      userAgent: await browser.userAgent(),
    }),
  );
} finally {
  await browser.close();
}
