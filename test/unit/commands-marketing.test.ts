/**
 * Issue 13, Marketing plan: the commands of the section (toolkit, channels,
 * stories, journey steps and target, funnel cells), the segment cascade to
 * funnel rows, and the figures the section shows (coverage, spend against
 * the budget, the fewest-clicks verdict, stories that may be exported).
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { learnerSegments } from '../../shared/commands/learners';
import {
  addJourneyStep,
  blankChannel,
  blankStory,
  learnerStories,
  marketingChannels,
  moveJourneyStep,
  removeFunnelSegment,
  removeJourneyStep,
  setFunnelCell,
  setJourneyTarget,
  setToolkitNotes,
  toolkitItems,
  updateJourneyStep,
} from '../../shared/commands/marketing';
import { commit, createHistory, undo } from '../../shared/history';
import {
  channelName,
  coverage,
  exportableStories,
  journeyVerdict,
  looksLikeContactDetails,
  marketingSpend,
  storiesWithoutConsent,
} from '../../shared/launch/marketing';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('marketing commands', () => {
  it('add, edit, tick, reorder and delete toolkit items', () => {
    const added = run(
      sample,
      toolkitItems.add({ item: { id: 'tk-new', label: 'Logo pack', done: false } }),
    );
    expect(added.label).toBe('Add toolkit item “Logo pack”');
    expect(added.location).toEqual({ section: 'marketing', focus: 'tk-new' });
    const done = run(added.plan, toolkitItems.update({ id: 'tk-new', patch: { done: true } }));
    expect(done.label).toBe('Edit done mark of “Logo pack”');
    const moved = run(done.plan, toolkitItems.move({ id: 'tk-new', to: 0 }));
    expect(moved.plan.launch.marketing.toolkit[0]).toEqual({
      id: 'tk-new',
      label: 'Logo pack',
      done: true,
    });
    const removed = run(moved.plan, toolkitItems.remove({ ids: ['tk-new'] }));
    expect(removed.plan.launch.marketing.toolkit).toEqual(sample.launch.marketing.toolkit);
    const notes = run(sample, setToolkitNotes({ notes: 'Short' }));
    expect(notes.plan.launch.marketing.toolkitNotes).toBe('Short');
  });

  it('add a channel reaching a segment with a budget; coverage and spend follow; undo restores', () => {
    const bare = {
      ...sample,
      launch: { ...sample.launch, marketing: { ...sample.launch.marketing, channels: [] } },
    };
    expect(coverage(bare).unreached.map((s) => s.id)).toEqual(sample.learners.map((s) => s.id));
    const added = run(bare, marketingChannels.add({ item: blankChannel('paidAds', 'ch-x') }));
    expect(added.label).toBe('Add channel “Paid ads”');
    expect(coverage(added.plan).reachNone.map((c) => c.id)).toEqual(['ch-x']);
    const reach = run(
      added.plan,
      marketingChannels.update({ id: 'ch-x', patch: { segmentIds: ['seg-neet'] } }),
    );
    expect(reach.label).toBe('Edit segments reached of “Paid ads”');
    expect(coverage(reach.plan).reachNone).toEqual([]);
    expect(coverage(reach.plan).bySegment.get('seg-neet')).toEqual(['ch-x']);
    expect(coverage(reach.plan).unreached.map((s) => s.id)).not.toContain('seg-neet');
    const paid = run(
      reach.plan,
      marketingChannels.update({ id: 'ch-x', patch: { budget: 1200.5 } }),
    );
    expect(marketingSpend(paid.plan.launch.marketing, paid.plan.budget).total).toBe(1200.5);
    let history = commit(createHistory(bare), added.plan, { ...added, name: added.label }, 0);
    history = commit(history, paid.plan, { ...paid, name: paid.label }, 5000);
    history = undo(history);
    expect(history.present).toBe(added.plan);
  });

  it('sums the channels against the outreach line and the whole budget', () => {
    const spend = marketingSpend(sample.launch.marketing, sample.budget);
    expect(spend.total).toBe(63_500);
    expect(spend.unbudgeted).toBe(0);
    expect(spend.outreachLine).toBe(sample.budget.lines.outreach);
    const tight = marketingSpend(sample.launch.marketing, {
      total: 100_000,
      lines: { ...sample.budget.lines, outreach: 60_000 },
    });
    expect(tight.overOutreach).toBe(3_500);
    expect(tight.shareOfProgram).toBeCloseTo(0.635);
    const none = marketingSpend(
      { channels: [] },
      { total: null, lines: { ...sample.budget.lines, outreach: null } },
    );
    expect(none).toMatchObject({
      total: 0,
      overOutreach: 0,
      shareOfProgram: null,
      outreachLine: null,
    });
  });

  it('stories: added without consent, flagged, and only those with consent are exportable', () => {
    const added = run(
      sample,
      learnerStories.add({ item: blankStory('story-new', 'Ana finds a job') }),
    );
    expect(added.label).toBe('Add learner story “Ana finds a job”');
    const m = added.plan.launch.marketing;
    expect(storiesWithoutConsent(m).map((s) => s.id)).toEqual(['story-new']);
    expect(exportableStories(m).map((s) => s.id)).not.toContain('story-new');
    const consent = run(
      added.plan,
      learnerStories.update({
        id: 'story-new',
        patch: { consentGiven: true, consentDate: '2027-01-05' },
      }),
    );
    expect(exportableStories(consent.plan.launch.marketing).map((s) => s.id)).toContain(
      'story-new',
    );
  });

  it('journey steps: add, reword, reorder, delete, target; the verdict counts them', () => {
    expect(journeyVerdict(sample.launch.marketing)).toMatchObject({
      steps: 3,
      target: 3,
      withinTarget: true,
      text: '3 steps from invitation to first lesson: within the target of 3 steps.',
    });
    const added = run(sample, addJourneyStep({ text: 'Create a password', index: 1 }));
    expect(added.label).toBe('Add journey step “Create a password”');
    expect(added.plan.launch.marketing.journeySteps[1]).toBe('Create a password');
    const verdict = journeyVerdict(added.plan.launch.marketing);
    expect(verdict.withinTarget).toBe(false);
    expect(verdict.text).toBe(
      '4 steps from invitation to first lesson: 1 step over the target of 3 steps. Remove a step where you can.',
    );
    const reworded = run(added.plan, updateJourneyStep({ index: 1, text: 'Set a password' }));
    expect(reworded.coalesceKey).toBe('journeyStep.update:1');
    const moved = run(reworded.plan, moveJourneyStep({ from: 1, to: 3 }));
    expect(moved.plan.launch.marketing.journeySteps[3]).toBe('Set a password');
    const removed = run(moved.plan, removeJourneyStep({ index: 3 }));
    expect(removed.label).toBe('Delete journey step “Set a password”');
    expect(removed.plan.launch.marketing.journeySteps).toEqual(
      sample.launch.marketing.journeySteps,
    );
    const target = run(sample, setJourneyTarget({ target: 5 }));
    expect(target.plan.launch.marketing.journeyStepsTarget).toBe(5);
    expect(runCommand(sample, setJourneyTarget({ target: 0 }))).toMatchObject({ ok: false });
    expect(journeyVerdict({ journeySteps: [], journeyStepsTarget: 5 }).text).toBe(
      'No steps listed yet; the target is 5 steps at most.',
    );
  });

  it('funnel cells: edit for everyone, add and drop a segment row; deleting a segment drops its rows', () => {
    const edited = run(
      sample,
      setFunnelCell({ stage: 'awareness', segmentId: null, field: 'content', text: 'Posters' }),
    );
    expect(edited.label).toBe('Edit content of Awareness');
    expect(edited.plan.launch.marketing.funnel[0]!.content).toBe('Posters');
    const own = run(
      edited.plan,
      setFunnelCell({
        stage: 'consideration',
        segmentId: 'seg-parents',
        field: 'touchpoints',
        text: 'Nursery boards',
      }),
    );
    expect(own.label).toBe(
      `Edit touchpoints of Consideration, ${sample.learners.find((s) => s.id === 'seg-parents')!.name}`,
    );
    expect(own.plan.launch.marketing.funnel.at(-1)).toEqual({
      stage: 'consideration',
      segmentId: 'seg-parents',
      touchpoints: 'Nursery boards',
      content: '',
    });
    // Emptying both fields drops the row.
    const cleared = run(
      own.plan,
      setFunnelCell({
        stage: 'consideration',
        segmentId: 'seg-parents',
        field: 'touchpoints',
        text: '',
      }),
    );
    expect(cleared.plan.launch.marketing.funnel).toHaveLength(
      sample.launch.marketing.funnel.length,
    );
    expect(
      runCommand(
        sample,
        setFunnelCell({ stage: 'awareness', segmentId: 'seg-gone', field: 'content', text: 'x' }),
      ),
    ).toMatchObject({ ok: false });
    const dropped = run(own.plan, removeFunnelSegment({ segmentId: 'seg-parents' }));
    expect(dropped.plan.launch.marketing.funnel.some((r) => r.segmentId === 'seg-parents')).toBe(
      false,
    );
    // The segment cascade reaches funnel rows, channels and stories.
    const deleted = run(own.plan, learnerSegments.remove({ ids: ['seg-parents'] }));
    const m = deleted.plan.launch.marketing;
    expect(m.funnel.some((r) => r.segmentId === 'seg-parents')).toBe(false);
    expect(m.funnel.filter((r) => r.segmentId === null)).toHaveLength(4);
    expect(m.channels.some((c) => c.segmentIds.includes('seg-parents'))).toBe(false);
    expect(m.stories.some((s) => s.segmentId === 'seg-parents')).toBe(false);
  });

  it('names a channel by its name, else its description, else its kind', () => {
    expect(channelName({ kind: 'email', name: ' Spring  invites ', description: 'Invites' })).toBe(
      'Spring invites',
    );
    expect(channelName({ kind: 'email', name: '', description: '' })).toBe('E-mail');
    expect(channelName({ kind: 'email', description: '' })).toBe('E-mail');
    expect(channelName({ kind: 'email', description: 'Invites' })).toBe('Invites');
    expect(channelName({ kind: 'email', description: 'x'.repeat(60) })).toBe(`${'x'.repeat(39)}…`);
  });

  it('spots contact details where the consent record should only say where consent is kept', () => {
    for (const note of sample.launch.marketing.stories.map((s) => s.consentNote))
      expect(looksLikeContactDetails(note)).toBe(false);
    expect(looksLikeContactDetails('Signed form YDF-C-014, 2026')).toBe(false);
    expect(looksLikeContactDetails('ask dani.k@example.org')).toBe(true);
    expect(looksLikeContactDetails('call +44 7700 900123')).toBe(true);
    expect(looksLikeContactDetails('tel. 0612-345-678')).toBe(true);
  });
});
