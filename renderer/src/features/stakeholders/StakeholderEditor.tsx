/**
 * Everything about one stakeholder: who they are, where they sit and where
 * the team wants them, the recommended approach, linked interventions,
 * engagement actions and the history of quadrant moves. Used in the matrix
 * side panel and in the register's expanded rows.
 */
import { useId } from 'react';
import type { Stakeholder, TocNode } from '../../../../shared/plan/schema';
import { quadrantMoves } from '../../../../shared/stakeholders/movement';
import { QUADRANT_INFO, quadrantOf } from '../../../../shared/stakeholders/quadrants';
import {
  CATEGORY_INFO,
  categoryOf,
  isPlaced,
  STANCE_INFO,
  type Category,
} from '../../../../shared/stakeholders/register';
import {
  describeDue,
  describeRepeat,
  dueStatus,
  REPEAT_OPTIONS,
} from '../../../../shared/stakeholders/schedule';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection } from '../../app/workbench';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { linkIntervention, stakeholders } from '../../../../shared/commands/stakeholders';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useStakeholderEdits } from './edits';
import { ScoreInput } from './ScoreInput';
import { useToday } from './today';

/** Options of the combined "type" select (stakeholder, or partner of a type). */
export const TYPE_OPTIONS = CATEGORY_INFO.map((c) => ({ value: c.id, label: c.short }));

/** The relation and partner type for a chosen category. */
export function fromCategory(category: Category): Pick<Stakeholder, 'relation' | 'partnerType'> {
  return category === 'stakeholder'
    ? { relation: 'stakeholder', partnerType: null }
    : { relation: 'partner', partnerType: category };
}

const STANCE_OPTIONS = STANCE_INFO.map((s) => ({ value: s.id, label: s.label }));

/** The theory-of-change section, once a colleague's feature has registered it. */
function tocSection(): SectionId | null {
  const found = PLAN_SECTIONS.find(
    (s) => /theory/i.test(s.id) || /theory of change/i.test(s.label),
  );
  return (found?.id as SectionId | undefined) ?? null;
}

/** The recommended approach for where a stakeholder sits. */
export function ApproachNote({
  entry,
}: {
  entry: Pick<Stakeholder, 'power' | 'interest' | 'placed'>;
}) {
  if (!isPlaced(entry)) {
    return (
      <div className="sh-approach">
        <p className="sh-approach-title">
          <span className="sh-quadrant-badge">Unplaced</span>
        </p>
        <p className="sh-approach-text">
          Not on the matrix yet, so in no quadrant: type its power and interest, or drag it from the
          Unplaced tray onto the matrix.
        </p>
      </div>
    );
  }
  const info = QUADRANT_INFO[quadrantOf(entry)];
  return (
    <div className={`sh-approach sh-approach--${info.id}`}>
      <p className="sh-approach-title">
        <span className="sh-quadrant-badge">{info.label}</span>
        <span className="sh-approach-scores">
          Power {entry.power} · Interest {entry.interest}
        </span>
      </p>
      <p className="sh-approach-text">{info.approach}</p>
      <p className="sh-approach-rhythm">{info.rhythm}</p>
    </div>
  );
}

function Interventions({ entry }: { entry: Stakeholder }) {
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const dispatch = useDispatch();
  const interventions = nodes.filter((n: TocNode) => n.kind === 'intervention');
  const missing = entry.interventionIds.filter((id) => !interventions.some((n) => n.id === id));
  const section = tocSection();
  const toggle = (id: string, on: boolean) =>
    dispatch(linkIntervention({ id: entry.id, interventionId: id, linked: on }));
  return (
    <fieldset className="sh-fieldset">
      <legend>Interventions they deliver or influence</legend>
      {interventions.length === 0 && (
        <p className="section-note">The theory of change has no interventions yet.</p>
      )}
      <ul className="sh-check-list">
        {interventions.map((n) => (
          <li key={n.id}>
            <label className="sh-check">
              <input
                type="checkbox"
                checked={entry.interventionIds.includes(n.id)}
                onChange={(e) => toggle(n.id, e.target.checked)}
              />
              <span>{n.title || 'Untitled intervention'}</span>
            </label>
            {section && (
              <button
                type="button"
                className="link-button sh-open-link"
                aria-label={`Open intervention ${n.title} in the theory of change`}
                onClick={() => goToSection(section, n.id)}
              >
                Open
              </button>
            )}
          </li>
        ))}
        {missing.map((id) => (
          <li key={id}>
            <span className="sh-missing">An intervention that no longer exists</span>
            <button type="button" className="link-button" onClick={() => toggle(id, false)}>
              Remove link
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Actions({ entry }: { entry: Stakeholder }) {
  const edits = useStakeholderEdits();
  const seal = useSealHistory();
  const today = useToday();
  const headingId = useId();
  return (
    <section className="sh-actions" aria-labelledby={headingId}>
      <h3 id={headingId}>Engagement actions</h3>
      {entry.actions.length === 0 && <p className="section-note">No actions planned yet.</p>}
      <ul className="sh-action-list">
        {entry.actions.map((a, index) => {
          const status = dueStatus(a.when, a.done, today);
          const name = a.what.trim() || `Action ${index + 1}`;
          const upd = (patch: Partial<typeof a>) => edits.updateAction(entry.id, a.id, patch);
          return (
            <li key={a.id} className={`sh-action sh-due--${status.state}`}>
              <div className="sh-action-grid">
                <TextField
                  className="sh-action-what"
                  label="What"
                  value={a.what}
                  onChange={(v) => upd({ what: v })}
                  onBlur={seal}
                />
                <TextField
                  label="Who"
                  value={a.who}
                  onChange={(v) => upd({ who: v })}
                  onBlur={seal}
                />
                <DateField label="When" value={a.when} onChange={(v) => upd({ when: v })} />
                <SelectField
                  label="Repeats"
                  value={String(a.repeatEveryDays ?? '')}
                  options={[
                    ...REPEAT_OPTIONS.map((o) => ({ value: String(o.days ?? ''), label: o.label })),
                    ...(REPEAT_OPTIONS.some((o) => o.days === a.repeatEveryDays)
                      ? []
                      : [
                          {
                            value: String(a.repeatEveryDays),
                            label: describeRepeat(a.repeatEveryDays),
                          },
                        ]),
                  ]}
                  onChange={(v) => upd({ repeatEveryDays: v === '' ? null : Number(v) })}
                />
              </div>
              <div className="sh-action-foot">
                <span className={`sh-due sh-due--${status.state}`}>{describeDue(status)}</span>
                <label className="sh-check">
                  <input
                    type="checkbox"
                    checked={a.done}
                    onChange={(e) =>
                      e.target.checked
                        ? edits.completeAction(entry.id, a.id, today)
                        : edits.reopenAction(entry.id, a.id, today)
                    }
                  />
                  <span>{a.repeatEveryDays ? 'Held (moves to next date)' : 'Done'}</span>
                </label>
                <button
                  type="button"
                  className="subtle danger-text"
                  aria-label={`Remove action: ${name}`}
                  onClick={() => edits.removeAction(entry.id, a.id)}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => edits.addAction(entry.id)}>
        Add action
      </button>
    </section>
  );
}

function History({ entry }: { entry: Stakeholder }) {
  const moves = quadrantMoves(entry.history);
  const headingId = useId();
  const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="sh-history" aria-labelledby={headingId}>
      <h3 id={headingId}>Quadrant history</h3>
      {moves.length === 0 ? (
        <p className="section-note">No quadrant changes recorded yet.</p>
      ) : (
        <ol className="sh-history-list">
          {moves.map((m, i) => (
            <li key={`${m.at}-${i}`}>
              <time dateTime={m.at}>{fmt.format(new Date(m.at))}</time>
              <span>
                {QUADRANT_INFO[m.from].label} → <strong>{QUADRANT_INFO[m.to].label}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Desired matrix position: off, or two scores drawn as an arrow from the card. */
function DesiredPosition({ entry }: { entry: Stakeholder }) {
  const dispatch = useDispatch();
  const d = entry.desiredPosition;
  const set = (desiredPosition: Stakeholder['desiredPosition']) =>
    dispatch(stakeholders.update({ id: entry.id, patch: { desiredPosition } }));
  return (
    <fieldset className="sh-fieldset">
      <legend>Desired position</legend>
      <label className="sh-check">
        <input
          type="checkbox"
          checked={d !== null}
          onChange={(e) =>
            set(e.target.checked ? { power: entry.power, interest: entry.interest } : null)
          }
        />
        <span>Set where we want them</span>
      </label>
      {d && (
        <div className="sh-pair">
          <ScoreInput
            label="Desired power"
            noun="Power"
            value={d.power}
            onCommit={(v) => set({ ...d, power: v })}
          />
          <ScoreInput
            label="Desired interest"
            noun="Interest"
            value={d.interest}
            onCommit={(v) => set({ ...d, interest: v })}
          />
          <p className="sh-desired-quadrant">
            Target quadrant: <strong>{QUADRANT_INFO[quadrantOf(d)].label}</strong>
          </p>
        </div>
      )}
    </fieldset>
  );
}

/** The full editor of one stakeholder. `layout` picks a narrow column or a wide grid. */
export function StakeholderEditor({
  entry,
  layout,
}: {
  entry: Stakeholder;
  layout: 'panel' | 'wide';
}) {
  const edits = useStakeholderEdits();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<Stakeholder>) =>
    dispatch(stakeholders.update({ id: entry.id, patch }));
  const text =
    (field: 'name' | 'organisation' | 'role' | 'owner' | 'contact' | 'notes') => (value: string) =>
      update({ [field]: value });
  return (
    <div className={`sh-editor sh-editor--${layout}`}>
      <div className="sh-editor-main">
        <ApproachNote entry={entry} />
        <div className="sh-pair">
          <ScoreInput
            label="Power"
            value={isPlaced(entry) ? entry.power : null}
            onCommit={(v) => edits.move(entry.id, { power: v, interest: entry.interest })}
          />
          <ScoreInput
            label="Interest"
            value={isPlaced(entry) ? entry.interest : null}
            onCommit={(v) => edits.move(entry.id, { power: entry.power, interest: v })}
          />
        </div>
        <div className="sh-form-grid">
          <TextField label="Name" value={entry.name} onChange={text('name')} onBlur={seal} />
          <SelectField
            label="Type"
            value={categoryOf(entry)}
            options={TYPE_OPTIONS}
            onChange={(v) => edits.setType(entry.id, v)}
          />
          <TextField
            label="Organisation"
            value={entry.organisation}
            onChange={text('organisation')}
            onBlur={seal}
          />
          <TextField label="Role" value={entry.role} onChange={text('role')} onBlur={seal} />
          <SelectField
            label="Current stance"
            value={entry.currentStance}
            options={STANCE_OPTIONS}
            onChange={(v) => update({ currentStance: v })}
          />
          <SelectField
            label="Desired stance"
            value={entry.desiredStance}
            options={STANCE_OPTIONS}
            onChange={(v) => update({ desiredStance: v })}
          />
          <TextField label="Owner" value={entry.owner} onChange={text('owner')} onBlur={seal} />
          <DateField
            label="Next checkpoint"
            value={entry.nextCheckpoint}
            onChange={(v) => update({ nextCheckpoint: v })}
          />
          <TextField
            className="sh-span-all"
            label="Contact"
            value={entry.contact}
            onChange={text('contact')}
            onBlur={seal}
          />
          <TextAreaField
            className="sh-span-all"
            label="Notes"
            value={entry.notes}
            onChange={text('notes')}
            onBlur={seal}
            rows={3}
          />
        </div>
        <DesiredPosition entry={entry} />
      </div>
      <div className="sh-editor-side">
        <Interventions entry={entry} />
        <Actions entry={entry} />
        <History entry={entry} />
      </div>
    </div>
  );
}
