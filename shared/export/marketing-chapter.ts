/**
 * The "Marketing plan" chapter of the Word plan (issue 13): the channels
 * with their budgets against the program budget, which segments they reach
 * (and which none reaches), the fewest-clicks verdict and steps, learner
 * stories — only those with consent recorded — and the learner journey
 * funnel as a figure with its table. Budgets and owners are in every
 * profile, as the Budget chapter is (audience.ts lists no money field).
 */
import { funnelScene } from './diagrams/funnel';
import { formatMoney } from '../learners/budget';
import {
  CHANNEL_LABELS,
  FUNNEL_STAGES,
  channelName,
  coverage,
  exportableStories,
  funnelRow,
  funnelSegments,
  journeyVerdict,
  marketingSpend,
} from '../launch/marketing';
import type { MarketingChannel, Plan } from '../plan/schema';
import { countOf } from '../words';
import { longDate as formatLongDate } from '../long-date';
import type { DocBlock } from './document';

/** 28 October 2026; '—' when empty. */
const longDate = (iso: string | null): string => formatLongDate(iso, '—');

const dash = (text: string) => text.trim() || '—';

/** Whether the plan has anything for the marketing chapter. */
function hasMarketing(plan: Plan): boolean {
  const m = plan.launch.marketing;
  return (
    m.channels.length > 0 ||
    m.journeySteps.length > 0 ||
    exportableStories(m).length > 0 ||
    m.funnel.length > 0 ||
    m.toolkit.length > 0
  );
}

/** The chapter's blocks; empty when the plan has no marketing plan yet. */
export function marketingBlocks(plan: Plan): DocBlock[] {
  if (!hasMarketing(plan)) return [];
  const m = plan.launch.marketing;
  const currency = plan.budget.currency;
  const money = (n: number) =>
    `${formatMoney(n, currency)}${currency ? '' : ' (currency not chosen)'}`;
  const segments = new Map(plan.learners.map((s) => [s.id, s.name.trim() || 'Untitled segment']));
  const partners = new Map(plan.stakeholders.entries.map((s) => [s.id, s.name]));
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'How learners will hear about the program and take their first step: the channels that reach each segment and what they cost, the path from invitation to first lesson, stories from real learners, and the learner journey from awareness to advocacy.',
    },
  ];

  if (m.channels.length > 0) {
    const spend = marketingSpend(m, plan.budget);
    blocks.push(
      { type: 'heading', level: 2, text: 'Channels' },
      {
        type: 'table',
        columns: [
          { title: 'Channel', width: 24, firstLineBold: true },
          { title: 'Segments reached', width: 22 },
          { title: 'Partners', width: 14 },
          { title: 'Owner', width: 14 },
          { title: 'Dates', width: 16 },
          {
            title: currency ? `Budget (${currency})` : 'Budget (currency not chosen)',
            width: 10,
            numeric: true,
          },
        ],
        rows: m.channels.map((c) => [
          channelCell(c),
          c.segmentIds
            .map((id) => segments.get(id))
            .filter(Boolean)
            .join('; ') || 'No segment yet',
          c.partnerIds
            .map((id) => partners.get(id))
            .filter(Boolean)
            .join('; ') || '—',
          dash(c.owner),
          c.start || c.end ? `${longDate(c.start)} to ${longDate(c.end)}` : '—',
          c.budget === null ? '—' : formatMoney(c.budget, currency),
        ]),
        totalRow: ['Total', '', '', '', '', formatMoney(spend.total, currency)],
      },
    );
    const against: string[] = [];
    if (spend.outreachLine !== null)
      against.push(
        spend.overOutreach > 0
          ? `${money(spend.overOutreach)} over the outreach and marketing line of ${money(spend.outreachLine)}`
          : `within the outreach and marketing line of ${money(spend.outreachLine)}`,
      );
    if (spend.programTotal !== null && spend.shareOfProgram !== null)
      against.push(
        `${(spend.shareOfProgram * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })} % of the program budget of ${money(spend.programTotal)}`,
      );
    blocks.push({
      type: 'paragraph',
      text: `The channels cost ${money(spend.total)}${against.length ? `: ${against.join(', and ')}` : ''}.${spend.unbudgeted ? ` ${countOf(spend.unbudgeted, 'channel has', 'channels have')} no budget yet.` : ''}`,
    });

    // Coverage: segments down, channels across would be too wide for a page; one row a segment.
    const cover = coverage(plan);
    const names = new Map(m.channels.map((c) => [c.id, channelName(c)]));
    if (plan.learners.length > 0)
      blocks.push(
        { type: 'heading', level: 3, text: 'Which segments the channels reach' },
        {
          type: 'table',
          columns: [
            { title: 'Learner segment', width: 30 },
            { title: 'Reached by', width: 60 },
            { title: 'Channels', width: 10, numeric: true },
          ],
          rows: plan.learners.map((s) => {
            const ids = cover.bySegment.get(s.id) ?? [];
            return [
              segments.get(s.id)!,
              ids.length ? ids.map((id) => names.get(id)).join('; ') : 'No channel reaches it',
              String(ids.length),
            ];
          }),
        },
        {
          type: 'paragraph',
          style: 'note',
          text: cover.unreached.length
            ? `No channel reaches ${cover.unreached.map((s) => segments.get(s.id)).join(', ')}.`
            : 'Every learner segment is reached by at least one channel.',
        },
      );
  }

  if (m.journeySteps.length > 0) {
    const verdict = journeyVerdict(m);
    blocks.push(
      { type: 'heading', level: 2, text: 'Fewest clicks to start' },
      { type: 'paragraph', text: verdict.text },
      {
        type: 'bullets',
        items: m.journeySteps.filter((s) => s.trim()).map((s, i) => `${i + 1}. ${s.trim()}`),
      },
    );
  }

  const stories = exportableStories(m);
  if (stories.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Learner stories' },
      {
        type: 'paragraph',
        style: 'note',
        text: 'Only stories whose learners gave written consent are included.',
      },
    );
    for (const s of stories)
      blocks.push(
        { type: 'heading', level: 3, text: s.title.trim() || 'Untitled story' },
        ...(s.summary.trim() ? [{ type: 'paragraph' as const, text: s.summary.trim() }] : []),
        {
          type: 'facts',
          rows: [
            ['Segment', s.segmentId ? (segments.get(s.segmentId) ?? '—') : 'Any segment'],
            ['Consent', s.consentDate ? `Given on ${longDate(s.consentDate)}` : 'Given'],
          ],
        },
      );
  }

  if (m.funnel.length > 0) {
    const own = funnelSegments(plan);
    blocks.push(
      { type: 'heading', level: 2, text: 'Learner journey' },
      {
        type: 'diagram',
        scene: funnelScene(plan),
        caption:
          'Learner journey funnel. Touchpoints and content at each stage, for every learner and, where it differs, per segment.',
        pixelWidth: 1200,
      },
      {
        type: 'table',
        columns: [
          { title: 'Stage', width: 16, firstLineBold: true },
          { title: 'For', width: 16 },
          { title: 'Touchpoints', width: 34 },
          { title: 'Content', width: 34 },
        ],
        rows: FUNNEL_STAGES.flatMap(({ stage, label }) =>
          [null, ...own.map((s) => s.id)].flatMap((segmentId) => {
            const row = funnelRow(m.funnel, stage, segmentId);
            if (!row) return [];
            return [
              [
                label,
                segmentId ? segments.get(segmentId)! : 'Everyone',
                dash(row.touchpoints),
                dash(row.content),
              ],
            ];
          }),
        ),
      },
    );
  }

  if (m.toolkit.length > 0) {
    const ready = m.toolkit.filter((t) => t.done).length;
    blocks.push(
      { type: 'heading', level: 2, text: 'Partner toolkit and admin guide' },
      {
        type: 'paragraph',
        text: `${ready} of ${countOf(m.toolkit.length, 'item', 'items')} ready.`,
      },
      {
        type: 'bullets',
        items: m.toolkit.map((t) => `${t.done ? 'Ready' : 'To do'}: ${dash(t.label)}`),
      },
      ...(m.toolkitNotes.trim()
        ? [{ type: 'paragraph' as const, style: 'note' as const, text: m.toolkitNotes.trim() }]
        : []),
    );
  }
  return blocks;
}

/**
 * A channel in the chapter's table: its name on the first (bold) line, then
 * its kind and description; without a name, its kind and then its description.
 */
function channelCell(c: MarketingChannel): string {
  const name = c.name.trim();
  const description = c.description.trim();
  if (!name) return `${CHANNEL_LABELS[c.kind]}${description ? `\n${description}` : ''}`;
  return `${name}\n${CHANNEL_LABELS[c.kind]}${description ? `: ${description}` : ''}`;
}
