// @ts-check
// The page's entry for <br-local-help>, the first screen's help for where the reader is. The element
// is in local-help-element.js, which registers nothing, so it can be imported without side effects.
import { LocalHelpElement } from './local-help-element.js';

LocalHelpElement.define();
