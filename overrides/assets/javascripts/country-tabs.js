// @ts-check
// The country tabs (hooks/templates/countries/tabs.md, in div.br-countries) and the reader's country.
// Opening the tabs on a country only checks its inputs: no change event, so Material's linked tabs
// store nothing (they store a choice, in their own "__tabs" key, only when a tab is tapped). A tap
// on a country tab is the reader's pick: `onTabPick` hears it, and only a real tap (isTrusted), not
// Material checking the other tab sets in step or following an address's #fragment.

/** The country tab sets' inputs, each with its label's text. @param {ParentNode} root */
function countryInputs(root) {
  return [...root.querySelectorAll('.br-countries .tabbed-set > input')].map(input => ({
    input: /** @type {HTMLInputElement} */ (input),
    name: root.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent?.trim() || '',
  }));
}

/** Every country tab set on the page opened on `name`, if it has that tab. @param {string} name */
export function openCountryTabs(name, root = document) {
  for (const { input, name: label } of countryInputs(root)) if (label === name) input.checked = true;
}

/** Calls `pick(name)` when the reader taps a country tab; returns what stops listening.
 * @param {(name: string) => void} pick */
export function onTabPick(pick, root = document) {
  /** @param {Event} event */
  const heard = event => {
    if (!event.isTrusted || !(event.target instanceof HTMLInputElement)) return;
    const tab = countryInputs(root).find(({ input }) => input === event.target);
    if (tab?.name) pick(tab.name);
  };
  root.addEventListener('change', heard);
  return () => root.removeEventListener('change', heard);
}
