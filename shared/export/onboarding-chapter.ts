/**
 * The "Onboarding checklist" chapter of the Word plan and the rows of the
 * "Onboarding" sheet (issue 13): each step with its owner and partners
 * involved, when it is due (the calendar date, and how many days from the
 * launch when it is counted from the launch start), and — for the profiles
 * that keep statuses — where it stands on the export's "as of" date. The
 * team's notes on each step are internal (audience.ts `checklistNotes`);
 * statuses are left out of partner-safe files (`checklistStatus`).
 */
import { checklistItemDue } from '../launch/checklist';
import { launchStart, resolveLaunchDate } from '../launch/onboarding';
import type { ChecklistItem, Plan } from '../plan/schema';
import { shows } from './audience';
import type { DocBlock } from './document';
import { englishLocale, type DocLocale } from './locale';
import type { ExportOptions } from './options';

/** The status column's heading: "Status on 20 February 2027". */
export const statusHeading = (asOf: string, loc: DocLocale = englishLocale()) =>
  loc.d('common.statusOn', { date: loc.date(asOf) });

const stepName = (item: ChecklistItem, loc: DocLocale) =>
  item.label.trim() || loc.d('onboarding.untitledStep');

/** "14 days before launch", "On launch day". */
function offsetWords(loc: DocLocale, offsetDays: number): string {
  if (offsetDays === 0) return loc.d('onboarding.offset.launchDay');
  return loc.d(offsetDays < 0 ? 'onboarding.offset.before' : 'onboarding.offset.after', {
    days: Math.abs(offsetDays),
  });
}

/** The partners of a step by name (an unnamed one by its organisation). */
function partnerNames(plan: Plan, ids: readonly string[], loc: DocLocale): string[] {
  const byId = new Map(plan.stakeholders.entries.map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry
      ? [entry.name.trim() || entry.organisation.trim() || loc.d('onboarding.unnamed')]
      : [];
  });
}

/** When a step is due, in words: "12 March 2027 (20 days before launch)", "14 days before launch (launch start not set)". */
export function dueInWords(
  item: ChecklistItem,
  start: string | null,
  loc: DocLocale = englishLocale(),
): string {
  if (!item.due) return '—';
  if (item.due.anchor === 'date') return loc.date(item.due.date);
  const rule = offsetWords(loc, item.due.offsetDays);
  const date = resolveLaunchDate(item.due, start);
  return date
    ? loc.d('onboarding.dueOn', {
        date: loc.date(date),
        rule: rule.toLocaleLowerCase(loc.language),
      })
    : loc.d('onboarding.dueNoStart', { rule });
}

/** Where a step stands on `asOf`: its status, or "Overdue" when it is open and its date has passed. */
export function statusOn(
  item: ChecklistItem,
  start: string | null,
  asOf: string,
  loc: DocLocale = englishLocale(),
): string {
  const label = loc.d(`onboarding.status.${item.status}`);
  const due = checklistItemDue(item, start, asOf);
  return due.state === 'overdue'
    ? loc.d('onboarding.overdue', { status: label.toLocaleLowerCase(loc.language) })
    : label;
}

/** Whether the plan has a checklist to export. */
export function hasChecklist(plan: Plan): boolean {
  return plan.launch.checklist.length > 0;
}

/** The chapter's blocks; empty when the plan has no checklist. */
export function onboardingBlocks(
  plan: Plan,
  options: ExportOptions,
  loc: DocLocale = englishLocale(),
): DocBlock[] {
  const d = loc.d;
  const items = plan.launch.checklist;
  if (items.length === 0) return [];
  const start = launchStart(plan);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes') && items.some((i) => i.notes.trim());
  const relative = items.some((i) => i.due?.anchor === 'launch');
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text:
        start && relative
          ? d('onboarding.leadFrom', { date: loc.date(start) })
          : d('onboarding.lead'),
    },
  ];
  if (!start && relative)
    blocks.push({ type: 'paragraph', style: 'note', text: d('onboarding.noStart') });
  if (status) {
    const done = items.filter((i) => i.status === 'done').length;
    const overdue = items.filter(
      (i) => checklistItemDue(i, start, options.asOf).state === 'overdue',
    ).length;
    blocks.push({
      type: 'paragraph',
      text: d('onboarding.done', {
        date: loc.date(options.asOf),
        done,
        count: items.length,
        overdue,
      }),
    });
  }
  blocks.push({
    type: 'table',
    columns: [
      { title: d('onboarding.step'), width: notes ? 26 : 36 },
      { title: d('onboarding.ownerAndPartners'), width: notes ? 20 : 26 },
      { title: d('onboarding.due'), width: notes ? 16 : 20 },
      ...(status ? [{ title: statusHeading(options.asOf, loc), width: notes ? 12 : 18 }] : []),
      ...(notes ? [{ title: d('col.notes'), width: 26 }] : []),
    ],
    rows: items.map((item) => {
      const partners = partnerNames(plan, item.partnerIds, loc);
      const owner = [
        item.owner.trim(),
        partners.length > 0
          ? d('onboarding.with', { partners: partners.join(d('punctuation.comma')) })
          : '',
      ]
        .filter(Boolean)
        .join('\n');
      return [
        stepName(item, loc),
        owner || '—',
        dueInWords(item, start, loc),
        ...(status ? [statusOn(item, start, options.asOf, loc)] : []),
        ...(notes ? [item.notes.trim() || '—'] : []),
      ];
    }),
  });
  return blocks;
}

/** One row of the Onboarding sheet. */
export interface OnboardingSheetRow {
  readonly id: string;
  readonly step: string;
  readonly owner: string;
  readonly partners: string;
  readonly due: string;
  /** The calendar date (YYYY-MM-DD), or null when none can be worked out. */
  readonly dueDate: string | null;
  /** Present only for the profiles that keep statuses. */
  readonly status?: string;
  /** Present only for the internal profile. */
  readonly notes?: string;
}

/** The Onboarding sheet's rows, for the profile of `options`. */
export function onboardingSheetRows(
  plan: Plan,
  options: ExportOptions,
  loc: DocLocale = englishLocale(),
): OnboardingSheetRow[] {
  const start = launchStart(plan);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes');
  return plan.launch.checklist.map((item) => ({
    id: item.id,
    step: stepName(item, loc),
    owner: item.owner.trim(),
    partners: partnerNames(plan, item.partnerIds, loc).join(loc.d('punctuation.semicolon')),
    due: dueInWords(item, start, loc),
    dueDate: resolveLaunchDate(item.due, start),
    ...(status ? { status: statusOn(item, start, options.asOf, loc) } : {}),
    ...(notes ? { notes: item.notes.trim() } : {}),
  }));
}
