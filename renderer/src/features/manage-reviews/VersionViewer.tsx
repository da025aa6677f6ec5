/**
 * A kept version opened read-only: every section of the plan as it stood,
 * drawn by the same section components over a store of the kept copy that
 * refuses every edit, inside a disabled fieldset (no field can be typed
 * in), under a banner that says which version this is.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/plan/schema';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { SelectField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { PlanStoreProvider } from '../../store/plan-context';
import { createPlanStore, type PlanStore } from '../../store/plan-store';

/** A store over a kept plan that refuses every edit (saying `refused`) and never writes. */
function readOnlyStore(plan: Plan, refused: string): PlanStore {
  const store = createPlanStore(
    plan,
    {
      write: () => Promise.reject(new Error(refused)),
      describeError: () => refused,
    },
    { access: 'closed' },
  );
  store.setState({ dispatch: () => ({ ok: false, reason: refused }) });
  return store;
}

/** The read-only view of a kept version. */
export function VersionViewer({
  plan,
  name,
  keptAt,
  onClose,
}: {
  plan: Plan;
  name: string;
  keptAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['reviews', 'shell']);
  const format = useFormat();
  // Made once per kept plan (a language switch does not reopen it: its refusal keeps its words).
  const [refused] = useState(() => t('viewer.refused'));
  const store = useMemo(() => readOnlyStore(plan, refused), [plan, refused]);
  useEffect(() => () => void store.getState().close(), [store]);
  const [section, setSection] = useState<SectionId>('objective');
  // Loaded when opened (not imported): the section list itself lists this section.
  const [components, setComponents] = useState<Record<SectionId, () => JSX.Element> | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../app/sections').then((m) => {
      if (live) setComponents(m.SECTION_COMPONENTS);
    });
    return () => {
      live = false;
    };
  }, []);
  const Section = components?.[section];
  return (
    <div className="rv-viewer">
      <div
        className="readonly-banner rv-viewer-banner"
        role="region"
        aria-label={t('viewer.region')}
      >
        <p>
          <strong>{t('viewer.banner', { name })}</strong>
          {t('viewer.bannerRest', { date: format.date(keptAt.slice(0, 10)) })}
        </p>
        <button type="button" className="primary" onClick={onClose}>
          {t('viewer.back')}
        </button>
      </div>
      <SelectField
        label={t('viewer.section')}
        value={section}
        options={PLAN_SECTIONS.map((s) => ({
          value: s.id,
          label: t('editor.sectionOption', {
            group: t(`shell:groups.${s.group}`),
            section: t(`shell:sections.${s.id}`),
          }),
        }))}
        onChange={setSection}
        className="rv-viewer-pick"
      />
      <PlanStoreProvider value={store}>
        <fieldset className="section-fieldset" disabled aria-label={t('viewer.fieldset', { name })}>
          {Section ? <Section /> : <p role="status">{t('viewer.opening')}</p>}
        </fieldset>
      </PlanStoreProvider>
    </div>
  );
}
