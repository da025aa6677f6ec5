/**
 * Reviews & cohorts (Manage): regular reviews of the running program — what
 * was learned, the decisions, how each theory-of-change assumption stands
 * (shown on the canvas) and the lessons to act on; cohorts side by side; and
 * iterating: start the next cohort with a read-only copy of this version
 * kept, open kept versions, compare two versions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviews as reviewCommands } from '../../../../shared/commands/reviews';
import { blankReview, reviewsNewestFirst } from '../../../../shared/manage/reviews';
import { newId } from '../../../../shared/plan/create';
import type { PlanVersion, Review } from '../../../../shared/plan/schema';
import { notify, useWorkbench } from '../../app/workbench';
import { readPlanVersion } from '../../db/plan-versions';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan } from '../../store/plan-context';
import { useToday } from '../stakeholders/today';
import { CohortsPanel } from './CohortsPanel';
import { IterationPanel } from './IterationPanel';
import { ReviewEditor } from './ReviewEditor';
import './reviews.css';
import '../manage-wide.css';
import { VersionViewer } from './VersionViewer';
import type { Plan } from '../../../../shared/plan/schema';

function ReviewsPanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  /** The review's title in lists and names: "Review of 1 March 2026". */
  const titleOf = (review: Review) => t('reviews.title', { date: format.date(review.date) });
  /** "2 holding, 1 at risk", or that none is judged. */
  const statusCounts = (review: Review) => {
    const counts = { holding: 0, atRisk: 0, broken: 0 };
    for (const check of review.assumptions) counts[check.status]++;
    const parts = (Object.keys(counts) as (keyof typeof counts)[])
      .filter((k) => counts[k] > 0)
      .map((k) => t(`reviews.counts.${k}`, { count: counts[k] }));
    return parts.length ? parts.join(t('words.commaSeparator')) : t('reviews.noneJudged');
  };
  const dispatch = useDispatch();
  const today = useToday();
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const ordered = reviewsNewestFirst(plan.manage.reviews);
  const [chosen, setChosen] = useState<string | null>(null);
  const fromRoute = focus && ordered.some((r) => r.id === focus) ? focus : null;
  const selectedId = chosen ?? fromRoute ?? ordered[0]?.id ?? null;
  const selected = ordered.find((r) => r.id === selectedId) ?? ordered[0] ?? null;
  const add = () => {
    const review = blankReview(plan, newId('review'), today);
    const result = dispatch(reviewCommands.add({ item: review }));
    if (!result.ok) notify(result.reason);
    else setChosen(review.id);
  };
  const cohortName = (id: string | null) =>
    id ? (plan.manage.cohorts.find((c) => c.id === id)?.name ?? t('reviews.deletedCohort')) : null;
  return (
    <section className="card" aria-labelledby="rv-reviews-heading">
      <h2 id="rv-reviews-heading">{t('reviews.heading')}</h2>
      <p className="section-note">{t('reviews.note')}</p>
      <button type="button" className="primary" onClick={add}>
        {t('reviews.new')}
      </button>
      {ordered.length === 0 ? (
        <p className="empty-note">{t('reviews.empty')}</p>
      ) : (
        <div className="rv-reviews">
          <ul className="rv-review-list" aria-label={t('reviews.list')}>
            {ordered.map((review) => (
              <li key={review.id}>
                <button
                  type="button"
                  className="rv-review-pick"
                  aria-current={review.id === selected?.id ? 'true' : undefined}
                  onClick={() => setChosen(review.id)}
                >
                  <strong>{titleOf(review)}</strong>
                  <span>
                    {t('reviews.pickLine', {
                      cohort: cohortName(review.cohortId) ?? t('reviews.wholeProgram'),
                      counts: statusCounts(review),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <ReviewEditor
              key={selected.id}
              plan={plan}
              review={selected}
              title={titleOf(selected)}
              onDeleted={() => setChosen(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** The Reviews & cohorts section. */
export function ReviewsSection() {
  const { t } = useTranslation('reviews');
  const plan = usePlan((p) => p);
  const [viewing, setViewing] = useState<{ version: PlanVersion; plan: Plan } | null>(null);
  const open = async (version: PlanVersion) => {
    const row = await readPlanVersion(version.id).catch(() => null);
    if (!row) {
      notify(t('section.notStored', { name: version.name }));
      return;
    }
    setViewing({ version, plan: row.plan });
  };
  if (viewing) {
    return (
      <VersionViewer
        plan={viewing.plan}
        name={viewing.version.name}
        keptAt={viewing.version.keptAt}
        onClose={() => setViewing(null)}
      />
    );
  }
  return (
    <div className="section-body reviews-section">
      <header className="section-header">
        <h1>{t('section.title')}</h1>
        <p className="lead">{t('section.lead')}</p>
      </header>
      <ReviewsPanel plan={plan} />
      <CohortsPanel plan={plan} />
      <IterationPanel plan={plan} onOpen={(v) => void open(v)} />
    </div>
  );
}
