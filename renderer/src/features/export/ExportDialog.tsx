/**
 * Export dialog: Word or Excel, the audience (full internal, funder,
 * partner-safe), the date the document is "as of", which sections.
 * The file is built in the export worker (the UI stays responsive, with a
 * progress bar), then saved through the platform: a save dialog and atomic
 * write on the desktop, a download in the browser.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  ALL_SECTION_IDS,
  EXPORT_SECTIONS,
  PROFILES,
  type ExportSectionId,
  type Profile,
} from '../../../../shared/export/options';
import { EXPORT_KINDS, exportFileName, type ExportKind } from '../../../../shared/export/sanitize';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { notify } from '../../app/workbench';
import { DateFieldView } from '../../components/date-field';
import { Dialog } from '../../components/Dialog';
import { detectPlatform } from '../../platform/platform';
import { usePlanStore } from '../../store/plan-context';
import { createExportClient, type ExportClient } from './export-client';
import { countContentUse } from './content-use-export';

const KIND_OPTIONS: readonly { kind: ExportKind; label: string; hint: string }[] = [
  {
    kind: 'docx',
    label: 'Word program plan (.docx)',
    hint: 'A complete plan document with cover, contents, diagrams and tables.',
  },
  {
    kind: 'xlsx',
    label: 'Excel workbook (.xlsx)',
    hint: 'One sheet per area, with live make-or-buy formulas; stakeholders and indicators can be imported back.',
  },
];

/** What the file name says about the audience ("Program plan (partner-safe).docx"). */
const PROFILE_FILE_SUFFIX: Record<Exclude<Profile, 'internal'>, string> = {
  funder: 'funder',
  partner: 'partner-safe',
};

/** The export dialog. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const store = usePlanStore();
  const clientRef = useRef<ExportClient | null>(null);
  const [kind, setKind] = useState<ExportKind>('docx');
  const [profile, setProfile] = useState<Profile>('internal');
  // Statuses are worked out for a date the user sees and can change, never silently the export moment.
  const [asOf, setAsOf] = useState<string | null>(() => localToday());
  const [sections, setSections] = useState<ReadonlySet<ExportSectionId>>(new Set(ALL_SECTION_IDS));
  const [progress, setProgress] = useState<{ fraction: number; step: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progressId = useId();

  useEffect(() => () => clientRef.current?.dispose(), []);

  const toggle = (id: ExportSectionId, on: boolean) => {
    const next = new Set(sections);
    if (on) next.add(id);
    else next.delete(id);
    setSections(next);
  };

  const run = async () => {
    if (!asOf) return;
    setError(null);
    setProgress({ fraction: 0, step: 'Starting' });
    await store.getState().flush();
    const plan = store.getState().history.present;
    const client = (clientRef.current ??= createExportClient());
    try {
      const bytes = await client.exportFile(
        {
          type: 'export',
          kind,
          plan,
          profile,
          sections: ALL_SECTION_IDS.filter((id) => sections.has(id)),
          asOf,
          contentUse: sections.has('contentInUse') ? await countContentUse(plan, asOf) : undefined,
        },
        (fraction, step) => setProgress({ fraction, step }),
      );
      setProgress({ fraction: 1, step: 'Saving' });
      const base = kind === 'docx' ? 'Program plan' : 'Plan workbook';
      const name = exportFileName(
        plan.objective.programName.trim() || plan.name,
        kind,
        profile === 'internal' ? base : `${base} (${PROFILE_FILE_SUFFIX[profile]})`,
      );
      const result = await detectPlatform().saveExport(name, bytes, kind);
      setProgress(null);
      if (result.kind === 'saved') {
        notify(`Exported the ${EXPORT_KINDS[kind].label} “${result.path}”.`);
        onClose();
      } else if (result.kind === 'error') setError(result.message);
    } catch (e) {
      setProgress(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const busy = progress !== null;
  return (
    <Dialog
      title="Export plan"
      onClose={busy ? () => undefined : onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || sections.size === 0 || !asOf}
            onClick={() => void run()}
          >
            {busy ? 'Exporting…' : `Export ${kind === 'docx' ? 'Word document' : 'Excel workbook'}`}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <fieldset className="export-group" disabled={busy}>
          <legend>Format</legend>
          {KIND_OPTIONS.map((o) => (
            <label key={o.kind} className="export-choice">
              <input
                type="radio"
                name="export-kind"
                value={o.kind}
                checked={kind === o.kind}
                onChange={() => setKind(o.kind)}
              />
              <span>
                <strong>{o.label}</strong>
                <span className="export-hint">{o.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend>Audience</legend>
          {Object.values(PROFILES).map((p) => (
            <label key={p.id} className="export-choice">
              <input
                type="radio"
                name="export-profile"
                value={p.id}
                checked={profile === p.id}
                onChange={() => setProfile(p.id)}
              />
              <span>
                <strong>{p.label}</strong>
                <span className="export-hint">{p.description}</span>
              </span>
            </label>
          ))}
          <DateFieldView
            className="export-as-of"
            label="Dates and statuses as of"
            value={asOf}
            onChange={setAsOf}
            hint="Printed on the cover; engagement action statuses (done, overdue) are worked out for this date."
            error={asOf ? null : 'Enter the date the document is as of.'}
          />
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend>Sections</legend>
          <div className="export-select-all">
            <button
              type="button"
              className="subtle"
              onClick={() => setSections(new Set(ALL_SECTION_IDS))}
            >
              Select all
            </button>
            <button type="button" className="subtle" onClick={() => setSections(new Set())}>
              Select none
            </button>
          </div>
          <div className="export-sections">
            {EXPORT_SECTIONS.map((s) => (
              <label key={s.id} className="export-section">
                <input
                  type="checkbox"
                  checked={sections.has(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                {s.label}
              </label>
            ))}
          </div>
          {sections.size === 0 && <p className="export-hint">Tick at least one section.</p>}
        </fieldset>
        {progress && (
          <div className="export-progress" role="status">
            <label htmlFor={progressId}>{progress.step}…</label>
            <progress id={progressId} max={1} value={progress.fraction} />
          </div>
        )}
        {error && (
          <p className="export-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
