/**
 * An assumption's status as a badge: a shape and a word (never colour
 * alone) — holding ● (solid circle), at risk ▲ (triangle), broken ✕ (cross).
 * Used in reviews and on the theory-of-change canvas.
 */
import { useTranslation } from 'react-i18next';
import type { AssumptionStatus } from '../../../../shared/plan/schema';
import './status-badge.css';

const SHAPE: Record<AssumptionStatus, string> = {
  holding: '●',
  atRisk: '▲',
  broken: '✕',
};

/** The badge; `hidden` leaves it out of the accessibility tree (the name already says it). */
export function StatusBadge({
  status,
  hidden = false,
}: {
  status: AssumptionStatus;
  hidden?: boolean;
}) {
  const { t } = useTranslation('reviews');
  return (
    <span className={`status-badge status-badge-${status}`} aria-hidden={hidden || undefined}>
      <span className="status-badge-shape" aria-hidden="true">
        {SHAPE[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
