/**
 * Commands of the Stakeholders & partners section: the register and its
 * matrix positions, engagement actions, industry checkpoints, mapping
 * questions and workshop snapshots.
 *
 * Nothing else in a plan names a stakeholder by id except workshop
 * snapshots, and those keep a deleted stakeholder's position on purpose: a
 * snapshot records the room at that moment, and comparing with it skips
 * stakeholders no longer in the register (shared/stakeholders/movement.ts).
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { newId } from '../plan/create';
import type { Plan, Stakeholder } from '../plan/schema';
import { positionsOf, recordMove } from '../stakeholders/movement';
import { clampScore, quadrantOf, type MatrixPoint } from '../stakeholders/quadrants';
import { categoryOf, type Category } from '../stakeholders/register';
import type { StakeholderPatch } from '../stakeholders/import';
import { completeItem } from '../stakeholders/schedule';
import { CommandRefusal, defineCommand, quoted } from './command';
import { defineListCommands } from './lists';

type EngagementAction = Stakeholder['actions'][number];
type Checkpoint = Plan['stakeholders']['checkpoints'][number];
type Snapshot = Plan['stakeholders']['snapshots'][number];
/** A mapping question, by its key in the plan. */
export type MappingQuestion = keyof Plan['stakeholders']['questions'];

const SECTION = 'stakeholders' as const;

function findEntry(plan: Plan, id: string): Stakeholder | undefined {
  return plan.stakeholders.entries.find((e) => e.id === id);
}

/** “Name” of a stakeholder for step names, or “stakeholder” when it has none (or is gone). */
function who(plan: Plan, id: string, t: Translator): string {
  return quoted(findEntry(plan, id)?.name) || t('commands:stakeholders.aStakeholder');
}

/**
 * A new register entry with every field at its default. Without `at` it
 * waits in the matrix's "Unplaced" tray (scores 50/50, counted in no
 * quadrant) until someone positions it; with `at` it is placed there.
 */
export function blankStakeholder(name: string, at?: MatrixPoint, id = newId('sh')): Stakeholder {
  const point = at ?? { power: 50, interest: 50 };
  return {
    id,
    name,
    organisation: '',
    role: '',
    relation: 'stakeholder',
    partnerType: null,
    power: clampScore(point.power),
    interest: clampScore(point.interest),
    currentStance: 'neutral',
    desiredStance: 'supportive',
    owner: '',
    contact: '',
    nextCheckpoint: null,
    notes: '',
    desiredPosition: null,
    interventionIds: [],
    actions: [],
    history: [],
    ...(at ? {} : { placed: false }),
  };
}

/**
 * Commands of the register: add, edit fields, delete, reorder. A position
 * on the matrix changes through `moveStakeholder` instead, which keeps the
 * quadrant history.
 */
export const stakeholders = defineListCommands<Stakeholder>({
  kind: 'stakeholder',
  section: SECTION,
  list: (plan) => plan.stakeholders.entries,
  titleOf: (s) => s.name,
  // Onboarding checklist items no longer name a deleted partner (undo brings both back).
  onRemove(plan, ids) {
    for (const item of plan.launch.checklist)
      if (item.partnerIds.some((id) => ids.has(id)))
        item.partnerIds = item.partnerIds.filter((id) => !ids.has(id));
    // Engagement activities it delivered fall back to the program team.
    for (const a of plan.manage.engagement)
      if (a.partnerId !== null && ids.has(a.partnerId)) a.partnerId = null;
  },
  fields: {
    name: 'name',
    organisation: 'organisation',
    role: 'role',
    owner: 'owner',
    contact: 'contact',
    notes: 'notes',
    currentStance: 'stance',
    desiredStance: 'desiredStance',
    nextCheckpoint: 'nextCheckpoint',
    desiredPosition: 'desiredPosition',
    interventionIds: 'interventions',
  },
});

/** Arguments of `moveStakeholder`. */
export interface MoveStakeholderArgs {
  readonly id: string;
  /** Where to (clamped to 0–100, whole points). */
  readonly to: MatrixPoint;
  /** When, as an ISO timestamp: the quadrant history records it. */
  readonly at: string;
  /**
   * Part of a burst of small moves (arrow keys) that is one undo step until
   * the card loses focus. A drag dispatches once, on release, without it.
   */
  readonly burst?: boolean;
}

function target(entry: MatrixPoint, to: MatrixPoint): MatrixPoint {
  return {
    power: clampScore(to.power, entry.power),
    interest: clampScore(to.interest, entry.interest),
  };
}

/**
 * Moves a stakeholder on the matrix, recording a change of quadrant in its
 * history. Moving one that waits in the Unplaced tray places it (even at
 * 50/50); its history starts there.
 */
export const moveStakeholder = defineCommand<MoveStakeholderArgs>({
  type: 'stakeholder.moveOnMatrix',
  label({ id, to, burst }, plan, t = englishTranslator) {
    const entry = findEntry(plan, id);
    const name = who(plan, id, t);
    if (!entry) return t('commands:stakeholders.move', { name });
    const next = target(entry, to);
    const quadrant = t(`stakeholders:quadrants.${quadrantOf(next)}.label`);
    if (entry.placed === false) return t('commands:stakeholders.place', { name, quadrant });
    if (quadrantOf(next) !== quadrantOf(entry))
      return t('commands:stakeholders.moveTo', { name, quadrant });
    // A typed score changes one axis; name it. A burst may go on to change both.
    if (!burst && next.interest === entry.interest)
      return t('commands:stakeholders.setPower', { name });
    if (!burst && next.power === entry.power)
      return t('commands:stakeholders.setInterest', { name });
    return t('commands:stakeholders.moveOnMatrix', { name });
  },
  coalesce: ({ id, burst }) => (burst ? `stakeholder.moveOnMatrix:${id}` : null),
  locate: ({ id }) => ({ section: SECTION, focus: id }),
  apply(draft, { id, to, at }) {
    const entry = findEntry(draft, id);
    if (!entry) return;
    const next = target(entry, to);
    if (entry.placed === false) {
      delete entry.placed;
      entry.power = next.power;
      entry.interest = next.interest;
      return;
    }
    if (next.power === entry.power && next.interest === entry.interest) return;
    entry.history = recordMove(entry.history, entry, next, at);
    entry.power = next.power;
    entry.interest = next.interest;
  },
});

/** Makes an entry a stakeholder, or a partner of a type. */
export const setStakeholderType = defineCommand<{ id: string; category: Category }>({
  type: 'stakeholder.setType',
  label: ({ id, category }, plan, t = englishTranslator) =>
    t('commands:stakeholders.setType', {
      name: who(plan, id, t),
      category: t(`stakeholders:categories.${category}.short`).toLowerCase(),
    }),
  locate: ({ id }) => ({ section: SECTION, focus: id }),
  apply(draft, { id, category }) {
    const entry = findEntry(draft, id);
    if (!entry || categoryOf(entry) === category) return;
    if (category === 'stakeholder') {
      entry.relation = 'stakeholder';
      entry.partnerType = null;
    } else {
      entry.relation = 'partner';
      entry.partnerType = category;
    }
  },
});

/** Links or unlinks a theory-of-change intervention the stakeholder delivers or influences. */
export const linkIntervention = defineCommand<{
  id: string;
  interventionId: string;
  linked: boolean;
}>({
  type: 'stakeholder.linkIntervention',
  label({ id, interventionId, linked }, plan, t = englishTranslator) {
    const node = plan.theoryOfChange.nodes.find((n) => n.id === interventionId);
    const intervention = quoted(node?.title) || t('commands:stakeholders.anIntervention');
    const name = who(plan, id, t);
    return linked
      ? t('commands:stakeholders.link', { name, intervention })
      : t('commands:stakeholders.unlink', { name, intervention });
  },
  locate: ({ id }) => ({ section: SECTION, focus: id }),
  apply(draft, { id, interventionId, linked }) {
    const entry = findEntry(draft, id);
    if (!entry) return;
    const has = entry.interventionIds.includes(interventionId);
    if (linked && !has) {
      // Only a live intervention can be linked; a dangling one can still be unlinked.
      const node = draft.theoryOfChange.nodes.find((n) => n.id === interventionId);
      if (node?.kind !== 'intervention') {
        throw CommandRefusal.of('interventionGone');
      }
      entry.interventionIds.push(interventionId);
    }
    if (!linked && has)
      entry.interventionIds = entry.interventionIds.filter((x) => x !== interventionId);
  },
});

/** Commands of a stakeholder's engagement actions (`parentId`: the stakeholder). */
export const engagementActions = defineListCommands<EngagementAction>({
  kind: 'engagementAction',
  section: SECTION,
  list: (plan, stakeholderId) =>
    stakeholderId === undefined ? undefined : findEntry(plan, stakeholderId)?.actions,
  titleOf: (a) => a.what,
  fields: {
    what: 'description',
    who: 'owner',
    when: 'date',
    repeatEveryDays: 'repeat',
  },
  // The section shows actions under their stakeholder.
  focusOf: (_id, stakeholderId) => stakeholderId,
});

/** A new engagement action with every field at its default. */
export function blankEngagementAction(id = newId('act')): EngagementAction {
  return { id, what: '', who: '', when: null, done: false, repeatEveryDays: null };
}

/**
 * Marks an engagement action done (a recurring one stays open and moves to
 * its next date after `today`), or reopens it.
 */
export const setActionDone = defineCommand<{
  stakeholderId: string;
  actionId: string;
  done: boolean;
  /** Today's local date (YYYY-MM-DD): a recurring action's next date follows it. */
  today: string;
}>({
  type: 'engagementAction.setDone',
  label({ stakeholderId, actionId, done }, plan, t = englishTranslator) {
    const action = findEntry(plan, stakeholderId)?.actions.find((a) => a.id === actionId);
    const title = quoted(action?.what) || t('commands:stakeholders.anEngagementAction');
    if (!done) return t('commands:stakeholders.reopen', { title });
    return action?.repeatEveryDays
      ? t('commands:stakeholders.markHeld', { title })
      : t('commands:stakeholders.complete', { title });
  },
  locate: ({ stakeholderId }) => ({ section: SECTION, focus: stakeholderId }),
  apply(draft, { stakeholderId, actionId, done, today }) {
    const action = findEntry(draft, stakeholderId)?.actions.find((a) => a.id === actionId);
    if (!action) return;
    if (!done) action.done = false;
    else Object.assign(action, completeItem({ ...action }, today));
  },
});

/** Commands of the program's recurring industry checkpoints. */
export const industryCheckpoints = defineListCommands<Checkpoint>({
  kind: 'industryCheckpoint',
  section: SECTION,
  list: (plan) => plan.stakeholders.checkpoints,
  titleOf: (c) => c.title,
  fields: { title: 'title', notes: 'notes', nextDate: 'date', repeatEveryDays: 'repeat' },
});

/** A new industry checkpoint, quarterly and not yet scheduled. */
export function blankCheckpoint(id = newId('cp')): Checkpoint {
  return { id, title: '', repeatEveryDays: 91, nextDate: null, notes: '' };
}

/**
 * Marks an industry checkpoint held: a recurring one is scheduled for its
 * next date after `today`, a one-off one loses its date.
 */
export const markCheckpointHeld = defineCommand<{ id: string; today: string }>({
  type: 'industryCheckpoint.markHeld',
  label: ({ id }, plan, t = englishTranslator) =>
    t('commands:stakeholders.markHeld', {
      title:
        quoted(plan.stakeholders.checkpoints.find((c) => c.id === id)?.title) ||
        t('commands:stakeholders.aCheckpoint'),
    }),
  locate: ({ id }) => ({ section: SECTION, focus: id }),
  apply(draft, { id, today }) {
    const checkpoint = draft.stakeholders.checkpoints.find((c) => c.id === id);
    if (!checkpoint) return;
    if (!checkpoint.nextDate && !checkpoint.repeatEveryDays) {
      throw CommandRefusal.of('checkpointNeedsDate');
    }
    const held = completeItem(
      { when: checkpoint.nextDate, done: false, repeatEveryDays: checkpoint.repeatEveryDays },
      today,
    );
    checkpoint.nextDate = held.done ? null : held.when;
  },
});

/** The mapping questions (their short names: `commands:stakeholders.answer`). */
const QUESTIONS: Record<MappingQuestion, true> = {
  keyBuyIn: true,
  jobsNeededNow: true,
  jobsNeededSoon: true,
  inDemandSkillsNow: true,
  jobsAndPathwaysFiveYears: true,
  labourMarketPriorities: true,
};

/** Answers a mapping question (typing coalesces per question). */
export const answerQuestion = defineCommand<{ question: MappingQuestion; answer: string }>({
  type: 'stakeholders.answerQuestion',
  label: ({ question }, _plan, t = englishTranslator) =>
    t('commands:stakeholders.answer', { question }),
  coalesce: ({ question }) => `stakeholders.answerQuestion:${question}`,
  locate: () => ({ section: SECTION }),
  apply(draft, { question, answer }) {
    if (!Object.hasOwn(QUESTIONS, question)) {
      throw CommandRefusal.of('noSuchQuestion');
    }
    draft.stakeholders.questions[question] = answer;
  },
});

/** Commands of the workshop snapshots (delete, rename); take one with `takeSnapshot`. */
export const workshopSnapshots = defineListCommands<Snapshot>({
  kind: 'workshopSnapshot',
  section: SECTION,
  list: (plan) => plan.stakeholders.snapshots,
  titleOf: (s) => s.name,
  fields: { name: 'name' },
  // A snapshot is shown on the matrix, not as an element of its own.
  focusOf: () => undefined,
});

/** Takes a snapshot of every stakeholder's position now, kept with the plan. */
export const takeSnapshot = defineCommand<{ id: string; name: string; takenAt: string }>({
  type: 'workshopSnapshot.take',
  label: ({ name }, _plan, t = englishTranslator) =>
    quoted(name)
      ? t('commands:stakeholders.takeSnapshotNamed', { name: quoted(name) })
      : t('commands:stakeholders.takeSnapshot'),
  locate: () => ({ section: SECTION }),
  apply(draft, { id, name, takenAt }) {
    if (draft.stakeholders.snapshots.some((s) => s.id === id)) return;
    draft.stakeholders.snapshots.push({
      id,
      name,
      takenAt,
      positions: positionsOf(draft.stakeholders.entries),
    });
  },
});

/** A change to an entry already in the register, from an imported stakeholder list. */
export interface StakeholderImportUpdate {
  readonly id: string;
  readonly patch: StakeholderPatch;
}

/**
 * Adds the new entries of an imported stakeholder list and updates the
 * entries it matched, as one undo step. A new position is recorded in the
 * quadrant history as a move on the matrix is (an entry waiting in the
 * Unplaced tray is placed). Refused, with nothing changed, when an entry it
 * updates has gone or a new id is taken.
 */
export const importStakeholders = defineCommand<{
  entries: readonly Stakeholder[];
  updates?: readonly StakeholderImportUpdate[];
  /** When, as an ISO timestamp: the quadrant history records moves at this time. */
  at: string;
}>({
  type: 'stakeholders.import',
  label: ({ entries, updates = [] }, _plan, t = englishTranslator) => {
    if (updates.length === 0) return t('commands:stakeholders.import', { count: entries.length });
    return entries.length === 0
      ? t('commands:stakeholders.updateFromList', { count: updates.length })
      : t('commands:stakeholders.importAndUpdate', {
          added: entries.length,
          count: updates.length,
        });
  },
  locate: () => ({ section: SECTION }),
  apply(draft, { entries, updates = [], at }) {
    if (entries.length === 0 && updates.length === 0) throw CommandRefusal.of('noRowsToImport');
    const list = draft.stakeholders.entries;
    const ids = new Set(list.map((e) => e.id));
    for (const entry of entries) {
      if (ids.has(entry.id)) throw CommandRefusal.of('stakeholderIdShared', { id: entry.id });
      ids.add(entry.id);
    }
    for (const { id, patch } of updates) {
      const entry = list.find((e) => e.id === id);
      if (!entry) throw CommandRefusal.of('updatedStakeholderGone');
      const { position, ...fields } = patch;
      Object.assign(entry, fields);
      if (position) {
        const to = { power: clampScore(position.power), interest: clampScore(position.interest) };
        if (entry.placed === false) delete entry.placed;
        else entry.history = recordMove(entry.history, entry, to, at);
        entry.power = to.power;
        entry.interest = to.interest;
      }
    }
    list.push(...entries);
  },
});
