// @ts-check
// <br-local-help>: help for where the reader is, in every page's first screen (the announce bar).
// The build fills it (hooks/render/local_help.py) with every country's emergency number, which is
// what a reader sees without script, and the data in data-local-help (`LocalHelp`). This element
// shows instead the emergency number and main crisis line of the reader's country: the one they
// picked, else the one the device's time zone and languages suggest (country-pick.js), worked out on
// the device, asking no one. It stores nothing until the reader picks a country, in the bar's
// chooser or in any country tab set, and then one key (STORAGE_KEY), which every page follows.
// The country tabs open on the same country without storing anything (country-tabs.js), and every
// element marked data-local-line (the crisis box, the crisis line, safety's "Get help now") shows
// the same country's line before its general list, on each page Material's instant navigation
// brings (its document$), or once where there is none, and again on each pick.
// This module registers nothing: the page's local-help.js calls LocalHelpElement.define().
import { STORAGE_KEY, chooseCountry } from './country-pick.js';
import { onTabPick, openCountryTabs } from './country-tabs.js';

/** @typedef {import('./country-pick.js').LocalHelp} LocalHelp */
/** @typedef {import('./country-pick.js').Choice} Choice */

const PICKED = 'br-local-help:pick'; // on the document, when the reader picks a country
const LOCAL_LINE = '[data-local-line]'; // the places for the chosen country's line (countries/local_line.html)

const stored = {
  read() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  /** @param {string} name */
  write(name) {
    try {
      localStorage.setItem(STORAGE_KEY, name);
    } catch {
      /* not kept: this page still follows the pick */
    }
  },
};

/** The reader's pick, or the device's guess, from the data of the page's bar (null: no bar, no guess). */
function currentChoice() {
  const bar = document.querySelector('br-local-help[data-local-help]');
  try {
    /** @type {LocalHelp} */
    const help = JSON.parse(bar instanceof HTMLElement ? bar.dataset.localHelp || '' : '');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    return { help, choice: chooseCountry(help, stored.read(), zone, navigator.languages || [navigator.language]) };
  } catch {
    return null;
  }
}

/** The reader picked `name`: kept, the tabs opened on it, and the bar told. @param {string} name */
function pick(name) {
  stored.write(name);
  openCountryTabs(name);
  document.dispatchEvent(new CustomEvent(PICKED, { detail: { name } }));
}

/** The country tabs of the page opened on the current choice (none for a shared line). */
function openTabs() {
  const tab = currentChoice()?.choice?.tab;
  if (tab) openCountryTabs(tab);
}

// What the room kept for the chosen country's line says while there is no choice (it looked broken blank).
const NO_COUNTRY_YET = 'Choose your country at the top to see its crisis line here.';

/** Every data-local-line of the page filled with the current choice's line, or, where the bar
 * offers a choice, how to make one (emptied where it offers none). */
function fillLocalLines() {
  const current = currentChoice();
  const choice = current?.choice;
  for (const element of document.querySelectorAll(LOCAL_LINE)) {
    element.replaceChildren(
      ...(choice ? lineParts(choice, ['call ', ' for emergencies']) : current ? [NO_COUNTRY_YET] : []),
    );
  }
}

/** The tabs and local lines of each page follow the current choice, and the reader's picks. */
function followOnEveryPage() {
  const follow = () => {
    openTabs();
    fillLocalLines();
  };
  const pages = /** @type {{document$?: {subscribe(next: () => void): unknown}}} */ (/** @type {unknown} */ (window))
    .document$;
  if (pages) pages.subscribe(follow);
  else follow();
  document.addEventListener(PICKED, fillLocalLines);
  onTabPick(pick);
}

/** @param {string} href @param {string} text */
function link(href, text) {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

/** "Australia: emergency 000 · Lifeline 13 11 14" (the words around the emergency number given),
 * every number a link, as nodes built from the data, never markup.
 * @param {Choice} choice @param {[string, string]} emergencyWords @returns {(Node | string)[]} */
function lineParts({ label, line }, [before, after]) {
  const place = document.createElement('span');
  place.className = 'br-local-help__place';
  place.textContent = `${label}:`;
  /** @type {(Node | string)[]} */
  const parts = [place];
  const { emergency, crisis } = line;
  if (emergency) parts.push(` ${before}`, link(emergency.href, emergency.number), after);
  if (crisis) {
    parts.push(emergency ? ' · ' : ' ');
    // A service named with its number ("Need to talk? 1737") is one link, not the number twice.
    if (!crisis.number || crisis.service.includes(crisis.number)) parts.push(link(crisis.href, crisis.service));
    else parts.push(`${crisis.service} `, link(crisis.href, crisis.number));
  }
  return parts;
}

/** The help line's paragraph for a choice. @param {Choice} choice */
function lineFor(choice) {
  const paragraph = document.createElement('p');
  paragraph.className = 'br-local-help__line';
  paragraph.append(...lineParts(choice, ['emergency ', '']));
  return paragraph;
}

export class LocalHelpElement extends HTMLElement {
  /** Registers the element under `tag`, once; the country tabs and local lines of every page follow.
   * @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'br-local-help', registry = customElements) {
    if (!registry.get(tag)) {
      registry.define(tag, this);
      followOnEveryPage();
    }
    return this;
  }

  /** @type {Node | null} */ #everyNumber = null; // the build's list, shown when nothing is chosen
  #onPick = () => this.#show();

  connectedCallback() {
    this.#everyNumber ??= this.querySelector('.br-local-help__line')?.cloneNode(true) || null;
    document.addEventListener(PICKED, this.#onPick);
    this.#show();
  }

  disconnectedCallback() {
    document.removeEventListener(PICKED, this.#onPick);
  }

  #show() {
    const current = currentChoice();
    if (!current || !this.#everyNumber) return; // keep the build's list
    const { help, choice } = current;
    const line = choice ? lineFor(choice) : /** @type {HTMLElement} */ (this.#everyNumber.cloneNode(true));
    line.append(' · ', this.#chooser(help, choice));
    this.replaceChildren(line);
  }

  /** One tap opens the list of countries; choosing one is the reader's pick.
   * @param {LocalHelp} help @param {Choice | null} choice */
  #chooser(help, choice) {
    const select = document.createElement('select');
    select.className = 'br-local-help__change';
    select.setAttribute('aria-label', choice ? `Change your country (now ${choice.label})` : 'Choose your country');
    const prompt = new Option(choice ? 'change' : 'country', '', true, true);
    prompt.disabled = prompt.hidden = true;
    select.append(prompt, ...help.countries.map(({ name }) => new Option(name, name)));
    select.addEventListener('change', () => select.value && pick(select.value));
    return select;
  }
}
