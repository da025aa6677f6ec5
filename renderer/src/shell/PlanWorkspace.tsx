/** An open plan: header with undo/redo and save state, section sidebar, section. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { SettingsDialog } from './SettingsDialog';
import { ExportButtons } from '../features/export/ExportButtons';

const GROUPS = ['Plan', 'Launch', 'Manage'] as const;

/**
 * A sidebar link with a section's count, computed once typing pauses so a
 * slow count never delays a keystroke. The count's meaning is part of the
 * link's name ("Onboarding checklist, 2 overdue"); the number itself is
 * decoration.
 */
function BadgedLink(props: { href: string; current: boolean; label: string; badge: SectionBadge }) {
  const { t } = useTranslation(['shell', 'common']);
  const plan = useSettledPlan();
  const count = props.badge.count(plan);
  return (
    <a
      href={props.href}
      aria-current={props.current ? 'page' : undefined}
      className="sidebar-link-with-badge"
      aria-label={
        count > 0
          ? t('sidebar.linkWithBadge', {
              section: props.label,
              badge: props.badge.describe(count, plan),
            })
          : undefined
      }
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
  const { t } = useTranslation(['shell', 'common']);
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      {GROUPS.map((group) => {
        const sections = PLAN_SECTIONS.filter((s) => s.group === group);
        if (sections.length === 0) return null;
        return (
          <div key={group} className="sidebar-group">
            <h2 className="sidebar-group-title" id={`group-${group}`}>
              {t(`groups.${group}`)}
            </h2>
            <ul aria-labelledby={`group-${group}`}>
              {sections.map((s) => (
                <li key={s.id}>
                  {SECTION_BADGES[s.id] ? (
                    <BadgedLink
                      href={`#/plan/${encodeURIComponent(planId)}/${s.id}`}
                      current={s.id === section}
                      label={t(`sections.${s.id}`)}
                      badge={SECTION_BADGES[s.id]!}
                    />
                  ) : (
                    <a
                      href={`#/plan/${encodeURIComponent(planId)}/${s.id}`}
                      aria-current={s.id === section ? 'page' : undefined}
                    >
                      {t(`sections.${s.id}`)}
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
  const { t } = useTranslation(['shell', 'common']);
  const [taking, setTaking] = useState(false);
  return (
    <div className="readonly-banner" role="region" aria-label={t('readOnly.label')}>
      <p>
        <strong>{t('readOnly.title')}</strong>{' '}
        {reason === 'storageFull' ? t('readOnly.storageFull') : t('readOnly.elsewhere')}
      </p>
      <button
        type="button"
        className="primary"
        disabled={taking}
        onClick={() => {
          setTaking(true);
          void takeOverEditing().finally(() => setTaking(false));
        }}
      >
        {taking ? t('readOnly.takingOver') : t('readOnly.editHere')}
      </button>
    </div>
  );
}

/** The workspace of the open plan. */
export function PlanWorkspace({ store, section }: { store: PlanStore; section: SectionId }) {
  const { t } = useTranslation(['shell', 'common']);
  const [showSettings, setShowSettings] = useState(false);
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
            {t('topbar.allPlans')}
          </button>
          <p className="topbar-title" title={name}>
            {name || t('untitledPlan')}
          </p>
          <SaveIndicator />
          <div className="topbar-actions">
            <button
              type="button"
              onClick={undoLastChange}
              disabled={!undoName}
              aria-label={undoName ? t('topbar.undoNamed', { change: undoName }) : t('topbar.undo')}
              title={
                undoName ? t('topbar.undoTitle', { change: undoName }) : t('topbar.nothingToUndo')
              }
            >
              {t('topbar.undo')}
            </button>
            <button
              type="button"
              onClick={redoLastChange}
              disabled={!redoName}
              aria-label={redoName ? t('topbar.redoNamed', { change: redoName }) : t('topbar.redo')}
              title={
                redoName ? t('topbar.redoTitle', { change: redoName }) : t('topbar.nothingToRedo')
              }
            >
              {t('topbar.redo')}
            </button>
            <button type="button" onClick={() => void savePlanAsFile()}>
              {t('topbar.saveAsFile')}
            </button>
            <ExportButtons />
            <button
              type="button"
              className="subtle"
              aria-label={t('topbar.shortcuts')}
              title={t('topbar.shortcutsTitle')}
              onClick={() => showHelp('shortcuts')}
            >
              ?
            </button>
            <button type="button" className="subtle" onClick={() => setShowSettings(true)}>
              {t('common:settings.open')}
            </button>
          </div>
        </header>
        {access === 'readOnly' && <ReadOnlyBanner reason={readOnlyReason} />}
        <div className="workspace-body">
          <Sidebar planId={planId} section={section} />
          <main className="section" aria-label={t(`sections.${section}`)}>
            {/* A disabled fieldset makes every form control inside read-only at once. */}
            <fieldset className="section-fieldset" disabled={!editable}>
              <Section />
            </fieldset>
          </main>
        </div>
      </div>
      {showSettings && <SettingsDialog onClose={() => setShowSettings(false)} />}
    </PlanStoreProvider>
  );
}
