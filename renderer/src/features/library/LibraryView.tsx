/** The plan library: every plan on this computer, and ways to add more. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

function RenameDialog({ row, onClose }: { row: LibraryRow; onClose: () => void }) {
  const [name, setName] = useState(row.name);
  const submit = async () => {
    if (!name.trim()) return;
    await renamePlan(row.id, name);
    onClose();
  };
  return (
    <Dialog
      title={`Rename "${row.name}"`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="rename-form" className="primary" disabled={!name.trim()}>
            Rename
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
        <TextField label="Plan name" value={name} onChange={setName} />
      </form>
    </Dialog>
  );
}

function PurgeDialog({ row, onClose }: { row: LibraryRow; onClose: () => void }) {
  return (
    <Dialog
      role="alertdialog"
      title="Delete this plan for good?"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void purgePlan(row.id);
              onClose();
            }}
          >
            Delete for good
          </button>
        </>
      }
    >
      <p>
        &ldquo;{row.name}&rdquo; will be removed from this computer. This cannot be undone. Save it
        as a file first if you may need it again.
      </p>
    </Dialog>
  );
}

function PlanCard({ row, onRename }: { row: LibraryRow; onRename: () => void }) {
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
        <p className="plan-card-meta">Last edited {formatWhen(row.updatedAt)}</p>
      </div>
      <div className="plan-card-actions" role="group" aria-label={`Actions for ${row.name}`}>
        <button type="button" onClick={() => openPlan(row.id)} aria-label={`Open ${row.name}`}>
          Open
        </button>
        <button type="button" onClick={onRename} aria-label={`Rename ${row.name}`}>
          Rename
        </button>
        <button
          type="button"
          onClick={() => void duplicatePlan(row.id)}
          aria-label={`Duplicate ${row.name}`}
        >
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => void deletePlan(row.id)}
          aria-label={`Delete ${row.name}`}
        >
          Delete
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
  const { t } = useTranslation();
  const active = library.filter((r) => r.deletedAt === null);
  const deleted = library.filter((r) => r.deletedAt !== null);

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <div>
          <h1 id="library-title">Your plans</h1>
          <p className="lead">
            Plans are kept on this computer and saved as you type. Save a plan as a file to send it
            to a colleague or keep a copy elsewhere.
          </p>
        </div>
        <div className="library-actions">
          <button type="button" className="primary" onClick={() => void createPlan()}>
            New blank plan
          </button>
          <button type="button" onClick={() => setGallery(true)} aria-haspopup="dialog">
            New from an example…
          </button>
          <button type="button" onClick={() => void openPlanFile()}>
            Open plan file…
          </button>
          <button type="button" className="subtle" onClick={() => showHelp('about')}>
            About
          </button>
          <button type="button" className="subtle" onClick={() => setShowSettings(true)}>
            {t('settings.open')}
          </button>
        </div>
      </header>

      {active.length === 0 ? (
        <p className="empty-state">
          No plans yet. Start a blank plan, or begin from one of the worked examples to see how a
          complete program plan fits together.
        </p>
      ) : (
        <ul className="plan-list" aria-label="Plans">
          {active.map((row) => (
            <PlanCard key={row.id} row={row} onRename={() => setRenaming(row)} />
          ))}
        </ul>
      )}

      {deleted.length > 0 && (
        <section className="deleted-plans" aria-labelledby="deleted-title">
          <h2 id="deleted-title">Recently deleted</h2>
          <ul aria-label="Recently deleted plans">
            {deleted.map((row) => (
              <li key={row.id}>
                <span>{row.name}</span>
                <span className="plan-card-meta">deleted {formatWhen(row.deletedAt ?? '')}</span>
                <button
                  type="button"
                  onClick={() => void restorePlan(row.id)}
                  aria-label={`Restore ${row.name}`}
                >
                  Restore
                </button>
                <button
                  type="button"
                  onClick={() => setPurging(row)}
                  aria-label={`Delete ${row.name} for good`}
                >
                  Delete for good
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
