// @ts-check
// The page's entry for <br-pattern-maker>, the your-own pattern form. The element is in
// pattern-maker-element.js, which registers nothing, so it can be imported without side effects.
import { PatternMakerElement } from './pattern-maker-element.js';

PatternMakerElement.define();
