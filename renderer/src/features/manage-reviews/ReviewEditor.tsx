/**
 * One review: date, cohort, summary, what was learned, decisions; every
 * theory-of-change assumption marked holding / at risk / broken with a note
 * and the KPIs whose evidence the judgement rests on; and the lessons as
 * actions (what to do, the plan section to act in, done).
 */
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../shared/plan/create';
import {
  reviewActions,
  reviews as reviewCommands,
  setAssumptionCheck,
  type AssumptionCheckPatch,
} from '../../../../shared/commands/reviews';
import { kpiTargets } from '../../../../shared/indicators/measures';
import { ASSUMPTION_STATUSES } from '../../../../shared/manage/reviews';
import type {
  AssumptionCheck,
  Plan,
  Review,
  ReviewAction,
  TocNode,
} from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { PLAN_SECTIONS } from '../../app/routes';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, useSealHistory } from '../../store/plan-context';
import { StatusBadge } from './StatusBadge';

/** The plan sections a lesson can be acted in, as options ("Plan: Objective"), after "Not said". */
function useSectionOptions() {
  const { t } = useTranslation(['reviews', 'shell']);
  return [
    { value: '', label: t('editor.notSaid') },
    ...PLAN_SECTIONS.map((s) => ({
      value: s.id as string,
      label: t('editor.sectionOption', {
        group: t(`shell:groups.${s.group}`),
        section: t(`shell:sections.${s.id}`),
      }),
    })),
  ];
}

const AssumptionRow = memo(function AssumptionRow({
  reviewId,
  node,
  check,
  kpis,
}: {
  reviewId: string;
  node: TocNode | undefined;
  check: AssumptionCheck;
  kpis: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation('reviews');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const title = node
    ? node.title.trim() || t('editor.untitledAssumption')
    : t('editor.deletedAssumption');
  const set = (patch: AssumptionCheckPatch) => {
    const result = dispatch(setAssumptionCheck({ reviewId, nodeId: check.nodeId, patch }));
    if (!result.ok) notify(result.reason);
  };
  const evidence = new Set(check.kpiIds);
  return (
    <li className="rv-assumption">
      <div className="rv-assumption-head">
        <h4>{title}</h4>
        <StatusBadge status={check.status} />
        {!node && <p className="section-note">{t('editor.noLongerInToc')}</p>}
      </div>
      <div className="rv-status" role="radiogroup" aria-label={t('editor.statusOf', { title })}>
        {ASSUMPTION_STATUSES.map((status) => (
          <label key={status} className={`rv-status-option rv-status-${status}`}>
            <input
              type="radio"
              name={`rv-${reviewId}-${check.nodeId}`}
              checked={check.status === status}
              onChange={() => {
                set({ status });
                seal();
              }}
            />
            {t(`status.${status}`)}
          </label>
        ))}
      </div>
      <TextAreaField
        label={t('editor.noteOn', { title })}
        value={check.note}
        rows={2}
        maxLength={500}
        onChange={(note) => set({ note })}
        onBlur={seal}
      />
      <details className="rv-evidence-box">
        <summary>
          {t('editor.evidence', {
            list:
              check.kpiIds.length === 0
                ? t('editor.noneChosen')
                : kpis
                    .filter((k) => evidence.has(k.id))
                    .map((k) => k.name)
                    .join(t('words.listSeparator')) || t('editor.kpisGone'),
          })}
        </summary>
        <fieldset className="rv-evidence">
          <legend className="visually-hidden">{t('editor.evidenceFor', { title })}</legend>
          {kpis.length === 0 ? (
            <p className="section-note">{t('editor.noKpis')}</p>
          ) : (
            <ul>
              {kpis.map((kpi) => (
                <li key={kpi.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={evidence.has(kpi.id)}
                      onChange={(e) => {
                        const next = e.target.checked
                          ? [...check.kpiIds, kpi.id]
                          : check.kpiIds.filter((id) => id !== kpi.id);
                        set({ kpiIds: next });
                        seal();
                      }}
                    />
                    {kpi.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </details>
    </li>
  );
});

function ActionRow({ reviewId, action }: { reviewId: string; action: ReviewAction }) {
  const { t } = useTranslation('reviews');
  const sectionOptions = useSectionOptions();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const name = action.text.trim() || t('editor.untitledAction');
  const update = (patch: Partial<ReviewAction>) => {
    const result = dispatch(reviewActions.update({ parentId: reviewId, id: action.id, patch }));
    if (!result.ok) notify(result.reason);
  };
  return (
    <li className="rv-action" data-focus-id={action.id}>
      <label className="rv-done">
        <input
          type="checkbox"
          checked={action.done}
          onChange={(e) => {
            update({ done: e.target.checked });
            seal();
          }}
        />
        <span className="visually-hidden">{t('editor.doneLabel', { name })}</span>
        <span aria-hidden="true">{t('editor.done')}</span>
      </label>
      <TextField
        label={t('editor.action')}
        value={action.text}
        onChange={(text) => update({ text })}
        onBlur={seal}
      />
      <SelectField
        label={t('editor.sectionToActIn')}
        value={action.section}
        options={sectionOptions}
        onChange={(section) => {
          update({ section });
          seal();
        }}
      />
      <button
        type="button"
        className="subtle"
        aria-label={t('editor.deleteAction', { name })}
        onClick={() => {
          const result = dispatch(reviewActions.remove({ parentId: reviewId, ids: [action.id] }));
          if (result.ok) notifyUndoable(t('editor.actionDeleted', { name }), result.stepId);
          else notify(result.reason);
        }}
      >
        {t('editor.delete')}
      </button>
    </li>
  );
}

/** The editor of one review. */
export function ReviewEditor({
  plan,
  review,
  title,
  onDeleted,
}: {
  plan: Plan;
  review: Review;
  title: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const actionsRef = useRef<HTMLUListElement>(null);
  const update = (patch: Partial<Review>) => {
    const result = dispatch(reviewCommands.update({ id: review.id, patch }));
    if (!result.ok) notify(result.reason);
  };
  const nodes = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n]));
  const kpis = plan.manage.kpis.map((k) => ({
    id: k.id,
    name: kpiTargets(plan.indicators, k).name,
  }));
  // Assumptions added to the theory of change after the review was opened are listed too.
  const listed = new Set(review.assumptions.map((c) => c.nodeId));
  const unlisted: AssumptionCheck[] = plan.theoryOfChange.nodes
    .filter((n) => n.kind === 'assumption' && !listed.has(n.id))
    .map((n) => ({ nodeId: n.id, status: 'holding', kpiIds: [], note: '' }));
  const checks = [...review.assumptions, ...unlisted];

  const addAction = () => {
    const id = newId('ra');
    const result = dispatch(
      reviewActions.add({
        parentId: review.id,
        item: { id, text: '', section: '', done: false },
      }),
    );
    if (!result.ok) notify(result.reason);
    else
      requestAnimationFrame(() =>
        actionsRef.current
          ?.querySelector<HTMLInputElement>(`[data-focus-id="${id}"] input[type="text"]`)
          ?.focus(),
      );
  };

  return (
    <section className="rv-editor" aria-labelledby="rv-editor-heading" data-focus-id={review.id}>
      <h3 id="rv-editor-heading">{title}</h3>
      <div className="rv-fields">
        <DateField
          label={t('editor.date')}
          value={review.date}
          onChange={(date) => {
            if (date) update({ date });
          }}
          onBlur={seal}
        />
        <SelectField
          label={t('editor.cohort')}
          value={review.cohortId ?? ''}
          options={[
            { value: '', label: t('editor.wholeProgram') },
            ...plan.manage.cohorts.map((c) => ({
              value: c.id,
              label: c.name || t('cohorts.unnamed'),
            })),
          ]}
          onChange={(cohortId) => {
            update({ cohortId: cohortId || null });
            seal();
          }}
        />
      </div>
      <TextAreaField
        label={t('editor.summary')}
        value={review.summary}
        onChange={(summary) => update({ summary })}
        onBlur={seal}
      />
      <TextAreaField
        label={t('editor.lessons')}
        value={review.lessons}
        onChange={(lessons) => update({ lessons })}
        onBlur={seal}
      />
      <TextAreaField
        label={t('editor.decisions')}
        value={review.decisions}
        onChange={(decisions) => update({ decisions })}
        onBlur={seal}
      />

      <h4 className="rv-subheading">{t('editor.assumptions')}</h4>
      {checks.length === 0 ? (
        <p className="empty-note">{t('editor.noAssumptions')}</p>
      ) : (
        <ul className="rv-assumptions">
          {checks.map((check) => (
            <AssumptionRow
              key={check.nodeId}
              reviewId={review.id}
              node={nodes.get(check.nodeId)}
              check={check}
              kpis={kpis}
            />
          ))}
        </ul>
      )}

      <h4 className="rv-subheading">{t('carried.heading')}</h4>
      <p className="section-note">{t('editor.actionsNote')}</p>
      {review.actions.length === 0 && <p className="empty-note">{t('editor.noActions')}</p>}
      <ul className="rv-actions" ref={actionsRef}>
        {review.actions.map((action) => (
          <ActionRow key={action.id} reviewId={review.id} action={action} />
        ))}
      </ul>
      <div className="rv-buttons">
        <button type="button" onClick={addAction}>
          {t('editor.addAction')}
        </button>
        <button
          type="button"
          className="subtle danger-text"
          onClick={() => {
            const result = dispatch(reviewCommands.remove({ ids: [review.id] }));
            if (result.ok) {
              notifyUndoable(
                t('editor.deleted', { date: format.date(review.date) }),
                result.stepId,
              );
              onDeleted();
            } else notify(result.reason);
          }}
        >
          {t('editor.deleteReview')}
        </button>
      </div>
    </section>
  );
}
