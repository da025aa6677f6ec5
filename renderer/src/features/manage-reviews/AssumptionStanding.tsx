/**
 * How a theory-of-change assumption stood at the latest review that judged
 * it, for the element's details panel: the status badge, the date, the note
 * and the KPI evidence, with a way to the review.
 */
import { formatDate } from '../../../../shared/export/document';
import { kpiTargets } from '../../../../shared/indicators/measures';
import { assumptionStandings } from '../../../../shared/manage/reviews';
import { goToSection } from '../../app/workbench';
import { usePlan } from '../../store/plan-context';
import { StatusBadge } from './StatusBadge';

/** The assumption's latest review judgement (or that it has none yet). */
export function AssumptionStanding({ nodeId }: { nodeId: string }) {
  const standing = usePlan((p) => assumptionStandings(p.manage.reviews).get(nodeId) ?? null);
  const kpis = usePlan((p) => p.manage.kpis);
  const indicators = usePlan((p) => p.indicators);
  if (!standing)
    return (
      <>
        <h3 className="inspector-subheading">At reviews</h3>
        <p className="section-note">
          Not judged at a review yet.{' '}
          <button type="button" className="link-button" onClick={() => goToSection('reviews')}>
            Go to Reviews &amp; cohorts
          </button>
        </p>
      </>
    );
  const evidence = standing.kpiIds
    .map((id) => kpis.find((k) => k.id === id))
    .filter((k) => k !== undefined)
    .map((k) => kpiTargets(indicators, k).name);
  return (
    <>
      <h3 className="inspector-subheading">At the latest review</h3>
      <p>
        <StatusBadge status={standing.status} /> on {formatDate(standing.date)}
        {standing.note.trim() ? `: ${standing.note.trim()}` : ''}
      </p>
      {evidence.length > 0 && <p className="section-note">KPI evidence: {evidence.join('; ')}</p>}
      <button
        type="button"
        className="link-button"
        onClick={() => goToSection('reviews', standing.reviewId)}
      >
        Open the review of {formatDate(standing.date)}
      </button>
    </>
  );
}
