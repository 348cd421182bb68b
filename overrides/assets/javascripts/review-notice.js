// @ts-check
// The page's entry for <br-review-notice>, the "may be out of date" notice. The element is in
// review-notice-element.js, which registers nothing, so it can be imported without side effects.
import { ReviewNoticeElement } from './review-notice-element.js';

ReviewNoticeElement.define();
