// @ts-check
// <br-plan data-contract="{json}" data-exercises="{json}" data-titles="{json}">, as
// hooks/render/plans.py writes it: the practice plan page. It reads the plan from the address
// (plan-link.js checks it against the contract), says the plan in words, shows the cautions and
// steps of its exercise (written by the build, hidden until chosen), plays the day's session in a
// <br-pacer> above the cautions (naming their box in data-hold-caution when the session holds), copies or shares the link, downloads the calendar file (plan-calendar.js), shows
// progress from the practice log when the reader has turned it on (and stores nothing otherwise),
// and draws the QR code of the link for the printed page (plan-qr.js). Nothing from the address
// becomes markup: messages and words go into textContent, values into form fields. This module
// registers nothing: the page's plan.js calls PlanElement.define().
import { icsFor } from './plan-calendar.js';
import { parsePlan, planQuery, planSentence } from './plan-link.js';
import { daysPractised } from './plan-progress.js';
import { qrCode, qrSvg } from './plan-qr.js';
import { hasHold, patternExercise, patternSteps } from './pattern-link.js';
import { readLog } from './log-store.js';

/** @typedef {import('./plan-link.js').PlanContract} PlanContract */
/** @typedef {import('./plan-link.js').Plan} Plan */
/** @typedef {import('./pacer-schedule.js').Exercise} Exercise */

const CALENDAR_FILE = 'breathing-plan.ics';
/** Where the site keeps the reader's country, once they have chosen one (another page sets it). */
const COUNTRY_KEY = 'breathing-room:country';

/** "1 day", "3 days". @param {number} count @param {string} unit */
const counted = (count, unit) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** The address of the "Your practice" page, from the site's root (where the manifest is). */
function practicePage() {
  const manifest = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel=manifest]'));
  return manifest ? new URL('practice/', manifest.href).href : '../';
}

export class PlanElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-plan', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {PlanContract | null} */ #contract = null;
  /** @type {Record<string, Exercise>} */ #exercises = {};
  /** @type {Record<string, string>} */ #titles = {};
  /** @type {Plan | null} */ #plan = null;
  #link = '';

  connectedCallback() {
    if (this.#contract) return;
    try {
      this.#contract = JSON.parse(this.dataset.contract || '');
      this.#exercises = JSON.parse(this.dataset.exercises || '');
      this.#titles = JSON.parse(this.dataset.titles || '');
    } catch {
      return;
    }
    this.#on('copy', () => this.#copy());
    this.#on('share', () => this.#share());
    this.#on('calendar', () => this.#calendar());
    this.#on('print', () => print());
    const share = this.#part('[data-do=share]');
    if (share) share.hidden = typeof navigator.share !== 'function';
    this.#use(location.search);
    this.#chooseCountry();
    this.classList.add('br-plan--ready');
  }

  /** @param {string} what @param {() => void} action */
  #on(what, action) {
    this.querySelector(`[data-do=${what}]`)?.addEventListener('click', action);
  }

  /** @param {string} selector */
  #part(selector) {
    return /** @type {HTMLElement | null} */ (this.querySelector(selector));
  }

  /** @param {string} selector @param {string} text */
  #say(selector, text) {
    const part = this.#part(selector);
    if (part) part.textContent = text;
  }

  /** The printed crisis lines: only the reader's country when they chose one, else every country. */
  #chooseCountry() {
    let chosen = null;
    try {
      chosen = localStorage.getItem(COUNTRY_KEY);
    } catch {
      return; // storage refused: every country prints
    }
    const lines = [...this.querySelectorAll('[data-country]')];
    if (!lines.some(line => line.getAttribute('data-country') === chosen)) return;
    for (const line of lines)
      line.classList.toggle('br-plan__country--other', line.getAttribute('data-country') !== chosen);
  }

  /** Read, check and show a plan. @param {string} search */
  #use(search) {
    const contract = /** @type {PlanContract} */ (this.#contract);
    const { plan, problems } = parsePlan(search, contract);
    this.#plan = plan;
    const query = planQuery(plan, contract);
    if (search) history.replaceState(history.state, '', location.pathname + query + location.hash);
    this.#link = location.origin + location.pathname + query;
    this.#showProblems(problems);
    const sentence = planSentence(plan, this.#titles);
    this.#say('.br-plan__sentence', sentence + '.');
    this.#say(
      '.br-plan__today',
      `Today's session: ${counted(plan.breaths, 'breath')}, about ${counted(plan.minutes, 'minute')}. ` +
        'It ends on a whole breath.',
    );
    const link = /** @type {HTMLInputElement | null} */ (this.querySelector('.br-plan__link'));
    if (link) link.value = this.#link;
    this.#say('.br-plan__print-link', this.#link);
    this.#showExercise(plan);
    this.#fillForm(plan);
    this.#showProgress(plan);
    this.#play(plan);
    this.#drawQr();
  }

  /** @param {string[]} problems */
  #showProblems(problems) {
    const box = this.#part('.br-plan__problems');
    if (!box) return;
    if (!problems.length) return box.replaceChildren();
    const lead = document.createElement('p');
    lead.textContent = 'This link had values the plan cannot use as written, so the plan below differs from it:';
    const list = document.createElement('ul');
    list.append(...problems.map(problem => Object.assign(document.createElement('li'), { textContent: problem })));
    box.replaceChildren(lead, list);
  }

  /** The cautions and steps of the plan's exercise; the others stay hidden. @param {Plan} plan */
  #showExercise(plan) {
    const contract = /** @type {PlanContract} */ (this.#contract);
    for (const section of this.querySelectorAll('[data-plan-exercise]')) {
      /** @type {HTMLElement} */ (section).hidden = section.getAttribute('data-plan-exercise') !== plan.exercise;
    }
    if (!plan.pattern) return;
    const own = contract.pattern;
    const holds = this.#part('[data-plan-exercise=' + own.id + '] [data-shown-for=holds]');
    if (holds) holds.hidden = !hasHold(plan.pattern, own);
    const steps = this.#part('.br-plan__own-steps');
    if (!steps) return;
    const items = patternSteps({ ...plan.pattern, breaths: plan.breaths }, own).map(text =>
      Object.assign(document.createElement('li'), { textContent: text }),
    );
    steps.replaceChildren(...items);
  }

  /** The "change this plan" form shows the plan; your own pattern travels in hidden fields. @param {Plan} plan */
  #fillForm(plan) {
    const form = this.querySelector('form');
    if (!form) return;
    const contract = /** @type {PlanContract} */ (this.#contract);
    const set = (/** @type {string} */ name, /** @type {string} */ value) => {
      const field = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
      if (field) field.value = value;
    };
    set('exercise', plan.exercise);
    set('minutes', String(plan.minutes));
    set('days', String(plan.days));
    set('time', plan.time);
    const own = /** @type {HTMLElement | null} */ (form.querySelector('.br-plan__own-fields'));
    if (!own) return;
    own.replaceChildren();
    if (!plan.pattern) return;
    const pattern = new URLSearchParams(planQuery(plan, contract));
    for (const name of ['exercise', 'minutes', 'days', 'time']) pattern.delete(name);
    for (const [name, value] of pattern) {
      own.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
    }
  }

  /** @param {Plan} plan */
  #showProgress(plan) {
    const box = this.#part('.br-plan__progress');
    if (!box) return;
    const log = readLog();
    const link = document.createElement('a');
    link.href = practicePage();
    if (!log.on) {
      link.textContent = 'Your practice';
      box.replaceChildren(
        'The practice log is off, so this page keeps nothing and cannot show your progress. ' +
          'To see it, turn the log on in ',
        link,
        '.',
      );
      return;
    }
    const done = daysPractised(log.sessions, plan.exercise, plan.days, new Date());
    const title = this.#titles[plan.exercise] ?? plan.exercise;
    const strong = Object.assign(document.createElement('strong'), {
      textContent: `${done} of ${counted(plan.days, 'day')}`,
    });
    link.textContent = 'See your practice log';
    box.replaceChildren(
      strong,
      `: in the last ${counted(plan.days, 'day')}, your log has a finished session of ${title} on ${counted(done, 'day')}. `,
      link,
      '.',
    );
  }

  /** A pacer set for the day's session (a running one stops as it leaves). @param {Plan} plan */
  #play(plan) {
    const contract = /** @type {PlanContract} */ (this.#contract);
    const place = this.#part('.br-plan__pacer');
    if (!place) return;
    /** @type {Exercise} */
    const exercise = plan.pattern
      ? patternExercise(plan.pattern, contract.pattern)
      : { ...this.#exercises[plan.exercise], settings: { cycles: plan.breaths, pace: 1 } };
    const title = this.#titles[plan.exercise] ?? plan.exercise;
    const pacer = document.createElement('br-pacer');
    pacer.dataset.pacer = exercise.id;
    pacer.dataset.exercise = JSON.stringify(exercise);
    pacer.setAttribute('role', 'group');
    pacer.setAttribute('aria-label', `${title} pacer, today's session`);
    // The plan's box under the pacer lists who should skip holds (shown) when the session holds:
    // the pacer then shows that list beside Start until it starts.
    const box = this.#part(`.br-cautions[data-plan-exercise="${plan.exercise}"]`);
    const holds = box?.querySelector('.br-hold-caution');
    if (box?.id && holds && !holds.closest('[hidden]')) pacer.dataset.holdCaution = box.id;
    place.replaceChildren(pacer);
  }

  /** The QR code of the link, for the printed page (hidden on screen). */
  async #drawQr() {
    const place = this.#part('.br-plan__qr-code');
    if (!place) return;
    const link = this.#link;
    try {
      const code = await qrCode(link);
      if (link === this.#link) place.replaceChildren(qrSvg(code, document, "QR code of this plan's link"));
    } catch {
      place.replaceChildren();
    }
  }

  async #copy() {
    const link = /** @type {HTMLInputElement | null} */ (this.querySelector('.br-plan__link'));
    try {
      await navigator.clipboard.writeText(this.#link);
      this.#say('.br-plan__said', 'Link copied.');
    } catch {
      link?.select();
      this.#say('.br-plan__said', "The link is selected: copy it with your device's Copy command.");
    }
  }

  async #share() {
    const plan = /** @type {Plan} */ (this.#plan);
    try {
      await navigator.share({ title: 'Breathing plan', text: planSentence(plan, this.#titles), url: this.#link });
      this.#say('.br-plan__said', '');
    } catch {
      // The reader closed the share sheet, or the browser refused: nothing to say.
    }
  }

  #calendar() {
    const plan = /** @type {Plan} */ (this.#plan);
    const title = this.#titles[plan.exercise] ?? plan.exercise;
    let text;
    try {
      text = icsFor(plan, {
        title: `${title}, ${counted(plan.minutes, 'minute')}`,
        url: this.#link,
        description: planSentence(plan, this.#titles) + '. Open the link to start the pacer.',
        now: new Date(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    } catch {
      this.#say('.br-plan__said', 'This browser did not give its time zone, so no calendar file could be made.');
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
    const download = Object.assign(document.createElement('a'), { href: url, download: CALENDAR_FILE });
    document.body.append(download);
    download.click();
    download.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000); // a download may still be reading it for a moment
    this.#say(
      '.br-plan__said',
      `Calendar file downloaded: ${CALENDAR_FILE}. Open it to add the plan to your calendar.`,
    );
  }
}
