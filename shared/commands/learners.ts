/** Commands of the Learners section: segments, their barriers, incentives and persona. */
import { englishTranslator } from '../i18n/english';
import { newId } from '../plan/create';
import type { LearnerSegment, Plan } from '../plan/schema';
import { defineCommand } from './command';
import { defineListCommands } from './lists';

type Incentive = LearnerSegment['incentives'][number];
type Barrier = LearnerSegment['barriers'][number];
type Persona = NonNullable<LearnerSegment['persona']>;

/** Removes every reference to the given segments (pathways, indicators, marketing, funnel rows, communications' audiences). */
function forgetSegments(plan: Plan, ids: ReadonlySet<string>): void {
  for (const p of plan.content.pathways) {
    if (p.segmentIds.some((id) => ids.has(id)))
      p.segmentIds = p.segmentIds.filter((id) => !ids.has(id));
  }
  for (const i of plan.indicators) {
    if (i.disaggregation.some((id) => ids.has(id))) {
      i.disaggregation = i.disaggregation.filter((id) => !ids.has(id));
    }
  }
  for (const c of plan.launch.marketing.channels) {
    if (c.segmentIds.some((id) => ids.has(id)))
      c.segmentIds = c.segmentIds.filter((id) => !ids.has(id));
  }
  for (const c of plan.launch.communications) {
    if (c.segmentIds.some((id) => ids.has(id)))
      c.segmentIds = c.segmentIds.filter((id) => !ids.has(id));
  }
  for (const x of [...plan.manage.engagement, ...plan.manage.followUps]) {
    if (x.segmentIds.some((id) => ids.has(id)))
      x.segmentIds = x.segmentIds.filter((id) => !ids.has(id));
  }
  for (const story of plan.launch.marketing.stories) {
    if (story.segmentId !== null && ids.has(story.segmentId)) story.segmentId = null;
  }
  const funnel = plan.launch.marketing.funnel;
  if (funnel.some((r) => r.segmentId !== null && ids.has(r.segmentId)))
    plan.launch.marketing.funnel = funnel.filter(
      (r) => r.segmentId === null || !ids.has(r.segmentId),
    );
}

/** A new segment with every field at its default. */
export function blankSegment(name = 'New segment', id = newId('seg')): LearnerSegment {
  return {
    id,
    name,
    populationType: 'other',
    estimatedSize: null,
    expectedParticipants: null,
    barriers: [],
    barrierNotes: '',
    motivators: '',
    incentives: [],
    persona: null,
  };
}

/** Commands of the learner segments; deleting one drops every reference to it. */
export const learnerSegments = defineListCommands<LearnerSegment>({
  kind: 'segment',
  section: 'learners',
  list: (plan) => plan.learners,
  titleOf: (s) => s.name,
  fields: {
    name: 'name',
    populationType: 'populationType',
    estimatedSize: 'size',
    expectedParticipants: 'expectedParticipants',
    barrierNotes: 'barrierNotes',
    motivators: 'motivators',
  },
  onRemove: forgetSegments,
});

/** Commands of a segment's incentives (`parentId`: the segment). */
export const incentives = defineListCommands<Incentive>({
  kind: 'incentive',
  section: 'learners',
  list: (plan, segmentId) => plan.learners.find((s) => s.id === segmentId)?.incentives,
  titleOf: (i) => i.description,
  fields: { type: 'type', description: 'description', costPerLearner: 'costPerLearner' },
  focusOf: (_id, segmentId) => segmentId,
});

/** Ticks or unticks a barrier of a segment. */
export const setBarrier = defineCommand<{ segmentId: string; barrier: Barrier; present: boolean }>({
  type: 'segment.setBarrier',
  label: ({ present }, _plan, t = englishTranslator) =>
    present ? t('commands:learners.addBarrier') : t('commands:learners.removeBarrier'),
  locate: ({ segmentId }) => ({ section: 'learners', focus: segmentId }),
  apply(draft, { segmentId, barrier, present }) {
    const s = draft.learners.find((x) => x.id === segmentId);
    if (!s) return;
    const others = s.barriers.filter((b) => b !== barrier);
    if (present && others.length === s.barriers.length) s.barriers = [...others, barrier];
    if (!present && others.length !== s.barriers.length) s.barriers = others;
  },
});

/** Adds, changes (fields) or removes (null) a segment's persona. */
export const setPersona = defineCommand<{ segmentId: string; persona: Partial<Persona> | null }>({
  type: 'segment.setPersona',
  label({ persona }, _plan, t = englishTranslator) {
    if (persona === null) return t('commands:learners.removePersona');
    const keys = Object.keys(persona);
    return keys.length === 1
      ? t('commands:learners.editPersona', { field: keys[0]! })
      : t('commands:learners.addPersona');
  },
  coalesce: ({ segmentId, persona }) =>
    persona && Object.keys(persona).length === 1
      ? `segment.setPersona:${segmentId}:${Object.keys(persona)[0]}`
      : null,
  locate: ({ segmentId }) => ({ section: 'learners', focus: segmentId }),
  apply(draft, { segmentId, persona }) {
    const s = draft.learners.find((x) => x.id === segmentId);
    if (!s) return;
    if (persona === null) s.persona = null;
    else s.persona = { name: '', situation: '', goals: '', quote: '', ...s.persona, ...persona };
  },
});
