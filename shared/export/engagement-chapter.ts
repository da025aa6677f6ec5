/**
 * The "Engagement and follow-ups" chapter of the Word plan and its Excel
 * rows (issue 14): the engagement activities (kind, cadence, owner, the
 * partner who delivers them, segments), the follow-up rules (condition,
 * segments, channel, whether a message is written) and the follow-up counts
 * the team kept (per rule, total, licences that could be freed). Counts
 * only: the learners themselves — names, e-mails — stay in the app's local
 * database and never reach an export; message texts, like the launch
 * communications', are exported one by one from their section (the CSV
 * for the mail tool), not in the plan's documents.
 */
import type { DocBlock } from './document';
import type { FollowUpRule, Plan } from '../plan/schema';
import { englishLocale, type DocLocale } from './locale';

/** Whether the plan has anything for this chapter. */
export function hasEngagement(plan: Plan): boolean {
  const m = plan.manage;
  return m.engagement.length > 0 || m.followUps.length > 0 || m.followUpCounts.length > 0;
}

function segmentNames(plan: Plan, ids: readonly string[], loc: DocLocale): string {
  if (ids.length === 0) return loc.d('engagement.everyLearner');
  const names = ids.flatMap((id) => {
    const s = plan.learners.find((x) => x.id === id);
    return s ? [s.name.trim() || loc.d('engagement.unnamedSegment')] : [];
  });
  return names.join(loc.d('punctuation.comma')) || loc.d('engagement.everyLearner');
}

function partnerName(plan: Plan, id: string | null, loc: DocLocale): string {
  if (id === null) return loc.d('engagement.programTeam');
  const p = plan.stakeholders.entries.find((e) => e.id === id);
  return p
    ? p.name.trim() || p.organisation.trim() || loc.d('engagement.unnamedPartner')
    : loc.d('engagement.programTeam');
}

/** A follow-up rule's condition in words ("No activity for 14 days"). */
export function ruleCondition(rule: FollowUpRule, loc: DocLocale = englishLocale()): string {
  return loc.d(`engagement.condition.${rule.trigger}`, {
    days: rule.afterDays,
    pace: loc.percent(rule.pacePercent / 100),
  });
}

/** A rule's name, or its condition when it has none. */
const ruleName = (rule: FollowUpRule, loc: DocLocale) =>
  rule.name.trim() || ruleCondition(rule, loc);

/** The activities as rows: title, kind, cadence, owner, delivered by, segments. */
export function activityRows(plan: Plan, loc: DocLocale = englishLocale()): string[][] {
  return plan.manage.engagement.map((a) => [
    a.title.trim() || loc.d('engagement.untitledActivity'),
    loc.d(`engagement.kind.${a.kind}`),
    a.cadence.trim() || '—',
    a.owner.trim() || loc.d('engagement.notNamed'),
    partnerName(plan, a.partnerId, loc),
    segmentNames(plan, a.segmentIds, loc),
  ]);
}

/** The rules as rows, in matching order: rule, condition, segments, channel, message, on. */
export function ruleRows(plan: Plan, loc: DocLocale = englishLocale()): string[][] {
  return plan.manage.followUps.map((r, i) => [
    loc.d('engagement.numbered', { number: i + 1, rule: ruleName(r, loc) }),
    ruleCondition(r, loc),
    segmentNames(plan, r.segmentIds, loc),
    loc.d(`engagement.channel.${r.channel}`),
    r.message.trim() ? loc.d('engagement.written') : loc.d('engagement.notYet'),
    r.active ? loc.d('engagement.on') : loc.d('engagement.off'),
  ]);
}

/** The kept follow-up counts, newest last (at most the last 24). */
export function countRows(
  plan: Plan,
  loc: DocLocale = englishLocale(),
): { headers: string[]; rows: (string | number)[][] } {
  const rules = plan.manage.followUps;
  const kept = plan.manage.followUpCounts.slice(-24);
  return {
    headers: [
      loc.d('engagement.date'),
      loc.d('engagement.toFollowUp'),
      loc.d('engagement.freeable'),
      ...rules.map((r) => ruleName(r, loc)),
    ],
    rows: kept.map((c) => [
      c.date,
      c.total,
      c.licencesFreeable,
      ...rules.map((r) => c.byRule[r.id] ?? ''),
    ]),
  };
}

/** The chapter's blocks; empty when the plan has no engagement, rules or counts. */
export function engagementBlocks(plan: Plan, loc: DocLocale = englishLocale()): DocBlock[] {
  if (!hasEngagement(plan)) return [];
  const d = loc.d;
  const n = (v: number) => loc.count(v);
  const m = plan.manage;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: d('engagement.lead', { activities: m.engagement.length, rules: m.followUps.length }),
    },
  ];
  if (m.engagement.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('engagement.activities') },
      {
        type: 'table',
        columns: [
          { title: d('engagement.activity'), width: 24 },
          { title: d('col.kind'), width: 14 },
          { title: d('engagement.cadence'), width: 18 },
          { title: d('col.owner'), width: 14 },
          { title: d('engagement.deliveredBy'), width: 15 },
          { title: d('col.for'), width: 15 },
        ],
        rows: activityRows(plan, loc),
      },
    );
  if (m.followUps.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('engagement.rules') },
      { type: 'paragraph', text: d('engagement.rulesNote') },
      {
        type: 'table',
        columns: [
          { title: d('engagement.rule'), width: 22 },
          { title: d('engagement.conditionColumn'), width: 30 },
          { title: d('col.for'), width: 16 },
          { title: d('engagement.channelColumn'), width: 11 },
          { title: d('engagement.message'), width: 10 },
          { title: d('engagement.onColumn'), width: 7 },
        ],
        rows: ruleRows(plan, loc),
      },
    );
  blocks.push({
    type: 'facts',
    rows: [
      [
        d('engagement.licencesFreed'),
        d('engagement.freedAfter', { days: m.licenceReleaseAfterDays }),
      ],
      [
        d('engagement.licencesPlanned'),
        plan.launch.marketing.licenses === null
          ? d('engagement.notSet')
          : n(plan.launch.marketing.licenses),
      ],
    ],
  });
  if (m.followUpCounts.length > 0) {
    const { headers, rows } = countRows(plan, loc);
    blocks.push(
      { type: 'heading', level: 2, text: d('engagement.counts') },
      {
        type: 'table',
        columns: headers.map((title, i) => ({
          title,
          width: i === 0 ? 12 : Math.max(9, Math.floor(88 / (headers.length - 1))),
          numeric: i > 0,
        })),
        rows: rows.map((r) =>
          r.map((v, i) => (i === 0 ? loc.date(String(v)) : typeof v === 'number' ? n(v) : v)),
        ),
      },
    );
  }
  blocks.push({ type: 'paragraph', style: 'note', text: d('engagement.countsOnly') });
  return blocks;
}

/** A column of the Excel sheets (the shape of xlsx.ts table sheets). */
export interface EngagementSheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'integer' | 'date';
  readonly wrap?: boolean;
}

/** One Excel sheet's name, columns and rows. */
export interface EngagementSheet {
  readonly name: string;
  readonly columns: readonly EngagementSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * The Excel sheets: "Engagement and follow-ups" (one row per activity, then
 * one per rule in matching order) and, when counts were kept, "Follow-up
 * counts" (one row per day: total, licences that could be freed, per rule).
 */
export function engagementSheets(plan: Plan, loc: DocLocale = englishLocale()): EngagementSheet[] {
  const w = loc.w;
  const rows: (string | number | null)[][] = [
    ...activityRows(plan, loc).map(([title, kind, cadence, owner, partner, segments]) => [
      w('engagement.activityPart'),
      title!,
      kind!,
      cadence!,
      owner!,
      partner!,
      segments!,
      '',
      '',
      '',
    ]),
    ...ruleRows(plan, loc).map(([title, condition, segments, channel, message, on]) => [
      w('engagement.rulePart'),
      title!,
      w('engagement.followUp'),
      condition!,
      '',
      '',
      segments!,
      channel!,
      message!,
      on!,
    ]),
  ];
  const sheets: EngagementSheet[] = [
    {
      name: w('sheets.engagement'),
      columns: [
        { header: w('engagement.part'), width: 20 },
        { header: w('col.title'), width: 32, wrap: true },
        { header: w('col.kind'), width: 18 },
        { header: w('engagement.cadenceOrCondition'), width: 40, wrap: true },
        { header: w('col.owner'), width: 18 },
        { header: w('engagement.deliveredBy'), width: 22, wrap: true },
        { header: w('col.for'), width: 24, wrap: true },
        { header: w('engagement.channel'), width: 14 },
        { header: w('engagement.message'), width: 10 },
        { header: w('engagement.on'), width: 6 },
      ],
      rows,
    },
  ];
  if (plan.manage.followUpCounts.length > 0) {
    const counts = countRows(plan, loc);
    sheets.push({
      name: w('sheets.followUpCounts'),
      columns: counts.headers.map((header, i) =>
        i === 0
          ? { header, width: 14, kind: 'date' as const }
          : { header, width: 18, kind: 'integer' as const, wrap: true },
      ),
      rows: counts.rows.map((r) => r.map((v) => (v === '' ? null : v))),
    });
  }
  return sheets;
}
