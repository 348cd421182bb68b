// @ts-check
// The page's entry for the breath pacer: registers <breath-pacer> once, however many times the
// script runs (instant navigation loads it again on every page). The element itself is in
// pacer-element.js, which defines nothing, so it can be imported without side effects.
import { BreathPacer } from './pacer-element.js';

if (!customElements.get('breath-pacer')) customElements.define('breath-pacer', BreathPacer);

export { BreathPacer };
