/**
 * A kept version opened read-only: every section of the plan as it stood,
 * drawn by the same section components over a store of the kept copy that
 * refuses every edit, inside a disabled fieldset (no field can be typed
 * in), under a banner that says which version this is.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { formatDate } from '../../../../shared/export/document';
import type { Plan } from '../../../../shared/plan/schema';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { SelectField } from '../../components/fields';
import { PlanStoreProvider } from '../../store/plan-context';
import { createPlanStore, type PlanStore } from '../../store/plan-store';

const REFUSED = 'A kept version is read-only: it cannot be changed.';

/** A store over a kept plan that refuses every edit and never writes. */
function readOnlyStore(plan: Plan): PlanStore {
  const store = createPlanStore(
    plan,
    {
      write: () => Promise.reject(new Error(REFUSED)),
      describeError: () => REFUSED,
    },
    { access: 'closed' },
  );
  store.setState({ dispatch: () => ({ ok: false, reason: REFUSED }) });
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
  const store = useMemo(() => readOnlyStore(plan), [plan]);
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
      <div className="readonly-banner rv-viewer-banner" role="region" aria-label="Kept version">
        <p>
          <strong>Read-only: kept version “{name}”</strong>, as the plan stood on{' '}
          {formatDate(keptAt.slice(0, 10))}. Nothing can be changed here.
        </p>
        <button type="button" className="primary" onClick={onClose}>
          Back to the current plan
        </button>
      </div>
      <SelectField
        label="Section of the kept version"
        value={section}
        options={PLAN_SECTIONS.map((s) => ({ value: s.id, label: `${s.group}: ${s.label}` }))}
        onChange={setSection}
        className="rv-viewer-pick"
      />
      <PlanStoreProvider value={store}>
        <fieldset className="section-fieldset" disabled aria-label={`Kept version “${name}”`}>
          {Section ? <Section /> : <p role="status">Opening…</p>}
        </fieldset>
      </PlanStoreProvider>
    </div>
  );
}
