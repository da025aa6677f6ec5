/**
 * Engagement across the whole register: every action and checkpoint by
 * date with overdue ones first, and the program's recurring industry
 * checkpoints (employer panels, labour-market reviews) that run for the
 * whole program.
 */
import { useId, useMemo, useState } from 'react';
import {
  blankCheckpoint,
  industryCheckpoints,
  markCheckpointHeld,
} from '../../../../shared/commands/stakeholders';
import type { Plan } from '../../../../shared/plan/schema';
import { engagementItems } from '../../../../shared/stakeholders/register';
import {
  describeDue,
  describeRepeat,
  dueStatus,
  REPEAT_OPTIONS,
} from '../../../../shared/stakeholders/schedule';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useStakeholderEdits } from './edits';
import { useToday } from './today';
import { select, setView, toggleExpanded } from './view-store';

type Checkpoint = Plan['stakeholders']['checkpoints'][number];
type Show = 'open' | 'overdue' | 'all';

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (d: string | null) => (d ? dateFmt.format(new Date(`${d}T12:00:00`)) : '—');

function ActionList() {
  const entries = usePlan((p) => p.stakeholders.entries);
  const today = useToday();
  const edits = useStakeholderEdits();
  const [show, setShow] = useState<Show>('open');
  const all = useMemo(() => engagementItems(entries, today), [entries, today]);
  const overdue = all.filter((i) => i.status.state === 'overdue').length;
  const items = all.filter((i) =>
    show === 'all' ? true : show === 'overdue' ? i.status.state === 'overdue' : !i.done,
  );
  const headingId = useId();
  const open = (stakeholderId: string) => {
    setView({ tab: 'register' });
    toggleExpanded(stakeholderId, true);
    select(stakeholderId);
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="sh-card-head">
        <h2 id={headingId}>
          Engagement actions and checkpoints
          {overdue > 0 && <span className="sh-overdue-pill">{overdue} overdue</span>}
        </h2>
        <fieldset className="sh-segmented">
          <legend className="visually-hidden">Show</legend>
          {(
            [
              ['open', 'Open'],
              ['overdue', 'Overdue'],
              ['all', 'All'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} data-checked={show === value || undefined}>
              <input
                type="radio"
                name="sh-engagement-show"
                checked={show === value}
                onChange={() => setShow(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {items.length === 0 ? (
        <p className="section-note">
          {show === 'overdue' ? 'Nothing is overdue.' : 'No engagement actions to show.'}
        </p>
      ) : (
        <div className="sh-table-wrap">
          <table className="sh-table sh-table--plain">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Date</th>
                <th scope="col">Stakeholder</th>
                <th scope="col">Action</th>
                <th scope="col">Who</th>
                <th scope="col">Repeats</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr
                  key={`${i.kind}-${i.id}`}
                  className={`sh-due-row sh-due-row--${i.status.state}`}
                >
                  <td>
                    <span className={`sh-due sh-due--${i.status.state}`}>
                      {describeDue(i.status)}
                    </span>
                  </td>
                  <td>{formatDate(i.when)}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => open(i.stakeholderId)}
                    >
                      {i.stakeholderName || 'Unnamed'}
                    </button>
                  </td>
                  <td>
                    {i.kind === 'checkpoint' ? 'Next checkpoint' : i.what || 'Untitled action'}
                  </td>
                  <td>{i.who}</td>
                  <td>{i.kind === 'action' ? describeRepeat(i.repeatEveryDays) : '—'}</td>
                  <td>
                    {i.kind === 'action' && !i.done && (
                      <button
                        type="button"
                        aria-label={`${i.repeatEveryDays ? 'Mark held' : 'Mark done'}: ${i.what || 'action'} with ${i.stakeholderName}`}
                        onClick={() => edits.completeAction(i.stakeholderId, i.id, today)}
                      >
                        {i.repeatEveryDays ? 'Held' : 'Done'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CheckpointEditor({ checkpoint, index }: { checkpoint: Checkpoint; index: number }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const today = useToday();
  const status = dueStatus(checkpoint.nextDate, false, today);
  const title = checkpoint.title.trim() || `Checkpoint ${index + 1}`;
  const update = (patch: Partial<Checkpoint>) =>
    dispatch(industryCheckpoints.update({ id: checkpoint.id, patch }));
  return (
    <fieldset className={`sh-checkpoint sh-due-row--${status.state}`}>
      <legend>{title}</legend>
      <div className="sh-checkpoint-grid">
        <TextField
          className="sh-span-2"
          label="Checkpoint"
          value={checkpoint.title}
          onChange={(v) => update({ title: v })}
          onBlur={seal}
        />
        <SelectField
          label="Repeats"
          value={String(checkpoint.repeatEveryDays ?? '')}
          options={[
            ...REPEAT_OPTIONS.map((o) => ({ value: String(o.days ?? ''), label: o.label })),
            ...(REPEAT_OPTIONS.some((o) => o.days === checkpoint.repeatEveryDays)
              ? []
              : [
                  {
                    value: String(checkpoint.repeatEveryDays),
                    label: describeRepeat(checkpoint.repeatEveryDays),
                  },
                ]),
          ]}
          onChange={(v) => update({ repeatEveryDays: v === '' ? null : Number(v) })}
        />
        <DateField
          label="Next date"
          value={checkpoint.nextDate}
          onChange={(v) => update({ nextDate: v })}
        />
        <TextAreaField
          className="sh-span-all"
          label="Notes"
          value={checkpoint.notes}
          onChange={(v) => update({ notes: v })}
          onBlur={seal}
          rows={2}
        />
      </div>
      <div className="sh-action-foot">
        <span className={`sh-due sh-due--${status.state}`}>{describeDue(status)}</span>
        <button
          type="button"
          aria-label={`Mark held: ${title}`}
          disabled={!checkpoint.nextDate && !checkpoint.repeatEveryDays}
          onClick={() => dispatch(markCheckpointHeld({ id: checkpoint.id, today }))}
        >
          {checkpoint.repeatEveryDays ? 'Held — schedule next' : 'Held'}
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={`Remove checkpoint: ${title}`}
          onClick={() => dispatch(industryCheckpoints.remove({ ids: [checkpoint.id] }))}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function IndustryCheckpoints() {
  const checkpoints = usePlan((p) => p.stakeholders.checkpoints);
  const dispatch = useDispatch();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Industry checkpoints</h2>
      <p className="section-note">
        Recurring check-ins with employers and labour-market experts that run for the whole program.
        Marking one held schedules the next.
      </p>
      {checkpoints.map((c, i) => (
        <CheckpointEditor key={c.id} checkpoint={c} index={i} />
      ))}
      <button
        type="button"
        onClick={() => dispatch(industryCheckpoints.add({ item: blankCheckpoint() }))}
      >
        Add industry checkpoint
      </button>
    </section>
  );
}

/** The engagement tab. */
export function Engagement() {
  return (
    <div className="sh-engagement">
      <ActionList />
      <IndustryCheckpoints />
    </div>
  );
}
