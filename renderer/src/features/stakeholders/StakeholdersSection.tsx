/**
 * The Stakeholders & partners section: the power/interest matrix with the
 * selected stakeholder beside it, the register, engagement actions and
 * checkpoints, the mapping questions, and workshop mode for projectors.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import './stakeholders.css';
import { QUADRANT_INFO, QUADRANT_ORDER } from '../../../../shared/stakeholders/quadrants';
import {
  categoryLabel,
  categoryOf,
  countByQuadrant,
  countOf,
  engagementItems,
} from '../../../../shared/stakeholders/register';
import { useWorkbench } from '../../app/workbench';
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

const TABS: readonly { id: StakeholderTab; label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'register', label: 'Register' },
  { id: 'engagement', label: 'Engagement' },
  { id: 'questions', label: 'Questions' },
];

function QuadrantGuide() {
  const visible = useVisibleEntries();
  const counts = useMemo(() => countByQuadrant(visible), [visible]);
  return (
    <div className="sh-guide">
      <p className="sh-guide-intro">
        Select a card to see and edit its details. Drag cards, or use the arrow keys on a selected
        card (Shift for steps of 10).
      </p>
      <ul className="sh-guide-list">
        {QUADRANT_ORDER.map((q) => (
          <li key={q} className={`sh-approach sh-approach--${q}`}>
            <p className="sh-approach-title">
              <span className="sh-quadrant-badge">{QUADRANT_INFO[q].label}</span>
              <span className="sh-approach-scores">{counts[q]}</span>
            </p>
            <p className="sh-approach-text">{QUADRANT_INFO[q].approach}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SelectedPanel() {
  const selectedId = useStakeholderView((s) => s.selectedId);
  const entry = usePlan((p) => p.stakeholders.entries.find((e) => e.id === selectedId) ?? null);
  return (
    <aside
      className="sh-panel"
      tabIndex={0}
      aria-label={entry ? `Details of ${entry.name || 'Unnamed'}` : 'Quadrant guide'}
    >
      {entry ? (
        <>
          <div className="sh-panel-head">
            <div>
              <h2>{entry.name || 'Unnamed stakeholder'}</h2>
              <p className="section-note">
                {categoryLabel(categoryOf(entry))}
                {entry.organisation && entry.organisation !== entry.name
                  ? ` · ${entry.organisation}`
                  : ''}
              </p>
            </div>
            <button
              type="button"
              className="subtle"
              aria-label="Close details"
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
  const entries = usePlan((p) => p.stakeholders.entries);
  const today = useToday();
  const overdue = useMemo(
    () => engagementItems(entries, today).filter((i) => i.status.state === 'overdue').length,
    [entries, today],
  );
  const partners = entries.filter((e) => e.relation === 'partner').length;
  return (
    <p className="sh-summary">
      {countOf(entries.length - partners, 'stakeholder', 'stakeholders')} ·{' '}
      {countOf(partners, 'partner', 'partners')}
      {overdue > 0 && (
        <button
          type="button"
          className="sh-overdue-pill sh-overdue-link"
          onClick={() => setView({ tab: 'engagement' })}
        >
          {overdue} overdue
        </button>
      )}
    </p>
  );
}

/** The Stakeholders & partners section. */
export function StakeholdersSection() {
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
        (l) => l.textContent === 'Name',
      );
      if (label) document.getElementById(label.htmlFor)?.focus();
    });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = TABS[(index + delta + TABS.length) % TABS.length]!;
    setView({ tab: next.id });
    tabRefs.current[next.id]?.focus();
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
          <h1>Stakeholders &amp; partners</h1>
          <Summary />
        </div>
        <div role="tablist" aria-label="Stakeholder views" className="sh-tabs">
          {TABS.map((t, index) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`sh-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`sh-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="sh-tab"
              onClick={() => setView({ tab: t.id })}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="sh-header-actions">
          <button type="button" onClick={add}>
            Add stakeholder
          </button>
          <button type="button" className="primary" ref={workshopButton} onClick={openWorkshop}>
            Workshop mode
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
