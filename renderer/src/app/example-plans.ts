/**
 * The bundled example plans' files (issue 15): the sample (first start) is in
 * the main bundle; the others are loaded when the gallery adds one, each from
 * its own chunk of the app (offline, like the rest of it).
 */
import { readPlanFile } from '../../../shared/plan/plan-file';
import { examplePlan } from '../../../shared/plan/examples';
import { sampleAsOf } from '../../../shared/plan/sample';
import type { Plan } from '../../../shared/plan/schema';
import { localToday } from '../../../shared/stakeholders/schedule';
import samplePlanText from '../../../resources/sample-plans/youth-digital-skills.upskill.json?raw';

const raw = (m: { default: string }) => m.default;

/** Each example's file text, by example id (shared/plan/examples.ts). */
const TEXTS: Readonly<Record<string, () => Promise<string>>> = {
  'youth-digital-skills': () => Promise.resolve(samplePlanText),
  'youth-digital-skills-es': () =>
    import('../../../resources/sample-plans/youth-digital-skills-es.upskill.json?raw').then(raw),
  'northmere-skills-forward': () =>
    import('../../../resources/sample-plans/northmere-skills-forward.upskill.json?raw').then(raw),
  'calder-fresh-start': () =>
    import('../../../resources/sample-plans/calder-fresh-start.upskill.json?raw').then(raw),
  'nafitha-rural-women': () =>
    import('../../../resources/sample-plans/nafitha-rural-women.upskill.json?raw').then(raw),
  'nafitha-rural-women-ar': () =>
    import('../../../resources/sample-plans/nafitha-rural-women-ar.upskill.json?raw').then(raw),
};

/** Whether the app bundles the file of this example. */
export function hasExampleFile(id: string): boolean {
  return id in TEXTS;
}

/** An example plan read from its file, as of the day it is written for (its dates not moved). */
export function readExample(id: string, text: string): Plan {
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(`The bundled example plan “${id}” is invalid: ${result.message}`);
  return result.plan;
}

/** The sample plan shipped with the app, its dates moved to lie ahead of today. */
export function loadSamplePlan(today = localToday()): Plan {
  return sampleAsOf(readExample('youth-digital-skills', samplePlanText), today);
}

/** An example plan, its dates moved to lie ahead of `today`. */
export async function loadExamplePlan(id: string, today = localToday()): Promise<Plan> {
  const text = TEXTS[id];
  if (!text || !examplePlan(id)) throw new Error(`There is no example plan “${id}”.`);
  return sampleAsOf(readExample(id, await text()), today);
}
