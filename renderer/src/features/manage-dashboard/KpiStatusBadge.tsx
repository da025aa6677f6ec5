/** A KPI's status in words, with a shape that does not rely on colour (✓ on track, ▲ at risk, ✕ off track). */
import { KPI_STATUS_LABELS, type KpiStatusKind } from '../../../../shared/manage/kpi-status';

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
  return (
    <span className="kpi-status" data-status={kind}>
      <span aria-hidden="true">{MARKS[kind]}</span>
      {KPI_STATUS_LABELS[kind]}
    </span>
  );
}
