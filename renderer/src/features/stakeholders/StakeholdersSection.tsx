/**
 * The Stakeholders & partners section: the power/interest matrix with the
 * selected stakeholder beside it, the register, engagement actions and
 * checkpoints, the mapping questions, and workshop mode for projectors.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './stakeholders.css';
import { QUADRANT_ORDER } from '../../../../shared/stakeholders/quadrants';
import {
  categoryOf,
  countByQuadrant,
  engagementItems,
} from '../../../../shared/stakeholders/register';
import { useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { usePlan } from '../../store/plan-context';
import { blankStakeholder, useStakeholderEdits } from './edits';
import { Engagement } from './Engagement';
import { MappingQuestions } from './MappingQuestions';
import { Matrix, useVisibleEntries } from './Matrix';
import { Register } from './Register';
import { StakeholderEditor } from './StakeholderEditor';
import { useToday } from './today';
import {
  CategoryFilter,
  ColourChoice,
  ColourLegend,
  DesiredToggle,
  MovementSummary,
  SnapshotControls,
} from './Toolbar';
import {
  resetViewFor,
  select,
  setView,
  toggleExpanded,
  useStakeholderView,
  type StakeholderTab,
} from './view-store';
import { openWorkshop, Workshop } from './Workshop';
import { useRtl } from './words';

const TABS: readonly StakeholderTab[] = ['matrix', 'register', 'engagement', 'questions'];

function QuadrantGuide() {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const visible = useVisibleEntries();
  const counts = useMemo(() => countByQuadrant(visible), [visible]);
  return (
    <div className="sh-guide">
      <p className="sh-guide-intro">{t('guide.intro')}</p>
      <ul className="sh-guide-list">
        {QUADRANT_ORDER.map((q) => (
          <li key={q} className={`sh-approach sh-approach--${q}`}>
            <p className="sh-approach-title">
              <span className="sh-quadrant-badge">{t(`quadrants.${q}.label`)}</span>
              <span className="sh-approach-scores">{format.number(counts[q])}</span>
            </p>
            <p className="sh-approach-text">{t(`quadrants.${q}.approach`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SelectedPanel() {
  const { t } = useTranslation('stakeholders');
  const selectedId = useStakeholderView((s) => s.selectedId);
  const entry = usePlan((p) => p.stakeholders.entries.find((e) => e.id === selectedId) ?? null);
  return (
    <aside
      className="sh-panel"
      tabIndex={0}
      aria-label={
        entry ? t('panel.details', { name: entry.name || t('unnamed') }) : t('guide.label')
      }
    >
      {entry ? (
        <>
          <div className="sh-panel-head">
            <div>
              <h2>{entry.name || t('unnamedStakeholder')}</h2>
              <p className="section-note">
                {entry.organisation && entry.organisation !== entry.name
                  ? t('typeAndOrganisation', {
                      type: t(`categories.${categoryOf(entry)}.short`),
                      organisation: entry.organisation,
                    })
                  : t(`categories.${categoryOf(entry)}.short`)}
              </p>
            </div>
            <button
              type="button"
              className="subtle"
              aria-label={t('panel.close')}
              onClick={() => select(null)}
            >
              ×
            </button>
          </div>
          <StakeholderEditor entry={entry} layout="panel" />
        </>
      ) : (
        <QuadrantGuide />
      )}
    </aside>
  );
}

function MatrixTab() {
  return (
    <div className="sh-matrix-layout">
      <div className="sh-matrix-col">
        <div className="sh-toolbar">
          <CategoryFilter />
        </div>
        <div className="sh-toolbar">
          <ColourChoice />
          <DesiredToggle />
          <SnapshotControls />
        </div>
        <Matrix variant="standard" />
        <div className="sh-under-plot">
          <ColourLegend withChoice={false} />
          <MovementSummary withDelete />
        </div>
      </div>
      <SelectedPanel />
    </div>
  );
}

function Summary() {
  const { t } = useTranslation('stakeholders');
  const entries = usePlan((p) => p.stakeholders.entries);
  const today = useToday();
  const overdue = useMemo(
    () => engagementItems(entries, today).filter((i) => i.status.state === 'overdue').length,
    [entries, today],
  );
  const partners = entries.filter((e) => e.relation === 'partner').length;
  return (
    <p className="sh-summary">
      {t('summary', { stakeholders: entries.length - partners, partners })}
      {overdue > 0 && (
        <button
          type="button"
          className="sh-overdue-pill sh-overdue-link"
          onClick={() => setView({ tab: 'engagement' })}
        >
          {t('overdue', { count: overdue })}
        </button>
      )}
    </p>
  );
}

/** The Stakeholders & partners section. */
export function StakeholdersSection() {
  const { t } = useTranslation('stakeholders');
  const rtl = useRtl();
  const planId = usePlan((p) => p.id);
  const entries = usePlan((p) => p.stakeholders.entries);
  const tab = useStakeholderView((s) => s.tab);
  const workshop = useStakeholderView((s) => s.workshop);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const edits = useStakeholderEdits();
  const workshopButton = useRef<HTMLButtonElement>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useLayoutEffect(() => resetViewFor(planId), [planId]);

  // A link elsewhere in the app (a health finding, the theory of change) can
  // name a stakeholder to show: select it on the matrix.
  const focusKnown = focus !== undefined && entries.some((e) => e.id === focus);
  useEffect(() => {
    if (!focus || !focusKnown) return;
    setView({ tab: 'matrix', workshop: false });
    select(focus);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`.sh-plot [data-stakeholder-id="${CSS.escape(focus)}"]`)
        ?.focus(),
    );
  }, [focus, focusKnown]);

  const add = () => {
    const entry = blankStakeholder('');
    edits.add(entry);
    select(entry.id);
    if (tab !== 'matrix') {
      setView({ tab: 'register', search: '' });
      toggleExpanded(entry.id, true);
    }
    // Start with the name: the rest can wait.
    requestAnimationFrame(() => {
      if (tab !== 'matrix') {
        document
          .querySelector<HTMLInputElement>(
            `tr[data-stakeholder-id="${CSS.escape(entry.id)}"] .sh-cell-name`,
          )
          ?.focus();
        return;
      }
      const label = [...document.querySelectorAll<HTMLLabelElement>('.sh-panel label')].find(
        (l) => l.textContent === t('editor.name'),
      );
      if (label) document.getElementById(label.htmlFor)?.focus();
    });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    // The arrow keys follow the tabs as drawn: right to left, the next tab is on the left.
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const delta = e.key === forward ? 1 : e.key === back ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = TABS[(index + delta + TABS.length) % TABS.length]!;
    setView({ tab: next });
    tabRefs.current[next]?.focus();
  };

  if (workshop) {
    return (
      <Workshop
        onExit={() => {
          setView({ workshop: false });
          requestAnimationFrame(() => workshopButton.current?.focus());
        }}
      />
    );
  }

  return (
    <div className="section-body sh-section">
      <header className="sh-header">
        <div className="sh-header-title">
          <h1>{t('title')}</h1>
          <Summary />
        </div>
        <div role="tablist" aria-label={t('views')} className="sh-tabs">
          {TABS.map((id, index) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`sh-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`sh-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="sh-tab"
              onClick={() => setView({ tab: id })}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        <div className="sh-header-actions">
          <button type="button" onClick={add}>
            {t('add')}
          </button>
          <button type="button" className="primary" ref={workshopButton} onClick={openWorkshop}>
            {t('workshopMode')}
          </button>
        </div>
      </header>
      <div
        role="tabpanel"
        id={`sh-panel-${tab}`}
        aria-labelledby={`sh-tab-${tab}`}
        className="sh-tabpanel"
      >
        {tab === 'matrix' && <MatrixTab />}
        {tab === 'register' && <Register />}
        {tab === 'engagement' && <Engagement />}
        {tab === 'questions' && <MappingQuestions />}
      </div>
    </div>
  );
}
