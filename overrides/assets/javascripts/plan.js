// @ts-check
// The page's entry for <br-plan>, the practice plan. The element is in plan-element.js, which
// registers nothing, so it can be imported without side effects.
import { PlanElement } from './plan-element.js';

PlanElement.define();
