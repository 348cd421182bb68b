// @ts-check
// The out-of-date rule: `node --test tests/js/` (make test runs it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isOverdue, localDay } from '../../overrides/assets/javascripts/review-date.js';

describe('isOverdue', () => {
  it('is false before and on the review day, true the day after', () => {
    assert.equal(isOverdue('2027-05-29', new Date(2027, 4, 28, 23, 59)), false);
    assert.equal(isOverdue('2027-05-29', new Date(2027, 4, 29, 12, 0)), false);
    assert.equal(isOverdue('2027-05-29', new Date(2027, 4, 30, 0, 1)), true);
    assert.equal(isOverdue('2027-05-29', new Date(2031, 0, 1)), true);
  });
  it('never warns for a missing or malformed date', () => {
    for (const value of ['', '29 May 2027', '2027-5-29', '2027-05-29T00:00']) {
      assert.equal(isOverdue(value, new Date(2099, 0, 1)), false, value);
    }
  });
});

describe('localDay', () => {
  it('pads month and day and uses the local calendar', () => {
    assert.equal(localDay(new Date(2027, 0, 5, 23, 30)), '2027-01-05');
  });
});
