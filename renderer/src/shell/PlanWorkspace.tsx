/** An open plan: header with undo/redo and save state, section sidebar, section. */
import { useDeferredValue } from 'react';
import { useStore } from 'zustand';
import { redoLabel, undoLabel } from '../../../shared/history';
import { PLAN_SECTIONS, type SectionId } from '../app/routes';
import { navigate, savePlanAsFile, showHelp } from '../app/workbench';
import { SECTION_BADGES, SECTION_COMPONENTS, type SectionBadge } from '../app/sections';
import { PlanStoreProvider, usePlan } from '../store/plan-context';
import type { PlanStore } from '../store/plan-store';
import { SaveIndicator } from './SaveIndicator';
import { ExportButtons } from '../features/export/ExportButtons';

const GROUPS = ['Plan', 'Launch', 'Manage'] as const;

/** A section's count; computed on a deferred plan so a slow count never delays typing. */
function SidebarBadge({ badge }: { badge: SectionBadge }) {
  const plan = usePlan((p) => p);
  const count = badge.count(useDeferredValue(plan));
  if (count === 0) return null;
  return (
    <>
      <span className="sidebar-badge" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">, {badge.describe(count)}</span>
    </>
  );
}

function Sidebar({ planId, section }: { planId: string; section: SectionId }) {
  return (
    <nav className="sidebar" aria-label="Plan sections">
      {GROUPS.map((group) => {
        const sections = PLAN_SECTIONS.filter((s) => s.group === group);
        if (sections.length === 0) return null;
        return (
          <div key={group} className="sidebar-group">
            <h2 className="sidebar-group-title" id={`group-${group}`}>
              {group}
            </h2>
            <ul aria-labelledby={`group-${group}`}>
              {sections.map((s) => (
                <li key={s.id}>
                  <a
                    href={`#/plan/${encodeURIComponent(planId)}/${s.id}`}
                    aria-current={s.id === section ? 'page' : undefined}
                    className={SECTION_BADGES[s.id] ? 'sidebar-link-with-badge' : undefined}
                  >
                    {s.label}
                    {SECTION_BADGES[s.id] && <SidebarBadge badge={SECTION_BADGES[s.id]!} />}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

/** The workspace of the open plan. */
export function PlanWorkspace({ store, section }: { store: PlanStore; section: SectionId }) {
  const name = useStore(store, (s) => s.history.present.name);
  const planId = useStore(store, (s) => s.history.present.id);
  const undoName = useStore(store, (s) => undoLabel(s.history));
  const redoName = useStore(store, (s) => redoLabel(s.history));
  const Section = SECTION_COMPONENTS[section];
  return (
    <PlanStoreProvider value={store}>
      <div className="workspace">
        <header className="topbar">
          <button type="button" className="subtle" onClick={() => navigate({ view: 'library' })}>
            ← All plans
          </button>
          <p className="topbar-title" title={name}>
            {name || 'Untitled plan'}
          </p>
          <SaveIndicator />
          <div className="topbar-actions">
            <button
              type="button"
              onClick={() => store.getState().undo()}
              disabled={!undoName}
              aria-label={undoName ? `Undo ${undoName}` : 'Undo'}
              title={undoName ? `Undo ${undoName} (Ctrl+Z)` : 'Nothing to undo'}
            >
              Undo
            </button>
            <button
              type="button"
              onClick={() => store.getState().redo()}
              disabled={!redoName}
              aria-label={redoName ? `Redo ${redoName}` : 'Redo'}
              title={redoName ? `Redo ${redoName} (Shift+Ctrl+Z)` : 'Nothing to redo'}
            >
              Redo
            </button>
            <button type="button" onClick={() => void savePlanAsFile()}>
              Save as file…
            </button>
            <ExportButtons />
            <button
              type="button"
              className="subtle"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (Ctrl+/)"
              onClick={() => showHelp('shortcuts')}
            >
              ?
            </button>
          </div>
        </header>
        <div className="workspace-body">
          <Sidebar planId={planId} section={section} />
          <main className="section" aria-label={PLAN_SECTIONS.find((s) => s.id === section)?.label}>
            <Section />
          </main>
        </div>
      </div>
    </PlanStoreProvider>
  );
}
