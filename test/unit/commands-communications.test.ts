/**
 * Commands of the Communications section (Launch), without React: launch
 * details, adding a communication from its kind's draft, editing, deleting
 * with undo, and where each step is seen.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { communications, updateLaunchDetails } from '../../shared/commands/communications';
import { learnerSegments } from '../../shared/commands/learners';
import { commit, createHistory, redo, undo } from '../../shared/history';
import { draftCommunication } from '../../shared/launch/communication-drafts';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('launch details', () => {
  it('sets the registration link, named and coalesced per field', () => {
    const out = run(
      sample,
      updateLaunchDetails({ patch: { registrationLink: 'https://example.org/go' } }),
    );
    expect(out.plan.launch.details.registrationLink).toBe('https://example.org/go');
    expect(out.plan.launch.details.supportContact).toBe(sample.launch.details.supportContact);
    expect(out.label).toBe('Edit registration link');
    expect(out.coalesceKey).toBe('launchDetails.update:registrationLink');
    expect(out.location).toEqual({ section: 'communications' });
  });
});

describe('communications', () => {
  it('adds a launch e-mail from its draft in one step, ready to edit', () => {
    const draft = draftCommunication('launchEmail', 'comm-new');
    const out = run(sample, communications.add({ item: draft }));
    const added = out.plan.launch.communications.at(-1)!;
    expect(added).toMatchObject({
      id: 'comm-new',
      kind: 'launchEmail',
      title: 'Launch e-mail',
      status: 'draft',
      send: { anchor: 'launch', offsetDays: 0 },
    });
    expect(added.body).toContain('{registrationLink}');
    expect(out.label).toBe('Add communication “Launch e-mail”');
    expect(out.location).toEqual({ section: 'communications', focus: 'comm-new' });
  });

  it('edits subject, audience, send date and status, each a named step', () => {
    const id = 'comm-launch';
    const subject = run(sample, communications.update({ id, patch: { subject: 'Hello' } }));
    expect(subject.label).toBe(
      'Edit subject of “Digital Futures is open: start your first lesson today”',
    );
    const audience = run(
      subject.plan,
      communications.update({ id, patch: { segmentIds: ['seg-neet'] } }),
    );
    expect(audience.label).toMatch(/^Edit audience of/);
    const send = run(
      audience.plan,
      communications.update({ id, patch: { send: { anchor: 'date', date: '2027-03-30' } } }),
    );
    const status = run(send.plan, communications.update({ id, patch: { status: 'ready' } }));
    expect(status.plan.launch.communications.find((c) => c.id === id)).toMatchObject({
      subject: 'Hello',
      segmentIds: ['seg-neet'],
      send: { anchor: 'date', date: '2027-03-30' },
      status: 'ready',
    });
  });

  it('deletes with undo and redo through the history', () => {
    let history = createHistory(sample);
    const out = run(sample, communications.remove({ ids: ['comm-wave2-reminder'] }));
    expect(out.label).toBe('Delete communication “Your place is waiting: wave 2 reminder”');
    history = commit(history, out.plan, { ...out, name: out.label }, 0);
    expect(history.present.launch.communications.map((c) => c.id)).not.toContain(
      'comm-wave2-reminder',
    );
    history = undo(history);
    expect(history.present.launch.communications.map((c) => c.id)).toContain('comm-wave2-reminder');
    history = redo(history);
    expect(history.present.launch.communications).toHaveLength(
      sample.launch.communications.length - 1,
    );
  });

  it('forgets a deleted learner segment in every audience', () => {
    const aimed = run(
      sample,
      communications.update({
        id: 'comm-launch',
        patch: { segmentIds: ['seg-neet', 'seg-graduates'] },
      }),
    ).plan;
    const out = run(aimed, learnerSegments.remove({ ids: ['seg-neet'] }));
    expect(out.plan.launch.communications.find((c) => c.id === 'comm-launch')!.segmentIds).toEqual([
      'seg-graduates',
    ]);
  });
});
