/**
 * Engagement across the whole register: every action and checkpoint by
 * date with overdue ones first, and the program's recurring industry
 * checkpoints (employer panels, labour-market reviews) that run for the
 * whole program.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  blankCheckpoint,
  industryCheckpoints,
  markCheckpointHeld,
} from '../../../../shared/commands/stakeholders';
import type { Plan } from '../../../../shared/plan/schema';
import { engagementItems } from '../../../../shared/stakeholders/register';
import { dueStatus } from '../../../../shared/stakeholders/schedule';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useStakeholderEdits } from './edits';
import { useToday } from './today';
import { select, setView, toggleExpanded } from './view-store';
import { dueText, repeatOptions, repeatText } from './words';

type Checkpoint = Plan['stakeholders']['checkpoints'][number];
type Show = 'open' | 'overdue' | 'all';
const SHOW: readonly Show[] = ['open', 'overdue', 'all'];

function ActionList() {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
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
          {t('engagement.heading')}
          {overdue > 0 && (
            <span className="sh-overdue-pill">{t('overdue', { count: overdue })}</span>
          )}
        </h2>
        <fieldset className="sh-segmented">
          <legend className="visually-hidden">{t('engagement.show')}</legend>
          {SHOW.map((value) => (
            <label key={value} data-checked={show === value || undefined}>
              <input
                type="radio"
                name="sh-engagement-show"
                checked={show === value}
                onChange={() => setShow(value)}
              />
              <span>{t(`engagement.${value}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {items.length === 0 ? (
        <p className="section-note">
          {show === 'overdue' ? t('engagement.nothingOverdue') : t('engagement.nothing')}
        </p>
      ) : (
        <div className="sh-table-wrap">
          <table className="sh-table sh-table--plain">
            <thead>
              <tr>
                <th scope="col">{t('engagement.status')}</th>
                <th scope="col">{t('engagement.date')}</th>
                <th scope="col">{t('engagement.stakeholder')}</th>
                <th scope="col">{t('engagement.action')}</th>
                <th scope="col">{t('engagement.who')}</th>
                <th scope="col">{t('engagement.repeats')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('engagement.actions')}</span>
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
                      {dueText(t, i.status)}
                    </span>
                  </td>
                  <td>{format.date(i.when, '—')}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => open(i.stakeholderId)}
                    >
                      {i.stakeholderName || t('unnamed')}
                    </button>
                  </td>
                  <td>
                    {i.kind === 'checkpoint'
                      ? t('engagement.nextCheckpoint')
                      : i.what || t('engagement.untitledAction')}
                  </td>
                  <td>{i.who}</td>
                  <td>{i.kind === 'action' ? repeatText(t, i.repeatEveryDays) : '—'}</td>
                  <td>
                    {i.kind === 'action' && !i.done && (
                      <button
                        type="button"
                        aria-label={t('engagement.markLabel', {
                          held: i.repeatEveryDays ? 'held' : 'done',
                          what: i.what || t('engagement.anAction'),
                          name: i.stakeholderName,
                        })}
                        onClick={() => edits.completeAction(i.stakeholderId, i.id, today)}
                      >
                        {i.repeatEveryDays ? t('engagement.held') : t('engagement.done')}
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
  const { t } = useTranslation('stakeholders');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const today = useToday();
  const status = dueStatus(checkpoint.nextDate, false, today);
  const title = checkpoint.title.trim() || t('checkpoints.numbered', { number: index + 1 });
  const update = (patch: Partial<Checkpoint>) =>
    dispatch(industryCheckpoints.update({ id: checkpoint.id, patch }));
  return (
    <fieldset className={`sh-checkpoint sh-due-row--${status.state}`}>
      <legend>{title}</legend>
      <div className="sh-checkpoint-grid">
        <TextField
          className="sh-span-2"
          label={t('checkpoints.checkpoint')}
          value={checkpoint.title}
          onChange={(v) => update({ title: v })}
          onBlur={seal}
        />
        <SelectField
          label={t('checkpoints.repeats')}
          value={String(checkpoint.repeatEveryDays ?? '')}
          options={repeatOptions(t, checkpoint.repeatEveryDays)}
          onChange={(v) => update({ repeatEveryDays: v === '' ? null : Number(v) })}
        />
        <DateField
          label={t('checkpoints.nextDate')}
          value={checkpoint.nextDate}
          onChange={(v) => update({ nextDate: v })}
        />
        <TextAreaField
          className="sh-span-all"
          label={t('checkpoints.notes')}
          value={checkpoint.notes}
          onChange={(v) => update({ notes: v })}
          onBlur={seal}
          rows={2}
        />
      </div>
      <div className="sh-action-foot">
        <span className={`sh-due sh-due--${status.state}`}>{dueText(t, status)}</span>
        <button
          type="button"
          aria-label={t('checkpoints.markHeldLabel', { title })}
          disabled={!checkpoint.nextDate && !checkpoint.repeatEveryDays}
          onClick={() => dispatch(markCheckpointHeld({ id: checkpoint.id, today }))}
        >
          {checkpoint.repeatEveryDays ? t('checkpoints.heldNext') : t('checkpoints.held')}
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={t('checkpoints.removeLabel', { title })}
          onClick={() => dispatch(industryCheckpoints.remove({ ids: [checkpoint.id] }))}
        >
          {t('checkpoints.remove')}
        </button>
      </div>
    </fieldset>
  );
}

function IndustryCheckpoints() {
  const { t } = useTranslation('stakeholders');
  const checkpoints = usePlan((p) => p.stakeholders.checkpoints);
  const dispatch = useDispatch();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('checkpoints.heading')}</h2>
      <p className="section-note">{t('checkpoints.about')}</p>
      {checkpoints.map((c, i) => (
        <CheckpointEditor key={c.id} checkpoint={c} index={i} />
      ))}
      <button
        type="button"
        onClick={() => dispatch(industryCheckpoints.add({ item: blankCheckpoint() }))}
      >
        {t('checkpoints.add')}
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
