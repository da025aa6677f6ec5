/** A KPI's status in words, with a shape that does not rely on colour (✓ on track, ▲ at risk, ✕ off track). */
import { useTranslation } from 'react-i18next';
import type { KpiStatusKind } from '../../../../shared/manage/kpi-status';

const MARKS: Record<KpiStatusKind, string> = {
  onTrack: '✓',
  atRisk: '▲',
  offTrack: '✕',
  notStarted: '○',
  noData: '–',
  noTarget: '–',
  noBaseline: '–',
};

/** The status label of a KPI. */
export function KpiStatusBadge({ kind }: { kind: KpiStatusKind }) {
  const { t } = useTranslation('kpis');
  return (
    <span className="kpi-status" data-status={kind}>
      <span aria-hidden="true">{MARKS[kind]}</span>
      {t(`status.${kind}`)}
    </span>
  );
}
