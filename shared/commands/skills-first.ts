/**
 * Commands of the Skills-first KPIs section (issue 14): record a dated
 * assessment of a person's (or role's) level in a skill — the level it
 * replaces moves into the cell's history, so the time to close a skill gap
 * can be measured — and set the role a person fills.
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { Plan } from '../plan/schema';
import { CommandRefusal, defineCommand, quoted, stepDate } from './command';

type Assessment = Plan['skillsMap']['assessments'][number];
type Source = Assessment['source'];

const SECTION = 'skillsFirst' as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The most dated levels a cell keeps in its history (the schema's limit); the oldest go first. */
export const HISTORY_LIMIT = 200;

function holderName(plan: Plan, id: string): string {
  return quoted(plan.skillsMap.holders.find((h) => h.id === id)?.name);
}

function skillName(plan: Plan, id: string, t: Translator): string {
  return (
    quoted(plan.skillsMap.skills.find((s) => s.id === id)?.name) || t('commands:skillsFirst.aSkill')
  );
}

/** Arguments of `recordAssessment`. */
export interface RecordAssessmentArgs {
  readonly holderId: string;
  readonly skillId: string;
  /** The day the level was measured (YYYY-MM-DD). */
  readonly date: string;
  /** Proficiency 0–5. */
  readonly level: number;
  readonly source: Source;
}

/**
 * Records a level measured on a day. When it is the latest, it becomes the
 * cell's current level (with its source and refresh date) and the current
 * level it replaces moves into the history — if it had a date; an undated
 * level has no place in a timeline and is replaced. When an older level is
 * recorded (a late-entered past assessment), it goes into the history in
 * date order and the current level stays. A level on the same day as the
 * current one replaces it.
 */
export const recordAssessment = defineCommand<RecordAssessmentArgs>({
  type: 'skillsMap.recordAssessment',
  label: ({ holderId, skillId, date: iso }, plan, t = englishTranslator) => {
    const holder = holderName(plan, holderId);
    const skill = skillName(plan, skillId, t);
    const date = stepDate(t, iso);
    return holder
      ? t('commands:skillsFirst.recordLevelOf', { skill, holder, date })
      : t('commands:skillsFirst.recordLevel', { skill, date });
  },
  locate: ({ holderId }) => ({ section: SECTION, focus: holderId }),
  apply(draft, { holderId, skillId, date, level, source }) {
    if (!(DATE.test(date) && !Number.isNaN(Date.parse(date))))
      throw CommandRefusal.of('assessmentDate');
    if (!(Number.isInteger(level) && level >= 0 && level <= 5))
      throw CommandRefusal.of('proficiencyRange');
    if (source !== 'assessed' && source !== 'selfReported') throw CommandRefusal.of('levelSource');
    const map = draft.skillsMap;
    if (!map.holders.some((h) => h.id === holderId) || !map.skills.some((s) => s.id === skillId))
      throw CommandRefusal.of('holderOrSkillGone');
    const cell = map.assessments.find((a) => a.holderId === holderId && a.skillId === skillId);
    if (!cell) {
      map.assessments.push({
        holderId,
        skillId,
        required: null,
        current: level,
        source,
        refreshedAt: date,
        history: [],
      });
      return;
    }
    if (cell.refreshedAt && date < cell.refreshedAt) {
      const at = cell.history.findIndex((h) => h.date > date);
      const entry = { date, current: level, source };
      if (at < 0) cell.history.push(entry);
      else cell.history.splice(at, 0, entry);
    } else {
      if (cell.current !== null && cell.refreshedAt && cell.refreshedAt < date) {
        const previous = { date: cell.refreshedAt, current: cell.current, source: cell.source };
        cell.history.push(previous);
      }
      cell.current = level;
      cell.source = source;
      cell.refreshedAt = date;
    }
    if (cell.history.length > HISTORY_LIMIT)
      cell.history.splice(0, cell.history.length - HISTORY_LIMIT);
  },
});

/** Sets the role (a holder of kind `role`) a person fills, or none (null). */
export const setPersonRole = defineCommand<{ holderId: string; roleId: string | null }>({
  type: 'skillsMap.setPersonRole',
  label: ({ holderId, roleId }, plan, t = englishTranslator) => {
    const person = holderName(plan, holderId) || t('commands:skillsFirst.aPerson');
    return roleId === null
      ? t('commands:skillsFirst.clearRole', { person })
      : t('commands:skillsFirst.setRole', {
          person,
          role: holderName(plan, roleId) || t('commands:skillsFirst.aRole'),
        });
  },
  locate: ({ holderId }) => ({ section: SECTION, focus: holderId }),
  apply(draft, { holderId, roleId }) {
    const holders = draft.skillsMap.holders;
    const person = holders.find((h) => h.id === holderId);
    if (!person) throw CommandRefusal.of('personGone');
    if (person.kind !== 'person') throw CommandRefusal.of('onlyPersonFillsRole');
    if (roleId !== null && holders.find((h) => h.id === roleId)?.kind !== 'role')
      throw CommandRefusal.of('roleNotInMap');
    person.roleId = roleId;
  },
});
