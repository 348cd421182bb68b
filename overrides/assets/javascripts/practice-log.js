// @ts-check
// The page's entry for <br-practice-log>, the "Your practice" page's log. The element is in
// practice-log-element.js, which registers nothing, so it can be imported without side effects.
import { PracticeLogElement } from './practice-log-element.js';

PracticeLogElement.define();
