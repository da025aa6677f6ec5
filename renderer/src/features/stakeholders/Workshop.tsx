/**
 * Workshop mode: the matrix full screen for a projector — large type, high
 * contrast, no editing chrome. The consultant adds stakeholders by name,
 * moves cards by mouse or keyboard while the room discusses, and compares
 * with a snapshot taken at the start (movement arrows). Uses the Fullscreen
 * API where allowed, and otherwise fills the window.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { QUADRANT_INFO, quadrantOf } from '../../../../shared/stakeholders/quadrants';
import {
  categoryLabel,
  categoryOf,
  countOf,
  isPlaced,
  stanceLabel,
} from '../../../../shared/stakeholders/register';
import { undoLastChange } from '../../app/workbench';
import { usePlan, usePlanState } from '../../store/plan-context';
import { undoLabel } from '../../../../shared/history';
import { cutToLength } from '../../../../shared/text-length';
import { blankStakeholder, useStakeholderEdits } from './edits';
import { Matrix } from './Matrix';
import { ColourLegend, DesiredToggle, MovementSummary, SnapshotControls } from './Toolbar';
import { select, setView, useStakeholderView } from './view-store';

function SelectedStrip() {
  const selectedId = useStakeholderView((s) => s.selectedId);
  const entry = usePlan((p) => p.stakeholders.entries.find((e) => e.id === selectedId) ?? null);
  if (!entry) {
    return (
      <p className="sh-ws-hint">
        Select a card (click or Tab), then drag it or move it with the arrow keys (Shift: steps of
        10).
      </p>
    );
  }
  if (!isPlaced(entry)) {
    return (
      <p className="sh-ws-selected" aria-live="polite">
        <strong>{entry.name || 'Unnamed'}</strong>{' '}
        <span className="sh-ws-selected-meta">
          Unplaced: drag it onto the matrix, or press an arrow key on it in the tray.
        </span>
      </p>
    );
  }
  const info = QUADRANT_INFO[quadrantOf(entry)];
  const meta = `${categoryLabel(categoryOf(entry))} · ${stanceLabel(entry.currentStance)} · power ${
    entry.power
  } · interest ${entry.interest}`;
  return (
    <p
      className="sh-ws-selected"
      aria-live="polite"
      title={`${entry.name} · ${meta} · ${info.approach}`}
    >
      <strong>{entry.name || 'Unnamed'}</strong> <span className="sh-ws-selected-meta">{meta}</span>{' '}
      <span className={`sh-quadrant-badge sh-quadrant-badge--${info.id}`}>{info.label}</span>{' '}
      {info.approach}
    </p>
  );
}

function QuickAdd() {
  const [name, setName] = useState('');
  const edits = useStakeholderEdits();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const entry = blankStakeholder(cutToLength(trimmed, 500));
    edits.add(entry);
    select(entry.id);
    setName('');
    // It waits in the Unplaced tray: hand it to the keyboard there, so the
    // arrow keys place it straight away (or drag it onto the matrix).
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`.sh-workshop [data-unplaced-id="${CSS.escape(entry.id)}"]`)
        ?.focus(),
    );
  };
  return (
    <form className="sh-ws-add" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        New stakeholder name
      </label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={500}
        placeholder="Add stakeholder…"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!name.trim()}>
        Add
      </button>
    </form>
  );
}

/** The full-screen workshop view; `onExit` returns to the section. */
export function Workshop({ onExit }: { onExit: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const programName = usePlan((p) => p.objective.programName || p.name);
  const count = usePlan((p) => p.stakeholders.entries.filter(isPlaced).length);
  const undoName = usePlanState((s) => undoLabel(s.history));
  const exitRef = useRef(onExit);
  useEffect(() => {
    exitRef.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Keep keyboard focus inside the workshop while it is open.
    const workspace = document.getElementById('root');
    const previouslyInert = workspace?.inert ?? false;
    if (workspace && !workspace.contains(el)) workspace.inert = true;
    el.focus();
    let wasFullscreen = false;
    const onChange = () => {
      if (document.fullscreenElement === el) wasFullscreen = true;
      else if (wasFullscreen) exitRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Browsers may refuse (no user gesture, policy): the overlay already fills the window.
    if (el.requestFullscreen && !document.fullscreenElement) {
      el.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (workspace) workspace.inert = previouslyInert;
      if (document.fullscreenElement === el) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  return createPortal(
    <div
      ref={ref}
      className="sh-workshop"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onExit();
        }
      }}
    >
      <header className="sh-ws-bar">
        <div className="sh-ws-title">
          <h2 id={titleId}>Stakeholder workshop</h2>
          <p>
            {programName} · {countOf(count, 'stakeholder', 'stakeholders')} on the map
          </p>
        </div>
        <QuickAdd />
        <SnapshotControls />
        <div className="sh-ws-actions">
          <button
            type="button"
            // The app's own Undo: it also says what it undid.
            onClick={undoLastChange}
            disabled={!undoName}
            aria-label={undoName ? `Undo ${undoName}` : 'Undo'}
          >
            Undo
          </button>
          <button type="button" className="sh-ws-exit" onClick={onExit}>
            Exit workshop
          </button>
        </div>
      </header>
      <div className="sh-ws-stage">
        <Matrix variant="workshop" />
      </div>
      <footer className="sh-ws-foot">
        <SelectedStrip />
        <div className="sh-ws-legend">
          <MovementSummary />
          <ColourLegend />
          <DesiredToggle />
        </div>
      </footer>
    </div>,
    document.body,
  );
}

/** Opens workshop mode (from a click, so the browser allows full screen). */
export function openWorkshop(): void {
  setView({ workshop: true, tab: 'matrix' });
}
