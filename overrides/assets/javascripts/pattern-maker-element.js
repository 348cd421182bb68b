// @ts-check
// <br-pattern-maker data-contract="{json}">, as hooks/content/exercises/pattern_html.py writes it: the
// "your own pattern" form. It reads the pattern from the address (pattern-link.js checks it), fills
// the form, shows the hold caution only for a pattern with a hold, and plays the pattern in a
// <br-pacer> it makes above the cautions box (naming the box in data-hold-caution when the pattern
// holds, so who should skip holds shows beside Start), following the pacer's `br-pacer:settings`.
// "Use this pattern" puts the pattern in the address; the link field follows the form as it is
// typed in, and "Copy link" copies what the form shows. Opened from a pattern link, the form starts
// folded away, so the pacer's Start is in a phone's first screen. "Make this a daily plan" opens the plan page with the pattern;
// the written steps and the link's QR code print. Nothing from the address is ever inserted as
// markup: values go into form fields and messages into textContent. This module registers nothing:
// the page's pattern-maker.js calls PatternMakerElement.define().
import { hasHold, parsePattern, patternExercise, patternQuery, patternSteps } from './pattern-link.js';
import { qrCode, qrSvg } from './plan-qr.js';
import { pacesFor } from './pacer-schedule.js';

/** @typedef {import('./pattern-link.js').Contract} Contract */
/** @typedef {import('./pattern-link.js').Pattern} Pattern */

/** The plan page's address, from the site's root (where the manifest is). */
function planPage() {
  const manifest = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel=manifest]'));
  return manifest ? new URL('practice/plan/', manifest.href).href : '../../practice/plan/';
}

/** @param {number} pace */
const paceName = pace => `${pace}× ${pace < 1 ? '(faster)' : pace > 1 ? '(slower)' : '(as set above)'}`;

export class PatternMakerElement extends HTMLElement {
  /** Registers the element under `tag`, once: instant navigation runs the page's scripts again.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-pattern-maker', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** @type {Contract | null} */ #contract = null;

  connectedCallback() {
    if (this.#contract) return;
    try {
      this.#contract = JSON.parse(this.dataset.contract || '');
    } catch {
      return;
    }
    const form = this.#form;
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.#use(new URLSearchParams(/** @type {any} */ (new FormData(form))).toString(), true);
    });
    this.querySelector('[data-do=copy]')?.addEventListener('click', () => this.#copy());
    // The link shows the form as typed, before "Use this pattern": what is on screen is what is copied.
    form.addEventListener('input', () => this.#showLink(this.#formPattern()));
    // A pattern link opens the client's view: the pacer first, the form folded away.
    const maker = /** @type {HTMLDetailsElement | null} */ (this.querySelector('.br-your-own__maker'));
    if (maker && location.search) maker.open = false;
    // Breaths or pace changed in the pacer's own settings: the form and the link follow, the pacer stays.
    this.addEventListener('br-pacer:settings', event => {
      const { cycles, pace } = /** @type {CustomEvent} */ (event).detail,
        contract = /** @type {Contract} */ (this.#contract);
      const search = new URLSearchParams(/** @type {any} */ (new FormData(form)));
      search.set(contract.breaths.name, String(cycles));
      search.set(contract.pace.name, String(pace));
      this.#use(search.toString(), true, false);
    });
    this.#use(location.search, false);
  }

  get #form() {
    return /** @type {HTMLFormElement} */ (this.querySelector('form'));
  }

  /** Read, check and play a pattern. @param {string} search @param {boolean} fromForm @param {boolean} [play] */
  #use(search, fromForm, play = true) {
    const contract = /** @type {Contract} */ (this.#contract);
    const { pattern, problems } = parsePattern(search, contract);
    this.#showProblems(problems, fromForm);
    this.#fill(pattern);
    const query = patternQuery(pattern, contract);
    if (fromForm || location.search) history.replaceState(history.state, '', location.pathname + query + location.hash);
    this.#showLink(pattern);
    /** @type {HTMLElement} */ (this.querySelector('[data-shown-for=holds]')).hidden = !hasHold(pattern, contract);
    if (play) this.#play(pattern);
  }

  /** The pattern the form shows now, checked (its problems are shown only when it is used). */
  #formPattern() {
    const contract = /** @type {Contract} */ (this.#contract);
    return parsePattern(new URLSearchParams(/** @type {any} */ (new FormData(this.#form))).toString(), contract)
      .pattern;
  }

  /** The link, the daily-plan link, the written steps and the printed QR code of a pattern. @param {Pattern} pattern */
  #showLink(pattern) {
    const contract = /** @type {Contract} */ (this.#contract);
    const link = location.origin + location.pathname + patternQuery(pattern, contract);
    const share = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__share'));
    /** @type {HTMLInputElement} */ (share.querySelector('input')).value = link;
    share.hidden = false;
    const said = this.querySelector('.br-your-own__copied');
    if (said) said.textContent = '';
    const plan = new URLSearchParams(patternQuery(pattern, contract));
    plan.delete(contract.breaths.name);
    const planLink = /** @type {HTMLAnchorElement | null} */ (this.querySelector('.br-your-own__plan'));
    if (planLink) planLink.href = `${planPage()}?exercise=${contract.id}&${plan}`;
    const steps = /** @type {HTMLElement | null} */ (this.querySelector('.br-your-own__steps'));
    if (steps) {
      /** @type {HTMLElement} */ (steps.querySelector('ol')).replaceChildren(
        ...patternSteps(pattern, contract).map(text =>
          Object.assign(document.createElement('li'), { textContent: text }),
        ),
      );
      steps.hidden = false;
    }
    const printed = this.querySelector('.br-your-own__print-link');
    if (printed) printed.textContent = link;
    this.#drawQr(link);
  }

  /** @param {string} link */
  async #drawQr(link) {
    const place = this.querySelector('.br-your-own__qr-code');
    if (!place) return;
    try {
      const code = await qrCode(link);
      const current = /** @type {HTMLInputElement} */ (this.querySelector('.br-your-own__link')).value;
      if (link === current) place.replaceChildren(qrSvg(code, document, "QR code of this pattern's link"));
    } catch {
      place.replaceChildren();
    }
  }

  /** @param {string[]} problems @param {boolean} fromForm */
  #showProblems(problems, fromForm) {
    const box = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__problems'));
    if (!problems.length) return box.replaceChildren();
    const lead = document.createElement('p');
    lead.textContent = fromForm
      ? 'Some values were outside what the pacer can play:'
      : 'This link had values the pacer cannot use as written, so the pattern below differs from it:';
    const list = document.createElement('ul');
    list.append(...problems.map(problem => Object.assign(document.createElement('li'), { textContent: problem })));
    box.replaceChildren(lead, list);
  }

  /** @param {Pattern} pattern */
  #fill(pattern) {
    const contract = /** @type {Contract} */ (this.#contract),
      form = this.#form;
    const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
    for (const phase of contract.phases) field(phase.name).value = String(pattern.seconds[phase.name]);
    field(contract.breaths.name).value = String(pattern.breaths);
    const pace = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (field(contract.pace.name)));
    const offered = pacesFor(patternExercise(pattern, contract));
    pace.replaceChildren(
      ...offered.map(value => new Option(paceName(value), String(value), false, value === pattern.pace)),
    );
  }

  /** A new pacer for the pattern (a running one is stopped as it leaves). @param {Pattern} pattern */
  #play(pattern) {
    const contract = /** @type {Contract} */ (this.#contract);
    const pacer = document.createElement('br-pacer');
    pacer.dataset.pacer = contract.id;
    pacer.dataset.exercise = JSON.stringify(patternExercise(pattern, contract));
    pacer.setAttribute('role', 'group');
    pacer.setAttribute('aria-label', 'Your own pattern pacer');
    // A pattern with a hold: the pacer shows who should skip holds beside Start, from the box under it.
    const box = this.querySelector('.br-cautions');
    if (box?.id && hasHold(pattern, contract)) pacer.dataset.holdCaution = box.id;
    /** @type {HTMLElement} */ (this.querySelector('.br-your-own__pacer')).replaceChildren(pacer);
  }

  async #copy() {
    this.#showLink(this.#formPattern());
    const link = /** @type {HTMLInputElement} */ (this.querySelector('.br-your-own__link'));
    const said = /** @type {HTMLElement} */ (this.querySelector('.br-your-own__copied'));
    try {
      await navigator.clipboard.writeText(link.value);
      said.textContent = 'Link copied.';
    } catch {
      link.select();
      said.textContent = "The link is selected: copy it with your device's Copy command.";
    }
  }
}
