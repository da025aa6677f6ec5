/**
 * The section's words that depend on a value: due dates, repeat intervals,
 * score messages, a card's description. Shared code returns codes and
 * numbers (shared/stakeholders); these put them in the UI's language
 * (the stakeholders catalog). Also: whether the UI runs right to left, as
 * the matrix mirrors then (interest grows to the left).
 */
import type { TFunction } from 'i18next';
import { directionOf } from '../../../../shared/i18n/languages';
import type { Stakeholder } from '../../../../shared/plan/schema';
import {
  quadrantOf,
  type MatrixPoint,
  type ScoreParse,
} from '../../../../shared/stakeholders/quadrants';
import { categoryOf } from '../../../../shared/stakeholders/register';
import {
  repeatName,
  REPEAT_OPTIONS,
  type DueStatus,
} from '../../../../shared/stakeholders/schedule';
import { useFormat } from '../../i18n/i18n';

/** The stakeholders namespace's translate function. */
export type StakeholderT = TFunction<'stakeholders'>;

/** Whether the UI reads right to left (an Arabic UI): the matrix mirrors. */
export function useRtl(): boolean {
  return directionOf(useFormat().language) === 'rtl';
}

/** "Overdue by 3 days", "Due today", "Due in 5 days". */
export function dueText(t: StakeholderT, status: DueStatus): string {
  const { state, days } = status;
  if (state === 'done') return t('due.done');
  if (state === 'unscheduled' || days === null) return t('due.none');
  if (state === 'overdue') return t('due.overdue', { days: -days });
  if (days === 0) return t('due.today');
  if (days === 1) return t('due.tomorrow');
  return t('due.inDays', { days });
}

/** "One-off", "Every quarter", "Every 45 days". */
export function repeatText(t: StakeholderT, everyDays: number | null): string {
  if (everyDays === null) return t('repeat.oneOff');
  const name = repeatName(everyDays);
  return name ? t(`repeat.${name}`) : t('repeat.everyDays', { days: everyDays });
}

/** The repeat choices of an editor, with the current interval when it is none of them. */
export function repeatOptions(
  t: StakeholderT,
  current: number | null,
): { value: string; label: string }[] {
  return [
    ...REPEAT_OPTIONS.map((o) => ({ value: String(o.days ?? ''), label: repeatText(t, o.days) })),
    ...(REPEAT_OPTIONS.some((o) => o.days === current)
      ? []
      : [{ value: String(current), label: repeatText(t, current) }]),
  ];
}

/** Why a typed score was refused, in the UI's language (`label`: "Power"). */
export function scoreMessage(
  t: StakeholderT,
  parsed: Extract<ScoreParse, { ok: false }>,
  label: string,
  text: string,
): string {
  switch (parsed.problem) {
    case 'empty':
      return t('score.empty', { label });
    case 'notNumber':
      return t('score.notNumber', { text: text.trim() });
    case 'outOfRange':
      return t('score.outOfRange', { label });
  }
}

/** A card as a screen reader hears it: name, type, stance, scores and quadrant. */
export function describeCard(t: StakeholderT, entry: Stakeholder, point: MatrixPoint): string {
  return t('matrix.card', {
    name: entry.name || t('unnamed'),
    type: t(`categories.${categoryOf(entry)}.short`),
    stance: t(`stances.${entry.currentStance}`),
    power: point.power,
    interest: point.interest,
    quadrant: t(`quadrants.${quadrantOf(point)}.label`),
  });
}
