/**
 * Workshop mode: the matrix full screen for a projector — large type, high
 * contrast, no editing chrome. The consultant adds stakeholders by name,
 * moves cards by mouse or keyboard while the room discusses, and compares
 * with a snapshot taken at the start (movement arrows). Uses the Fullscreen
 * API where allowed, and otherwise fills the window.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { quadrantOf } from '../../../../shared/stakeholders/quadrants';
import { categoryOf, isPlaced } from '../../../../shared/stakeholders/register';
import { undoLastChange } from '../../app/workbench';
import { usePlan, usePlanState } from '../../store/plan-context';
import { undoLabel } from '../../../../shared/history';
import { cutToLength } from '../../../../shared/text-length';
import { blankStakeholder, useStakeholderEdits } from './edits';
import { Matrix } from './Matrix';
import { ColourLegend, DesiredToggle, MovementSummary, SnapshotControls } from './Toolbar';
import { select, setView, useStakeholderView } from './view-store';

function SelectedStrip() {
  const { t } = useTranslation('stakeholders');
  const selectedId = useStakeholderView((s) => s.selectedId);
  const entry = usePlan((p) => p.stakeholders.entries.find((e) => e.id === selectedId) ?? null);
  if (!entry) {
    return <p className="sh-ws-hint">{t('workshop.hint')}</p>;
  }
  if (!isPlaced(entry)) {
    return (
      <p className="sh-ws-selected" aria-live="polite">
        <strong>{entry.name || t('unnamed')}</strong>{' '}
        <span className="sh-ws-selected-meta">{t('workshop.unplaced')}</span>
      </p>
    );
  }
  const q = quadrantOf(entry);
  const approach = t(`quadrants.${q}.approach`);
  const meta = t('workshop.meta', {
    type: t(`categories.${categoryOf(entry)}.short`),
    stance: t(`stances.${entry.currentStance}`),
    power: entry.power,
    interest: entry.interest,
  });
  return (
    <p
      className="sh-ws-selected"
      aria-live="polite"
      title={t('workshop.selectedTitle', { name: entry.name, meta, approach })}
    >
      <strong>{entry.name || t('unnamed')}</strong>{' '}
      <span className="sh-ws-selected-meta">{meta}</span>{' '}
      <span className={`sh-quadrant-badge sh-quadrant-badge--${q}`}>
        {t(`quadrants.${q}.label`)}
      </span>{' '}
      {approach}
    </p>
  );
}

function QuickAdd() {
  const { t } = useTranslation('stakeholders');
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
        {t('workshop.newName')}
      </label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={500}
        placeholder={t('workshop.addPlaceholder')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('workshop.add')}
      </button>
    </form>
  );
}

/** The full-screen workshop view; `onExit` returns to the section. */
export function Workshop({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation('stakeholders');
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
          <h2 id={titleId}>{t('workshop.title')}</h2>
          <p>{t('workshop.onTheMap', { program: programName, count })}</p>
        </div>
        <QuickAdd />
        <SnapshotControls />
        <div className="sh-ws-actions">
          <button
            type="button"
            // The app's own Undo: it also says what it undid.
            onClick={undoLastChange}
            disabled={!undoName}
            aria-label={
              undoName ? t('workshop.undoNamed', { change: undoName }) : t('workshop.undo')
            }
          >
            {t('workshop.undo')}
          </button>
          <button type="button" className="sh-ws-exit" onClick={onExit}>
            {t('workshop.exit')}
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
