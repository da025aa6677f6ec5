/** An open plan: header with undo/redo and save state, section sidebar, section. */
import { useState } from 'react';
import { useStore } from 'zustand';
import { redoLabel, undoLabel } from '../../../shared/history';
import { PLAN_SECTIONS, type SectionId } from '../app/routes';
import { takeOverEditing } from '../app/open-plan';
import {
  navigate,
  redoLastChange,
  savePlanAsFile,
  showHelp,
  undoLastChange,
} from '../app/workbench';
import { SECTION_BADGES, SECTION_COMPONENTS, type SectionBadge } from '../app/sections';
import { PlanStoreProvider, useSettledPlan } from '../store/plan-context';
import type { PlanStore } from '../store/plan-store';
import { SaveIndicator } from './SaveIndicator';
import { ExportButtons } from '../features/export/ExportButtons';

const GROUPS = ['Plan', 'Launch', 'Manage'] as const;

/**
 * A sidebar link with a section's count, computed once typing pauses so a
 * slow count never delays a keystroke. The count's meaning is part of the
 * link's name ("Onboarding checklist, 2 overdue"); the number itself is
 * decoration.
 */
function BadgedLink(props: { href: string; current: boolean; label: string; badge: SectionBadge }) {
  const plan = useSettledPlan();
  const count = props.badge.count(plan);
  return (
    <a
      href={props.href}
      aria-current={props.current ? 'page' : undefined}
      className="sidebar-link-with-badge"
      aria-label={count > 0 ? `${props.label}, ${props.badge.describe(count, plan)}` : undefined}
    >
      {props.label}
      {count > 0 && (
        <>
          <span className="sidebar-badge" aria-hidden="true">
            {count}
          </span>
          {/* The link's name is its aria-label; its text says the same for anything reading text. */}
          <span className="visually-hidden">, {props.badge.describe(count, plan)}</span>
        </>
      )}
    </a>
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
                  {SECTION_BADGES[s.id] ? (
                    <BadgedLink
                      href={`#/plan/${encodeURIComponent(planId)}/${s.id}`}
                      current={s.id === section}
                      label={s.label}
                      badge={SECTION_BADGES[s.id]!}
                    />
                  ) : (
                    <a
                      href={`#/plan/${encodeURIComponent(planId)}/${s.id}`}
                      aria-current={s.id === section ? 'page' : undefined}
                    >
                      {s.label}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

/** Says why the plan is read-only here (another window edits it, or storage is full) and offers to edit it here. */
function ReadOnlyBanner({ reason }: { reason: 'elsewhere' | 'storageFull' }) {
  const [taking, setTaking] = useState(false);
  return (
    <div className="readonly-banner" role="region" aria-label="Read-only">
      {reason === 'storageFull' ? (
        <p>
          <strong>Read-only here.</strong> There is no storage space left on this computer, so edits
          could not be saved. Save the plan as a file to keep a copy; free some disk space, then
          edit here.
        </p>
      ) : (
        <p>
          <strong>Read-only here.</strong> This plan is open for editing in another window or tab;
          this one shows it and follows its changes as they are saved.
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={taking}
        onClick={() => {
          setTaking(true);
          void takeOverEditing().finally(() => setTaking(false));
        }}
      >
        {taking ? 'Taking over…' : 'Edit here'}
      </button>
    </div>
  );
}

/** The workspace of the open plan. */
export function PlanWorkspace({ store, section }: { store: PlanStore; section: SectionId }) {
  const name = useStore(store, (s) => s.history.present.name);
  const planId = useStore(store, (s) => s.history.present.id);
  const access = useStore(store, (s) => s.access);
  const readOnlyReason = useStore(store, (s) => s.readOnlyReason);
  const editable = access === 'edit';
  const undoName = useStore(store, (s) => (editable ? undoLabel(s.history) : null));
  const redoName = useStore(store, (s) => (editable ? redoLabel(s.history) : null));
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
              onClick={undoLastChange}
              disabled={!undoName}
              aria-label={undoName ? `Undo ${undoName}` : 'Undo'}
              title={undoName ? `Undo ${undoName} (Ctrl+Z)` : 'Nothing to undo'}
            >
              Undo
            </button>
            <button
              type="button"
              onClick={redoLastChange}
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
        {access === 'readOnly' && <ReadOnlyBanner reason={readOnlyReason} />}
        <div className="workspace-body">
          <Sidebar planId={planId} section={section} />
          <main className="section" aria-label={PLAN_SECTIONS.find((s) => s.id === section)?.label}>
            {/* A disabled fieldset makes every form control inside read-only at once. */}
            <fieldset className="section-fieldset" disabled={!editable}>
              <Section />
            </fieldset>
          </main>
        </div>
      </div>
    </PlanStoreProvider>
  );
}
