// @ts-check
// The first screen's country: the reader's pick, else the device's time zone and language.
// `node --test tests/js/` (make test-fast runs it). The fixture is shaped as the build writes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { chooseCountry, guessCountry, pickedCountry } from '../../overrides/assets/javascripts/country-pick.js';

/** @param {string} emergency @param {string} crisis */
const line = (emergency, crisis) => ({
  emergency: { number: emergency, href: `tel:${emergency}` },
  crisis: { service: crisis, number: '1', href: 'tel:1' },
});
const uk = ['Europe/London', 'GB'];
/** @type {import('../../overrides/assets/javascripts/country-pick.js').LocalHelp} */
const HELP = {
  countries: [
    { name: 'England', label: 'England', zones: uk, languages: [], shared: 'UK', line: line('999', 'Samaritans') },
    {
      name: 'Scotland',
      label: 'Scotland',
      zones: uk,
      languages: ['gd'],
      shared: 'UK',
      line: line('999', 'Samaritans'),
    },
    { name: 'Wales', label: 'Wales', zones: uk, languages: ['cy'], shared: 'UK', line: line('999', 'Samaritans') },
    {
      name: 'Northern Ireland',
      label: 'Northern Ireland',
      zones: [...uk, 'Europe/Belfast'],
      languages: [],
      shared: 'UK',
      line: line('999', 'Lifeline'),
    },
    { name: 'Ireland', label: 'Ireland', zones: ['Europe/Dublin'], languages: [], shared: '', line: line('112', 'S') },
    {
      name: 'United States',
      label: 'US',
      zones: ['America/Chicago'],
      languages: [],
      shared: '',
      line: line('911', 'L'),
    },
    { name: 'Canada', label: 'Canada', zones: ['America/Toronto'], languages: [], shared: '', line: line('911', 'C') },
    {
      name: 'Australia',
      label: 'Australia',
      zones: ['Australia/Sydney'],
      languages: [],
      shared: '',
      line: line('000', 'L'),
    },
    {
      name: 'New Zealand',
      label: 'NZ',
      zones: ['Pacific/Auckland', 'Pacific/Chatham'],
      languages: [],
      shared: '',
      line: line('111', 'N'),
    },
    { name: 'Elsewhere', label: 'Elsewhere', zones: [], languages: [], shared: '', line: line('', 'F') },
  ],
  shared: [{ name: 'UK', line: line('999', 'Samaritans') }],
};

describe('guessCountry', () => {
  it('takes the one country that lists the time zone, whatever the language', () => {
    const cases = {
      'Australia/Sydney': 'Australia',
      'Pacific/Auckland': 'New Zealand',
      'Pacific/Chatham': 'New Zealand',
      'America/Toronto': 'Canada',
      'America/Chicago': 'United States',
      'Europe/Dublin': 'Ireland',
      'Europe/Belfast': 'Northern Ireland',
    };
    for (const [zone, country] of Object.entries(cases)) {
      assert.equal(guessCountry(HELP, zone, ['en-US'])?.tab, country, zone);
      assert.equal(guessCountry(HELP, zone, ['cy'])?.tab, country, zone);
    }
    assert.equal(guessCountry(HELP, 'America/Chicago', [])?.label, 'US');
  });
  it('picks among countries sharing a zone by the first language one of them lists', () => {
    assert.equal(guessCountry(HELP, 'Europe/London', ['cy-GB', 'en-GB'])?.tab, 'Wales');
    assert.equal(guessCountry(HELP, 'Europe/London', ['en-GB', 'gd'])?.tab, 'Scotland');
    assert.equal(guessCountry(HELP, 'Europe/London', ['CY'])?.tab, 'Wales');
  });
  it('shows the lines they share, under their shared name, when no language tells', () => {
    const choice = guessCountry(HELP, 'Europe/London', ['en-GB', 'en']);
    assert.deepEqual(choice, { label: 'UK', tab: '', line: HELP.shared[0].line, picked: false });
  });
  it('chooses nothing for a zone no country lists', () => {
    for (const zone of ['UTC', 'Etc/GMT', 'Europe/Paris', 'Asia/Tokyo', '']) {
      assert.equal(guessCountry(HELP, zone, ['en-GB']), null, zone);
    }
  });
});

describe('chooseCountry', () => {
  it("puts the reader's pick before the device's guess", () => {
    const choice = chooseCountry(HELP, 'Scotland', 'Australia/Sydney', ['en-AU']);
    assert.deepEqual(choice, { label: 'Scotland', tab: 'Scotland', line: HELP.countries[1].line, picked: true });
  });
  it('falls back to the guess for no pick, or a pick the data no longer have', () => {
    assert.equal(chooseCountry(HELP, null, 'Australia/Sydney', [])?.tab, 'Australia');
    assert.equal(chooseCountry(HELP, 'Atlantis', 'Australia/Sydney', [])?.tab, 'Australia');
    assert.equal(pickedCountry(HELP, 'Atlantis'), null);
  });
});
