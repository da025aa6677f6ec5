/**
 * Commands of the Marketing plan section (Launch): the partner toolkit
 * checklist, channels, learner stories, the "fewest clicks to start"
 * journey steps and target, and the learner-journey funnel (one row per
 * stage and segment, null for everyone). Deleting a segment clears it from
 * channels, stories and funnel rows (commands/learners.ts).
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type {
  FunnelStage,
  LearnerStory,
  MarketingChannel,
  Plan,
  ToolkitItem,
} from '../plan/schema';
import { CommandRefusal, defineCommand, quoted } from './command';
import { defineListCommands } from './lists';
import { channelName } from '../launch/marketing';

const SECTION = 'marketing' as const;

/** Commands of the partner toolkit / admin guide checklist. */
export const toolkitItems = defineListCommands<ToolkitItem>({
  kind: 'toolkitItem',
  section: SECTION,
  list: (plan) => plan.launch.marketing.toolkit,
  titleOf: (t) => t.label,
  fields: { label: 'wording', done: 'doneMark' },
});

/** Commands of the marketing channels. */
export const marketingChannels = defineListCommands<MarketingChannel>({
  kind: 'marketingChannel',
  section: SECTION,
  list: (plan) => plan.launch.marketing.channels,
  titleOf: (c, t) => channelName(c, (kind) => t(`marketing:kinds.${kind}`)),
  fields: {
    kind: 'kind',
    name: 'name',
    description: 'description',
    segmentIds: 'segmentsReached',
    partnerIds: 'outreachPartners',
    budget: 'budget',
    owner: 'owner',
    start: 'startDate',
    end: 'endDate',
  },
});

/** Commands of the learner stories. */
export const learnerStories = defineListCommands<LearnerStory>({
  kind: 'learnerStory',
  section: SECTION,
  list: (plan) => plan.launch.marketing.stories,
  titleOf: (s) => s.title,
  fields: {
    title: 'title',
    summary: 'story',
    segmentId: 'segment',
    consentGiven: 'consent',
    consentDate: 'consentDate',
    consentNote: 'whereConsentIsRecorded',
  },
});

/** A new channel of a kind, reaching no segment yet. */
export function blankChannel(kind: MarketingChannel['kind'], id: string): MarketingChannel {
  return {
    id,
    kind,
    name: '',
    description: '',
    segmentIds: [],
    partnerIds: [],
    budget: null,
    owner: '',
    start: null,
    end: null,
  };
}

/** A new story without consent yet. */
export function blankStory(id: string, title = 'New learner story'): LearnerStory {
  return {
    id,
    title,
    summary: '',
    segmentId: null,
    consentGiven: false,
    consentDate: null,
    consentNote: '',
  };
}

/** Sets the toolkit notes. */
export const setToolkitNotes = defineCommand<{ notes: string }>({
  type: 'marketing.setToolkitNotes',
  label: (_args, _plan, t = englishTranslator) => t('commands:marketing.editToolkitNotes'),
  coalesce: () => 'marketing.setToolkitNotes',
  locate: () => ({ section: SECTION }),
  apply(draft, { notes }) {
    draft.launch.marketing.toolkitNotes = notes;
  },
});

const MAX_STEPS = 100;

/** Adds a journey step at `index` (default: the end). */
export const addJourneyStep = defineCommand<{ text: string; index?: number }>({
  type: 'journeyStep.add',
  label: ({ text }, _plan, t = englishTranslator) =>
    quoted(text)
      ? t('commands:marketing.addJourneyStepTitled', { title: quoted(text) })
      : t('commands:marketing.addJourneyStep'),
  locate: () => ({ section: SECTION, focus: 'journey' }),
  apply(draft, { text, index }) {
    const steps = draft.launch.marketing.journeySteps;
    if (steps.length >= MAX_STEPS)
      throw CommandRefusal.of('tooManyJourneySteps', { max: MAX_STEPS });
    const at = index === undefined ? steps.length : Math.max(0, Math.min(steps.length, index));
    steps.splice(at, 0, text);
  },
});

/** Rewords the journey step at `index`. */
export const updateJourneyStep = defineCommand<{ index: number; text: string }>({
  type: 'journeyStep.update',
  label: ({ index }, _plan, t = englishTranslator) =>
    t('commands:marketing.editJourneyStep', { number: index + 1 }),
  coalesce: ({ index }) => `journeyStep.update:${index}`,
  locate: () => ({ section: SECTION, focus: 'journey' }),
  apply(draft, { index, text }) {
    const steps = draft.launch.marketing.journeySteps;
    if (index >= 0 && index < steps.length) steps[index] = text;
  },
});

/** Removes the journey step at `index`. */
export const removeJourneyStep = defineCommand<{ index: number }>({
  type: 'journeyStep.remove',
  label: ({ index }, plan, t = englishTranslator) => {
    const text = quoted(plan.launch.marketing.journeySteps[index]);
    return t('commands:marketing.removeJourneyStep', { step: text || String(index + 1) });
  },
  locate: () => ({ section: SECTION, focus: 'journey' }),
  apply(draft, { index }) {
    const steps = draft.launch.marketing.journeySteps;
    if (index >= 0 && index < steps.length) steps.splice(index, 1);
  },
});

/** Moves the journey step at `from` to `to`. */
export const moveJourneyStep = defineCommand<{ from: number; to: number }>({
  type: 'journeyStep.move',
  label: (_args, _plan, t = englishTranslator) => t('commands:marketing.moveJourneyStep'),
  locate: () => ({ section: SECTION, focus: 'journey' }),
  apply(draft, { from, to }) {
    const steps = draft.launch.marketing.journeySteps;
    if (from < 0 || from >= steps.length) return;
    const target = Math.max(0, Math.min(steps.length - 1, to));
    if (target === from) return;
    const [step] = steps.splice(from, 1);
    steps.splice(target, 0, step!);
  },
});

/** Sets the most steps the journey should take (1–100). */
export const setJourneyTarget = defineCommand<{ target: number }>({
  type: 'marketing.setJourneyTarget',
  label: ({ target }, _plan, t = englishTranslator) =>
    t('commands:marketing.setJourneyTarget', { target }),
  coalesce: () => 'marketing.setJourneyTarget',
  locate: () => ({ section: SECTION, focus: 'journey' }),
  apply(draft, { target }) {
    if (!Number.isInteger(target) || target < 1 || target > MAX_STEPS)
      throw CommandRefusal.of('journeyTargetRange', { max: MAX_STEPS });
    draft.launch.marketing.journeyStepsTarget = target;
  },
});

/** Names a funnel cell for step names: “Awareness” (everyone) or “Awareness, Parents”. */
function funnelCellName(
  plan: Plan,
  stage: FunnelStage['stage'],
  segmentId: string | null,
  t: Translator,
): string {
  const segment = segmentId ? plan.learners.find((s) => s.id === segmentId)?.name : null;
  return segment
    ? t('commands:marketing.stageOfSegment', { stage, segment })
    : t('commands:marketing.stage', { stage });
}

/** Funnel text fields a row holds. */
export type FunnelField = 'touchpoints' | 'content';

/**
 * Sets the touchpoints or content of one funnel cell (a stage for everyone,
 * or for one segment); makes the row if there is none, and drops it when
 * both fields end up empty.
 */
export const setFunnelCell = defineCommand<{
  stage: FunnelStage['stage'];
  segmentId: string | null;
  field: FunnelField;
  text: string;
}>({
  type: 'funnel.setCell',
  label: ({ stage, segmentId, field }, plan, t = englishTranslator) =>
    t('commands:marketing.editFunnelCell', {
      field,
      cell: funnelCellName(plan, stage, segmentId, t),
    }),
  coalesce: ({ stage, segmentId, field }) => `funnel.setCell:${stage}:${segmentId ?? ''}:${field}`,
  locate: () => ({ section: SECTION, focus: 'funnel' }),
  apply(draft, { stage, segmentId, field, text }) {
    const funnel = draft.launch.marketing.funnel;
    if (segmentId !== null && !draft.learners.some((s) => s.id === segmentId))
      throw CommandRefusal.of('segmentGone');
    const index = funnel.findIndex((r) => r.stage === stage && r.segmentId === segmentId);
    if (index < 0) {
      if (text === '') return;
      funnel.push({ stage, segmentId, touchpoints: '', content: '', [field]: text });
      return;
    }
    const row = funnel[index]!;
    row[field] = text;
    if (row.touchpoints === '' && row.content === '') funnel.splice(index, 1);
  },
});

/** Removes every funnel row of a segment (its own column of the journey). */
export const removeFunnelSegment = defineCommand<{ segmentId: string }>({
  type: 'funnel.removeSegment',
  label: ({ segmentId }, plan, t = englishTranslator) => {
    const name = quoted(plan.learners.find((s) => s.id === segmentId)?.name);
    return name
      ? t('commands:marketing.removeFunnelSegmentNamed', { name })
      : t('commands:marketing.removeFunnelSegment');
  },
  locate: () => ({ section: SECTION, focus: 'funnel' }),
  apply(draft, { segmentId }) {
    const funnel = draft.launch.marketing.funnel;
    const kept = funnel.filter((r) => r.segmentId !== segmentId);
    if (kept.length !== funnel.length) draft.launch.marketing.funnel = kept;
  },
});
