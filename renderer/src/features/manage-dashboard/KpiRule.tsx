/** The KPI status rule in words (KPIs section and dashboard), its tolerance from the rule itself. */
import { useTranslation } from 'react-i18next';
import { AT_RISK_TOLERANCE } from '../../../../shared/manage/kpi-status';
import { useFormat } from '../../i18n/i18n';

export function KpiRule({ id }: { id?: string }) {
  const { t } = useTranslation('kpis');
  const format = useFormat();
  return (
    <p className="kpi-rule" id={id}>
      <strong>{t('ruleLead')}</strong>{' '}
      {t('statusRule', { tolerance: format.percent(AT_RISK_TOLERANCE) })}
    </p>
  );
}
