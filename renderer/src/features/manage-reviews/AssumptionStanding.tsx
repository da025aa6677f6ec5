/**
 * How a theory-of-change assumption stood at the latest review that judged
 * it, for the element's details panel: the status badge, the date, the note
 * and the KPI evidence, with a way to the review.
 */
import { useTranslation } from 'react-i18next';
import { kpiTargets } from '../../../../shared/indicators/measures';
import { assumptionStandings } from '../../../../shared/manage/reviews';
import { goToSection } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { usePlan } from '../../store/plan-context';
import { StatusBadge } from './StatusBadge';

/** The assumption's latest review judgement (or that it has none yet). */
export function AssumptionStanding({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const standing = usePlan((p) => assumptionStandings(p.manage.reviews).get(nodeId) ?? null);
  const kpis = usePlan((p) => p.manage.kpis);
  const indicators = usePlan((p) => p.indicators);
  if (!standing)
    return (
      <>
        <h3 className="inspector-subheading">{t('standing.atReviews')}</h3>
        <p className="section-note">
          {t('standing.notJudged')}{' '}
          <button type="button" className="link-button" onClick={() => goToSection('reviews')}>
            {t('standing.goToReviews')}
          </button>
        </p>
      </>
    );
  const evidence = standing.kpiIds
    .map((id) => kpis.find((k) => k.id === id))
    .filter((k) => k !== undefined)
    .map((k) => kpiTargets(indicators, k).name);
  const date = format.date(standing.date);
  const note = standing.note.trim();
  return (
    <>
      <h3 className="inspector-subheading">{t('standing.latest')}</h3>
      <p>
        <StatusBadge status={standing.status} />{' '}
        {note ? t('standing.onDateWithNote', { date, note }) : t('standing.onDate', { date })}
      </p>
      {evidence.length > 0 && (
        <p className="section-note">
          {t('standing.evidence', { list: evidence.join(t('words.listSeparator')) })}
        </p>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => goToSection('reviews', standing.reviewId)}
      >
        {t('standing.open', { date })}
      </button>
    </>
  );
}
