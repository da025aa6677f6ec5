/** Creating, copying and summarising plans. */
import { standardChecklist } from '../launch/onboarding';
import { LANGUAGE_INFO, type Language } from '../i18n/languages';
import type { Translator } from '../i18n/translator';
import { Plan, PLAN_SCHEMA_VERSION } from './schema';

/** A new random id; prefixes keep ids readable in files and exports. */
export function newId(prefix = ''): string {
  const id = globalThis.crypto.randomUUID();
  return prefix ? `${prefix}-${id}` : id;
}

/**
 * An empty plan with every section present, and the six standard onboarding
 * steps in its launch checklist (due relative to a launch date still to set);
 * its documents in `documentLanguage` (the app passes its UI language), and
 * its text declared as written in that language (`objective.language`). `t`
 * writes the steps: pass a translator of `documentLanguage` (without the UI's
 * bidi isolation) so a Spanish plan starts with Spanish steps; English when
 * left out.
 */
export function createBlankPlan(
  name: string,
  now: Date = new Date(),
  documentLanguage: Language = 'en',
  t?: Translator,
): Plan {
  const at = now.toISOString();
  return Plan.parse({
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: newId('plan'),
    name,
    documentLanguage,
    createdAt: at,
    updatedAt: at,
    // The planner writes in the language the plan's documents are in.
    objective: { language: LANGUAGE_INFO[documentLanguage].textTag },
    launch: { checklist: standardChecklist(newId, t) },
  });
}

/** A copy of a plan under a new id and name (e.g. "Copy of …"), e.g. for a new cohort. */
export function copyPlan(plan: Plan, name: string, now: Date = new Date()): Plan {
  const at = now.toISOString();
  return { ...structuredClone(plan), id: newId('plan'), name, createdAt: at, updatedAt: at };
}

/** What the plan library shows for a plan without loading all of it. */
export interface PlanSummary {
  id: string;
  name: string;
  programName: string;
  organisation: string;
  region: string;
  updatedAt: string;
  createdAt: string;
}

/** Summarises a plan for the library list. */
export function summarisePlan(plan: Plan): PlanSummary {
  return {
    id: plan.id,
    name: plan.name,
    programName: plan.objective.programName,
    organisation: plan.objective.organisation,
    region: plan.objective.region,
    updatedAt: plan.updatedAt,
    createdAt: plan.createdAt,
  };
}

/** "Copy of X", "Copy of X (2)", … avoiding names already taken. */
export function copyName(name: string, taken: readonly string[]): string {
  const base = `Copy of ${name}`;
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}
