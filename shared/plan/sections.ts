/**
 * The sections of an open plan, as the app shows them: the screen where each
 * part of the plan is edited. Commands say which section shows their change
 * (so an undo elsewhere can say what it undid and offer to go there).
 */

/** Id of a plan section, as in the app's routes. */
export type PlanSectionId =
  | 'objective'
  | 'theoryOfChange'
  | 'logicModel'
  | 'stakeholders'
  | 'learners'
  | 'content'
  | 'makeOrBuy'
  | 'pathways'
  | 'invitations'
  | 'onboarding'
  | 'communications'
  | 'marketing'
  | 'roster'
  | 'kpis'
  | 'dashboard'
  | 'engagement'
  | 'reviews'
  | 'contentInUse'
  | 'skillsFirst'
  | 'health';

/** A place in an open plan: a section and, optionally, an element in it to focus (by id). */
export interface PlanLocation {
  readonly section: PlanSectionId;
  readonly focus?: string;
}
