// @ts-check
// Which country's help the first screen shows, pure (node --test tests/js/country-pick.test.mjs).
// The reader's own pick comes first; before any pick, the device's time zone chooses, and where
// countries share a zone (the UK's four nations share Europe/London) its preferred languages choose
// among them (cy: Wales), or else the lines they share are shown under their shared name ("UK").
// A zone no country lists chooses nothing: the page keeps its list of every emergency number.
// The data are the build's (hooks/render/local_help.py), read from the bar's data-local-help.

/** The one localStorage key of the reader's pick: written only when the reader picks a country. */
export const STORAGE_KEY = 'breathing-room:country';

/**
 * @typedef {object} LocalHelp  what the build writes into data-local-help
 * @property {HelpCountry[]} countries
 * @property {SharedHelp[]} shared
 *
 * @typedef {object} HelpCountry
 * @property {string} name  the country tabs' label
 * @property {string} label  the name the bar shows (shorter where needed)
 * @property {string[]} zones  IANA time zones of devices in the country
 * @property {string[]} languages  tell it apart from countries sharing a zone
 * @property {string} shared  the name of the countries sharing its zone, or ""
 * @property {HelpLine} line
 *
 * @typedef {object} SharedHelp  the lines countries sharing a zone have in common
 * @property {string} name
 * @property {HelpLine} line
 *
 * @typedef {object} HelpLine
 * @property {HelpNumber | null} emergency
 * @property {HelpService | null} crisis
 *
 * @typedef {object} HelpNumber
 * @property {string} number  as the source writes it
 * @property {string} href  tel:
 *
 * @typedef {object} HelpService
 * @property {string} service
 * @property {string} number  "" for a service with only a site
 * @property {string} href  tel:, sms: or the service's https: site
 */

/** @typedef {{label: string, tab: string, line: HelpLine, picked: boolean}} Choice
 * `tab`: the country tab to open ("" for a shared line); `picked`: the reader chose it. */

/** The first (primary) subtag of a language tag, lower-cased: "cy-GB" -> "cy". @param {string} tag */
const primary = tag => String(tag).split('-')[0].toLowerCase();

/** @param {HelpCountry} country @param {boolean} picked @returns {Choice} */
const choiceOf = (country, picked) => ({ label: country.label, tab: country.name, line: country.line, picked });

/** The country the reader picked, by its tab label, if the data still have it.
 * @param {LocalHelp} help @param {string | null} stored @returns {Choice | null} */
export function pickedCountry(help, stored) {
  const country = help.countries.find(({ name }) => name === stored);
  return country ? choiceOf(country, true) : null;
}

/** The guess from the device: its time zone, then its languages among countries sharing that zone.
 * @param {LocalHelp} help @param {string} zone @param {readonly string[]} languages @returns {Choice | null} */
export function guessCountry(help, zone, languages) {
  const candidates = help.countries.filter(({ zones }) => zones.includes(zone));
  if (candidates.length === 1) return choiceOf(candidates[0], false);
  if (!candidates.length) return null;
  for (const tag of languages) {
    const match = candidates.find(country => country.languages.includes(primary(tag)));
    if (match) return choiceOf(match, false);
  }
  const shared = help.shared.find(({ name }) => name === candidates[0].shared);
  return shared ? { label: shared.name, tab: '', line: shared.line, picked: false } : null;
}

/** The reader's pick, else the device's guess, else null (the list of every emergency number).
 * @param {LocalHelp} help @param {string | null} stored @param {string} zone @param {readonly string[]} languages */
export function chooseCountry(help, stored, zone, languages) {
  return pickedCountry(help, stored) || guessCountry(help, zone, languages);
}
