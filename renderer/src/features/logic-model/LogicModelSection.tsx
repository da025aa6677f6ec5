/**
 * The Logic model section: the "how" of the program as a lane diagram
 * (Inputs → Activities → Outputs → Outcomes → Impact) or as a logframe
 * matrix — two views of the same items — with a details panel for the
 * selected item. Follows `route.focus` (from Plan health or the theory of
 * change) to select and show an item.
 */
import { indicatorsBySubject, measuresOf } from '../../../../shared/indicators/measures';
import { useEffect, useId, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/workbench';
import { usePlan } from '../../store/plan-context';
import { findingsByElement, usePlanHealth } from '../health/use-health';
import { ItemPanel } from './ItemPanel';
import { LogicDiagram } from './LogicDiagram';
import { Logframe } from './Logframe';
import { focusCard, useLogicActions } from './use-logic-actions';
import './logic-model.css';

type View = 'diagram' | 'logframe';

const VIEWS = [{ id: 'diagram' }, { id: 'logframe' }] as const satisfies readonly { id: View }[];

/** The logic-model editor. */
export function LogicModelSection() {
  const { t } = useTranslation('logicModel');
  const plan = usePlan((p) => p);
  const model = plan.logicModel;
  const actions = useLogicActions();
  const findings = usePlanHealth();
  const byElement = useMemo(() => findingsByElement(findings), [findings]);
  const [view, setView] = useState<View>('diagram');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const route = useWorkbench((s) => s.route);
  const tabsId = useId();

  // Indicators listed on an item and those of the ToC outcome it is traced to (one framework).
  const indicatorCounts = useMemo(() => {
    const bySubject = indicatorsBySubject(plan.indicators);
    const counts = new Map<string, number>();
    for (const item of plan.logicModel.items) {
      const n = measuresOf(bySubject, item.id, item.tocOutcomeId).length;
      if (n > 0) counts.set(item.id, n);
    }
    return counts;
  }, [plan.indicators, plan.logicModel.items]);

  // A route with `focus` (a health finding, the theory of change) selects that
  // item in the diagram. Keyed on the route object, so following the same
  // finding twice works too.
  const focus = route.view === 'plan' ? route.focus : undefined;
  const [seenRoute, setSeenRoute] = useState<typeof route | null>(null);
  if (seenRoute !== route) {
    setSeenRoute(route);
    if (focus && model.items.some((i) => i.id === focus)) {
      setSelectedId(focus);
      setView('diagram');
      setConnectFrom(null);
    }
  }
  useEffect(() => {
    if (focus && model.items.some((i) => i.id === focus)) focusCard(focus);
    // Only when the route changes; later edits must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route]);

  const selected = selectedId ? model.items.find((i) => i.id === selectedId) : undefined;

  return (
    <div className="lm-editor">
      <div className="lm-toolbar">
        <div className="lm-title">
          <h1>{t('title')}</h1>
          <p className="lm-hint">
            <Trans t={t} i18nKey="hint" components={{ kbd: <kbd /> }} />
          </p>
        </div>
        <div className="lm-tabs" role="tablist" aria-label={t('viewsLabel')}>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`${tabsId}-${v.id}`}
              aria-selected={view === v.id}
              aria-controls={`${tabsId}-panel`}
              tabIndex={view === v.id ? 0 : -1}
              onClick={() => setView(v.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                  e.preventDefault();
                  const next = VIEWS[(VIEWS.findIndex((x) => x.id === v.id) + 1) % VIEWS.length]!;
                  setView(next.id);
                  document.getElementById(`${tabsId}-${next.id}`)?.focus();
                }
              }}
            >
              {t(`views.${v.id}`)}
            </button>
          ))}
        </div>
      </div>
      <div
        className={`lm-body lm-body-${view}`}
        role="tabpanel"
        id={`${tabsId}-panel`}
        aria-labelledby={`${tabsId}-${view}`}
      >
        {view === 'diagram' ? (
          <>
            <LogicDiagram
              model={model}
              indicatorCounts={indicatorCounts}
              findings={byElement}
              selectedId={selected ? selected.id : null}
              onSelect={setSelectedId}
              connectFrom={connectFrom}
              onConnectFrom={setConnectFrom}
              actions={actions}
            />
            {selected && (
              <ItemPanel
                key={selected.id}
                item={selected}
                plan={plan}
                actions={actions}
                onSelect={setSelectedId}
                onConnectFrom={(id) => {
                  setConnectFrom(id);
                  focusCard(id);
                }}
              />
            )}
          </>
        ) : (
          <Logframe
            plan={plan}
            selectedId={selected ? selected.id : null}
            actions={actions}
            onShowInDiagram={(id) => {
              setSelectedId(id);
              setView('diagram');
              focusCard(id);
            }}
          />
        )}
      </div>
    </div>
  );
}
