/** The plan top bar's "Export…" and "Import from Excel…" buttons and their dialogs. */
import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { RoundTripDialog } from './RoundTripDialog';
import './export.css';

/** Top-bar buttons; each opens its dialog. */
export function ExportButtons() {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen('export')} title="Export to Word or Excel">
        Export…
      </button>
      <button
        type="button"
        onClick={() => setOpen('import')}
        title="Import edited stakeholders and indicators from an exported workbook"
      >
        Import from Excel…
      </button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <RoundTripDialog onClose={() => setOpen(null)} />}
    </>
  );
}
