/** The plan library: every plan on this computer, and ways to add more. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/i18n';
import { SettingsDialog } from '../../shell/SettingsDialog';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { ExampleGallery } from './ExampleGallery';
import type { LibraryRow } from '../../db/database';
import {
  createPlan,
  deletePlan,
  duplicatePlan,
  openPlan,
  openPlanFile,
  purgePlan,
  renamePlan,
  restorePlan,
  showHelp,
  useWorkbench,
} from '../../app/workbench';

/** A moment in the UI language's way ("2 Dec 2026, 09:15"), in this computer's time zone. */
function useFormatWhen(): (iso: string) => string {
  const { locale } = useFormat();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
  };
}

function RenameDialog({ row, onClose }: { row: LibraryRow; onClose: () => void }) {
  const { t } = useTranslation('library');
  const [name, setName] = useState(row.name);
  const submit = async () => {
    if (!name.trim()) return;
    await renamePlan(row.id, name);
    onClose();
  };
  return (
    <Dialog
      title={t('renameDialog.title', { name: row.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="rename-form" className="primary" disabled={!name.trim()}>
            {t('renameDialog.rename')}
          </button>
        </>
      }
    >
      <form
        id="rename-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField label={t('renameDialog.name')} value={name} onChange={setName} />
      </form>
    </Dialog>
  );
}

function PurgeDialog({ row, onClose }: { row: LibraryRow; onClose: () => void }) {
  const { t } = useTranslation('library');
  return (
    <Dialog
      role="alertdialog"
      title={t('purgeDialog.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void purgePlan(row.id);
              onClose();
            }}
          >
            {t('purgeDialog.confirm')}
          </button>
        </>
      }
    >
      <p>{t('purgeDialog.body', { name: row.name })}</p>
    </Dialog>
  );
}

function PlanCard({ row, onRename }: { row: LibraryRow; onRename: () => void }) {
  const { t } = useTranslation('library');
  const formatWhen = useFormatWhen();
  const program = row.programName === row.name ? '' : row.programName;
  const subtitle = [program, row.organisation, row.region].filter(Boolean).join(' · ');
  return (
    <li className="plan-card">
      <div className="plan-card-text">
        <h2 className="plan-card-title">
          <button type="button" className="link-button" onClick={() => openPlan(row.id)}>
            {row.name}
          </button>
        </h2>
        {subtitle && <p className="plan-card-subtitle">{subtitle}</p>}
        <p className="plan-card-meta">
          {t('plan.lastEdited', { when: formatWhen(row.updatedAt) })}
        </p>
      </div>
      <div
        className="plan-card-actions"
        role="group"
        aria-label={t('plan.actionsFor', { name: row.name })}
      >
        <button
          type="button"
          onClick={() => openPlan(row.id)}
          aria-label={t('plan.openLabel', { name: row.name })}
        >
          {t('plan.open')}
        </button>
        <button
          type="button"
          onClick={onRename}
          aria-label={t('plan.renameLabel', { name: row.name })}
        >
          {t('plan.rename')}
        </button>
        <button
          type="button"
          onClick={() => void duplicatePlan(row.id)}
          aria-label={t('plan.duplicateLabel', { name: row.name })}
        >
          {t('plan.duplicate')}
        </button>
        <button
          type="button"
          onClick={() => void deletePlan(row.id)}
          aria-label={t('plan.deleteLabel', { name: row.name })}
        >
          {t('plan.delete')}
        </button>
      </div>
    </li>
  );
}

/** The library screen. */
export function LibraryView() {
  const library = useWorkbench((s) => s.library);
  const [renaming, setRenaming] = useState<LibraryRow | null>(null);
  const [purging, setPurging] = useState<LibraryRow | null>(null);
  const [gallery, setGallery] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const { t } = useTranslation(['library', 'common']);
  const formatWhen = useFormatWhen();
  const active = library.filter((r) => r.deletedAt === null);
  const deleted = library.filter((r) => r.deletedAt !== null);

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <div>
          <h1 id="library-title">{t('title')}</h1>
          <p className="lead">{t('lead')}</p>
        </div>
        <div className="library-actions">
          <button type="button" className="primary" onClick={() => void createPlan()}>
            {t('newBlank')}
          </button>
          <button type="button" onClick={() => setGallery(true)} aria-haspopup="dialog">
            {t('newFromExample')}
          </button>
          <button type="button" onClick={() => void openPlanFile()}>
            {t('openFile')}
          </button>
          <button type="button" className="subtle" onClick={() => showHelp('about')}>
            {t('about')}
          </button>
          <button type="button" className="subtle" onClick={() => setShowSettings(true)}>
            {t('common:settings.open')}
          </button>
        </div>
      </header>

      {active.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <ul className="plan-list" aria-label={t('plans')}>
          {active.map((row) => (
            <PlanCard key={row.id} row={row} onRename={() => setRenaming(row)} />
          ))}
        </ul>
      )}

      {deleted.length > 0 && (
        <section className="deleted-plans" aria-labelledby="deleted-title">
          <h2 id="deleted-title">{t('deleted.heading')}</h2>
          <ul aria-label={t('deleted.list')}>
            {deleted.map((row) => (
              <li key={row.id}>
                <span>{row.name}</span>
                <span className="plan-card-meta">
                  {t('deleted.when', { when: formatWhen(row.deletedAt ?? '') })}
                </span>
                <button
                  type="button"
                  onClick={() => void restorePlan(row.id)}
                  aria-label={t('deleted.restoreLabel', { name: row.name })}
                >
                  {t('deleted.restore')}
                </button>
                <button
                  type="button"
                  onClick={() => setPurging(row)}
                  aria-label={t('deleted.purgeLabel', { name: row.name })}
                >
                  {t('deleted.purge')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {renaming && <RenameDialog row={renaming} onClose={() => setRenaming(null)} />}
      {purging && <PurgeDialog row={purging} onClose={() => setPurging(null)} />}
      {gallery && <ExampleGallery onClose={() => setGallery(false)} />}
      {showSettings && <SettingsDialog onClose={() => setShowSettings(false)} />}
    </main>
  );
}
