// @ts-check
// The page's entry for the breath pacer: registers <br-pacer>. The element is in pacer-element.js,
// which registers nothing, so it can be imported without side effects.
import { PacerElement } from './pacer-element.js';

PacerElement.define();
