/**
 * The "Marketing plan" chapter of the Word plan (issue 13): the channels
 * with their budgets against the program budget, which segments they reach
 * (and which none reaches), the fewest-clicks verdict and steps, learner
 * stories — only those with consent recorded — and the learner journey
 * funnel as a figure with its table. Budgets and owners are in every
 * profile, as the Budget chapter is (audience.ts lists no money field).
 */
import { funnelScene } from './diagrams/funnel';
import {
  FUNNEL_STAGES,
  coverage,
  exportableStories,
  funnelRow,
  funnelSegments,
  journeyVerdict,
  marketingSpend,
} from '../launch/marketing';
import type { MarketingChannel, Plan } from '../plan/schema';
import { clipText } from '../text-length';
import type { DocBlock } from './document';
import { englishLocale, type DocLocale } from './locale';

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

/** A channel kind in the document language ("Paid ads"). */
export const channelKind = (loc: DocLocale, kind: MarketingChannel['kind']) =>
  loc.d(`marketing.channelKind.${kind}`);

/**
 * A channel's name: the name the team gave it, else its description (cut at
 * 40 characters), else its kind.
 */
function channelName(loc: DocLocale, c: MarketingChannel): string {
  const name = c.name.trim().replace(/\s+/g, ' ');
  if (name) return name;
  const description = c.description.trim().replace(/\s+/g, ' ');
  return description ? clipText(description, 40) : channelKind(loc, c.kind);
}

/** The fewest-clicks verdict in words. */
function verdictText(loc: DocLocale, m: Plan['launch']['marketing']): string {
  const v = journeyVerdict(m);
  if (v.steps === 0) return loc.d('marketing.verdict.none', { target: v.target });
  if (v.withinTarget)
    return loc.d('marketing.verdict.within', { steps: v.steps, target: v.target });
  return loc.d('marketing.verdict.over', {
    steps: v.steps,
    over: v.steps - v.target,
    target: v.target,
  });
}

/** The chapter's blocks; empty when the plan has no marketing plan yet. */
export function marketingBlocks(plan: Plan, loc: DocLocale = englishLocale()): DocBlock[] {
  if (!hasMarketing(plan)) return [];
  const d = loc.d;
  const semi = d('punctuation.semicolon');
  const longDate = (iso: string | null) => loc.date(iso, '—');
  const m = plan.launch.marketing;
  const currency = plan.budget.currency;
  const money = (n: number) =>
    currency
      ? loc.money(n, currency)
      : d('common.amountNoCurrency', { amount: loc.money(n, currency) });
  const segments = new Map(
    plan.learners.map((s) => [s.id, s.name.trim() || d('marketing.untitledSegment')]),
  );
  const partners = new Map(plan.stakeholders.entries.map((s) => [s.id, s.name]));
  const blocks: DocBlock[] = [{ type: 'paragraph', style: 'lead', text: d('marketing.lead') }];

  if (m.channels.length > 0) {
    const spend = marketingSpend(m, plan.budget);
    blocks.push(
      { type: 'heading', level: 2, text: d('marketing.channels') },
      {
        type: 'table',
        columns: [
          { title: d('marketing.channel'), width: 24, firstLineBold: true },
          { title: d('marketing.segmentsReached'), width: 22 },
          { title: d('marketing.partners'), width: 14 },
          { title: d('col.owner'), width: 14 },
          { title: d('reviews.dates'), width: 16 },
          {
            title: currency
              ? d('marketing.budgetIn', { currency })
              : d('common.titleNoCurrency', { title: d('budget.heading') }),
            width: 10,
            numeric: true,
          },
        ],
        rows: m.channels.map((c) => [
          channelCell(loc, c),
          c.segmentIds
            .map((id) => segments.get(id))
            .filter(Boolean)
            .join(semi) || d('marketing.noSegmentYet'),
          c.partnerIds
            .map((id) => partners.get(id))
            .filter(Boolean)
            .join(semi) || '—',
          dash(c.owner),
          c.start || c.end
            ? d('common.fromTo', { start: longDate(c.start), end: longDate(c.end) })
            : '—',
          c.budget === null ? '—' : loc.money(c.budget, currency),
        ]),
        totalRow: [d('col.total'), '', '', '', '', loc.money(spend.total, currency)],
      },
    );
    const against: string[] = [];
    if (spend.outreachLine !== null)
      against.push(
        spend.overOutreach > 0
          ? d('marketing.overOutreach', {
              amount: money(spend.overOutreach),
              line: money(spend.outreachLine),
            })
          : d('marketing.withinOutreach', { line: money(spend.outreachLine) }),
      );
    if (spend.programTotal !== null && spend.shareOfProgram !== null)
      against.push(
        d('marketing.shareOfProgram', {
          share: loc.percent(spend.shareOfProgram, 1),
          total: money(spend.programTotal),
        }),
      );
    blocks.push({
      type: 'paragraph',
      text: [
        against.length
          ? d('marketing.costAgainst', {
              amount: money(spend.total),
              against: against.join(d('marketing.andJoin')),
            })
          : d('marketing.cost', { amount: money(spend.total) }),
        ...(spend.unbudgeted ? [d('marketing.unbudgeted', { count: spend.unbudgeted })] : []),
      ].join(' '),
    });

    // Coverage: segments down, channels across would be too wide for a page; one row a segment.
    const cover = coverage(plan);
    const names = new Map(m.channels.map((c) => [c.id, channelName(loc, c)]));
    if (plan.learners.length > 0)
      blocks.push(
        { type: 'heading', level: 3, text: d('marketing.coverage') },
        {
          type: 'table',
          columns: [
            { title: d('marketing.learnerSegment'), width: 30 },
            { title: d('marketing.reachedBy'), width: 60 },
            { title: d('marketing.channels'), width: 10, numeric: true },
          ],
          rows: plan.learners.map((s) => {
            const ids = cover.bySegment.get(s.id) ?? [];
            return [
              segments.get(s.id)!,
              ids.length ? ids.map((id) => names.get(id)).join(semi) : d('marketing.noChannel'),
              String(ids.length),
            ];
          }),
        },
        {
          type: 'paragraph',
          style: 'note',
          text: cover.unreached.length
            ? d('marketing.unreached', {
                segments: cover.unreached
                  .map((s) => segments.get(s.id))
                  .join(d('punctuation.comma')),
              })
            : d('marketing.allReached'),
        },
      );
  }

  if (m.journeySteps.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: d('marketing.fewestClicks') },
      { type: 'paragraph', text: verdictText(loc, m) },
      {
        type: 'bullets',
        items: m.journeySteps
          .filter((s) => s.trim())
          .map((s, i) => d('engagement.numbered', { number: i + 1, rule: s.trim() })),
      },
    );
  }

  const stories = exportableStories(m);
  if (stories.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: d('marketing.stories') },
      { type: 'paragraph', style: 'note', text: d('marketing.storiesNote') },
    );
    for (const s of stories)
      blocks.push(
        { type: 'heading', level: 3, text: s.title.trim() || d('marketing.untitledStory') },
        ...(s.summary.trim() ? [{ type: 'paragraph' as const, text: s.summary.trim() }] : []),
        {
          type: 'facts',
          rows: [
            [
              d('col.segment'),
              s.segmentId ? (segments.get(s.segmentId) ?? '—') : d('marketing.anySegment'),
            ],
            [
              d('marketing.consent'),
              s.consentDate
                ? d('marketing.givenOn', { date: longDate(s.consentDate) })
                : d('marketing.given'),
            ],
          ],
        },
      );
  }

  if (m.funnel.length > 0) {
    const own = funnelSegments(plan);
    blocks.push(
      { type: 'heading', level: 2, text: d('marketing.journey') },
      {
        type: 'diagram',
        scene: funnelScene(plan, loc),
        caption: d('marketing.journeyCaption'),
        pixelWidth: 1200,
      },
      {
        type: 'table',
        columns: [
          { title: d('marketing.stage'), width: 16, firstLineBold: true },
          { title: d('col.for'), width: 16 },
          { title: d('marketing.touchpoints'), width: 34 },
          { title: d('col.content'), width: 34 },
        ],
        rows: FUNNEL_STAGES.flatMap(({ stage }) =>
          [null, ...own.map((s) => s.id)].flatMap((segmentId) => {
            const row = funnelRow(m.funnel, stage, segmentId);
            if (!row) return [];
            return [
              [
                d(`marketing.funnelStage.${stage}`),
                segmentId ? segments.get(segmentId)! : d('marketing.everyone'),
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
      { type: 'heading', level: 2, text: d('marketing.toolkit') },
      {
        type: 'paragraph',
        text: d('marketing.toolkitReady', { ready, count: m.toolkit.length }),
      },
      {
        type: 'bullets',
        items: m.toolkit.map((t) =>
          t.done
            ? d('marketing.ready', { item: dash(t.label) })
            : d('marketing.toDo', { item: dash(t.label) }),
        ),
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
function channelCell(loc: DocLocale, c: MarketingChannel): string {
  const name = c.name.trim();
  const description = c.description.trim();
  const kind = channelKind(loc, c.kind);
  if (!name) return `${kind}${description ? `\n${description}` : ''}`;
  return `${name}\n${description ? loc.d('common.labelled', { label: kind, text: description }) : kind}`;
}
