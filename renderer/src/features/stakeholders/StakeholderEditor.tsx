/**
 * Everything about one stakeholder: who they are, where they sit and where
 * the team wants them, the recommended approach, linked interventions,
 * engagement actions and the history of quadrant moves. Used in the matrix
 * side panel and in the register's expanded rows.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stakeholder, TocNode } from '../../../../shared/plan/schema';
import { quadrantMoves } from '../../../../shared/stakeholders/movement';
import { quadrantOf } from '../../../../shared/stakeholders/quadrants';
import {
  CATEGORY_INFO,
  categoryOf,
  isPlaced,
  STANCE_INFO,
  type Category,
} from '../../../../shared/stakeholders/register';
import { dueStatus } from '../../../../shared/stakeholders/schedule';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { linkIntervention, stakeholders } from '../../../../shared/commands/stakeholders';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useStakeholderEdits } from './edits';
import { ScoreInput } from './ScoreInput';
import { useToday } from './today';
import { dueText, repeatOptions, type StakeholderT } from './words';

/** Options of the combined "type" select (stakeholder, or partner of a type). */
export function typeOptions(t: StakeholderT): { value: Category; label: string }[] {
  return CATEGORY_INFO.map((c) => ({ value: c.id, label: t(`categories.${c.id}.short`) }));
}

/** The relation and partner type for a chosen category. */
export function fromCategory(category: Category): Pick<Stakeholder, 'relation' | 'partnerType'> {
  return category === 'stakeholder'
    ? { relation: 'stakeholder', partnerType: null }
    : { relation: 'partner', partnerType: category };
}

function stanceOptions(t: StakeholderT) {
  return STANCE_INFO.map((s) => ({ value: s.id, label: t(`stances.${s.id}`) }));
}

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
  const { t } = useTranslation('stakeholders');
  if (!isPlaced(entry)) {
    return (
      <div className="sh-approach">
        <p className="sh-approach-title">
          <span className="sh-quadrant-badge">{t('tray.title')}</span>
        </p>
        <p className="sh-approach-text">{t('editor.unplacedText')}</p>
      </div>
    );
  }
  const q = quadrantOf(entry);
  return (
    <div className={`sh-approach sh-approach--${q}`}>
      <p className="sh-approach-title">
        <span className="sh-quadrant-badge">{t(`quadrants.${q}.label`)}</span>
        <span className="sh-approach-scores">
          {t('editor.scores', { power: entry.power, interest: entry.interest })}
        </span>
      </p>
      <p className="sh-approach-text">{t(`quadrants.${q}.approach`)}</p>
      <p className="sh-approach-rhythm">{t(`quadrants.${q}.rhythm`)}</p>
    </div>
  );
}

function Interventions({ entry }: { entry: Stakeholder }) {
  const { t } = useTranslation('stakeholders');
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const dispatch = useDispatch();
  const interventions = nodes.filter((n: TocNode) => n.kind === 'intervention');
  const missing = entry.interventionIds.filter((id) => !interventions.some((n) => n.id === id));
  const section = tocSection();
  const toggle = (id: string, on: boolean) =>
    dispatch(linkIntervention({ id: entry.id, interventionId: id, linked: on }));
  return (
    <fieldset className="sh-fieldset">
      <legend>{t('interventions.legend')}</legend>
      {interventions.length === 0 && <p className="section-note">{t('interventions.none')}</p>}
      <ul className="sh-check-list">
        {interventions.map((n) => (
          <li key={n.id}>
            <label className="sh-check">
              <input
                type="checkbox"
                checked={entry.interventionIds.includes(n.id)}
                onChange={(e) => toggle(n.id, e.target.checked)}
              />
              <span>{n.title || t('interventions.untitled')}</span>
            </label>
            {section && (
              <button
                type="button"
                className="link-button sh-open-link"
                aria-label={t('interventions.openLabel', { title: n.title })}
                onClick={() => goToSection(section, n.id)}
              >
                {t('interventions.open')}
              </button>
            )}
          </li>
        ))}
        {missing.map((id) => (
          <li key={id}>
            <span className="sh-missing">{t('interventions.missing')}</span>
            <button type="button" className="link-button" onClick={() => toggle(id, false)}>
              {t('interventions.removeLink')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Actions({ entry }: { entry: Stakeholder }) {
  const { t } = useTranslation('stakeholders');
  const edits = useStakeholderEdits();
  const seal = useSealHistory();
  const today = useToday();
  const headingId = useId();
  return (
    <section className="sh-actions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actions.heading')}</h3>
      {entry.actions.length === 0 && <p className="section-note">{t('actions.none')}</p>}
      <ul className="sh-action-list">
        {entry.actions.map((a, index) => {
          const status = dueStatus(a.when, a.done, today);
          const name = a.what.trim() || t('actions.numbered', { number: index + 1 });
          const upd = (patch: Partial<typeof a>) => edits.updateAction(entry.id, a.id, patch);
          return (
            <li key={a.id} className={`sh-action sh-due--${status.state}`}>
              <div className="sh-action-grid">
                <TextField
                  className="sh-action-what"
                  label={t('actions.what')}
                  value={a.what}
                  onChange={(v) => upd({ what: v })}
                  onBlur={seal}
                />
                <TextField
                  label={t('actions.who')}
                  value={a.who}
                  onChange={(v) => upd({ who: v })}
                  onBlur={seal}
                />
                <DateField
                  label={t('actions.when')}
                  value={a.when}
                  onChange={(v) => upd({ when: v })}
                />
                <SelectField
                  label={t('actions.repeats')}
                  value={String(a.repeatEveryDays ?? '')}
                  options={repeatOptions(t, a.repeatEveryDays)}
                  onChange={(v) => upd({ repeatEveryDays: v === '' ? null : Number(v) })}
                />
              </div>
              <div className="sh-action-foot">
                <span className={`sh-due sh-due--${status.state}`}>{dueText(t, status)}</span>
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
                  <span>{a.repeatEveryDays ? t('actions.heldMoves') : t('actions.done')}</span>
                </label>
                <button
                  type="button"
                  className="subtle danger-text"
                  aria-label={t('actions.removeLabel', { name })}
                  onClick={() => edits.removeAction(entry.id, a.id)}
                >
                  {t('actions.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => edits.addAction(entry.id)}>
        {t('actions.add')}
      </button>
    </section>
  );
}

function History({ entry }: { entry: Stakeholder }) {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const moves = quadrantMoves(entry.history);
  const headingId = useId();
  // A moment (date and time), in the UI's language.
  const fmt = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="sh-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('history.heading')}</h3>
      {moves.length === 0 ? (
        <p className="section-note">{t('history.none')}</p>
      ) : (
        <ol className="sh-history-list">
          {moves.map((m, i) => (
            <li key={`${m.at}-${i}`}>
              <time dateTime={m.at}>{fmt.format(new Date(m.at))}</time>
              <span>
                {t(`quadrants.${m.from}.label`)} {t('arrow')}{' '}
                <strong>{t(`quadrants.${m.to}.label`)}</strong>
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
  const { t } = useTranslation('stakeholders');
  const dispatch = useDispatch();
  const d = entry.desiredPosition;
  const set = (desiredPosition: Stakeholder['desiredPosition']) =>
    dispatch(stakeholders.update({ id: entry.id, patch: { desiredPosition } }));
  return (
    <fieldset className="sh-fieldset">
      <legend>{t('desired.legend')}</legend>
      <label className="sh-check">
        <input
          type="checkbox"
          checked={d !== null}
          onChange={(e) =>
            set(e.target.checked ? { power: entry.power, interest: entry.interest } : null)
          }
        />
        <span>{t('desired.set')}</span>
      </label>
      {d && (
        <div className="sh-pair">
          <ScoreInput
            label={t('desired.power')}
            noun={t('editor.power')}
            value={d.power}
            onCommit={(v) => set({ ...d, power: v })}
          />
          <ScoreInput
            label={t('desired.interest')}
            noun={t('editor.interest')}
            value={d.interest}
            onCommit={(v) => set({ ...d, interest: v })}
          />
          <p className="sh-desired-quadrant">
            {t('desired.target')} <strong>{t(`quadrants.${quadrantOf(d)}.label`)}</strong>
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
  const { t } = useTranslation('stakeholders');
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
            label={t('editor.power')}
            value={isPlaced(entry) ? entry.power : null}
            onCommit={(v) => edits.move(entry.id, { power: v, interest: entry.interest })}
          />
          <ScoreInput
            label={t('editor.interest')}
            value={isPlaced(entry) ? entry.interest : null}
            onCommit={(v) => edits.move(entry.id, { power: entry.power, interest: v })}
          />
        </div>
        <div className="sh-form-grid">
          <TextField
            label={t('editor.name')}
            value={entry.name}
            onChange={text('name')}
            onBlur={seal}
          />
          <SelectField
            label={t('editor.type')}
            value={categoryOf(entry)}
            options={typeOptions(t)}
            onChange={(v) => edits.setType(entry.id, v)}
          />
          <TextField
            label={t('editor.organisation')}
            value={entry.organisation}
            onChange={text('organisation')}
            onBlur={seal}
          />
          <TextField
            label={t('editor.role')}
            value={entry.role}
            onChange={text('role')}
            onBlur={seal}
          />
          <SelectField
            label={t('editor.currentStance')}
            value={entry.currentStance}
            options={stanceOptions(t)}
            onChange={(v) => update({ currentStance: v })}
          />
          <SelectField
            label={t('editor.desiredStance')}
            value={entry.desiredStance}
            options={stanceOptions(t)}
            onChange={(v) => update({ desiredStance: v })}
          />
          <TextField
            label={t('editor.owner')}
            value={entry.owner}
            onChange={text('owner')}
            onBlur={seal}
          />
          <DateField
            label={t('editor.nextCheckpoint')}
            value={entry.nextCheckpoint}
            onChange={(v) => update({ nextCheckpoint: v })}
          />
          <TextField
            className="sh-span-all"
            label={t('editor.contact')}
            value={entry.contact}
            onChange={text('contact')}
            onBlur={seal}
          />
          <TextAreaField
            className="sh-span-all"
            label={t('editor.notes')}
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
