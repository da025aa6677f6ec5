/**
 * Controls around the matrix: which categories show, what colours mean,
 * desired-position arrows, and workshop snapshots to compare against.
 */
import { useId, useMemo } from 'react';
import { takeSnapshot, workshopSnapshots } from '../../../../shared/commands/stakeholders';
import { newId } from '../../../../shared/plan/create';
import { movementSince, summariseMovement } from '../../../../shared/stakeholders/movement';
import {
  CATEGORY_INFO,
  categoryOf,
  STANCE_INFO,
  type Category,
} from '../../../../shared/stakeholders/register';
import { useDispatch, usePlan } from '../../store/plan-context';
import { notifyUndoable } from '../../app/workbench';
import { CATEGORY_COLOURS, STANCE_COLOURS } from './colours';
import { setView, toggleCategory, useStakeholderView, type ColourBy } from './view-store';

/** Checkbox chips that show or hide each category (matrix and register). */
export function CategoryFilter() {
  const hidden = useStakeholderView((s) => s.hiddenCategories);
  const entries = usePlan((p) => p.stakeholders.entries);
  const labelId = useId();
  const counts = useMemo(() => {
    const c = Object.fromEntries(CATEGORY_INFO.map((x) => [x.id, 0])) as Record<Category, number>;
    for (const e of entries) c[categoryOf(e)]++;
    return c;
  }, [entries]);
  return (
    <div className="sh-chips" role="group" aria-labelledby={labelId}>
      <span className="visually-hidden" id={labelId}>
        Show categories
      </span>
      {CATEGORY_INFO.map((c) => (
        <label
          key={c.id}
          className="sh-chip"
          title={c.label}
          data-off={hidden.includes(c.id) || undefined}
        >
          <input
            type="checkbox"
            aria-label={`${c.label} (${counts[c.id]})`}
            checked={!hidden.includes(c.id)}
            onChange={() => toggleCategory(c.id)}
          />
          <span className="sh-swatch" style={{ background: CATEGORY_COLOURS[c.id] }} />
          <span aria-hidden="true">
            {c.chip} <span className="sh-chip-count">{counts[c.id]}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** The "Colour by" choice (stance or type). */
export function ColourChoice() {
  const colourBy = useStakeholderView((s) => s.colourBy);
  const id = useId();
  return (
    <div className="sh-inline-field">
      <label htmlFor={id}>Colour by</label>
      <select
        id={id}
        value={colourBy}
        onChange={(e) => setView({ colourBy: e.target.value as ColourBy })}
      >
        <option value="stance">Stance</option>
        <option value="category">Type</option>
      </select>
    </div>
  );
}

/** What the card colours mean, optionally with the "Colour by" choice. */
export function ColourLegend({ withChoice = true }: { withChoice?: boolean }) {
  const colourBy = useStakeholderView((s) => s.colourBy);
  const items =
    colourBy === 'stance'
      ? STANCE_INFO.map((s) => ({ key: s.id, label: s.label, colour: STANCE_COLOURS[s.id] }))
      : CATEGORY_INFO.map((c) => ({ key: c.id, label: c.short, colour: CATEGORY_COLOURS[c.id] }));
  return (
    <div className="sh-legend">
      {withChoice && <ColourChoice />}
      <ul
        className="sh-legend-items"
        aria-label={
          colourBy === 'stance' ? 'Card colours by current stance' : 'Card colours by type'
        }
      >
        <li className="sh-legend-title" aria-hidden="true">
          {colourBy === 'stance' ? 'Current stance:' : 'Type:'}
        </li>
        {items.map((i) => (
          <li key={i.key}>
            <span className="sh-swatch" style={{ background: i.colour }} aria-hidden="true" />
            {i.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Shows or hides the current → desired arrows. */
export function DesiredToggle() {
  const showDesired = useStakeholderView((s) => s.showDesired);
  const withDesired = usePlan(
    (p) => p.stakeholders.entries.filter((e) => e.desiredPosition).length,
  );
  return (
    <label className="sh-check sh-toggle">
      <input
        type="checkbox"
        checked={showDesired}
        onChange={(e) => setView({ showDesired: e.target.checked })}
      />
      <span className="sh-desired-key" aria-hidden="true" />
      <span>
        Desired positions <span className="sh-chip-count">{withDesired}</span>
      </span>
    </label>
  );
}

const snapshotTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** Takes a snapshot of every position now, kept with the plan, and compares against it. */
function useTakeSnapshot(): () => void {
  const dispatch = useDispatch();
  const count = usePlan((p) => p.stakeholders.snapshots.length);
  return () => {
    const now = new Date();
    const id = newId('snap');
    const result = dispatch(
      takeSnapshot({
        id,
        name: `Snapshot ${count + 1} · ${snapshotTime.format(now)}`,
        takenAt: now.toISOString(),
      }),
    );
    if (result.ok) setView({ compareSnapshotId: id });
  };
}

/** Picks the snapshot to compare with; takes and deletes snapshots. */
export function SnapshotControls() {
  const snapshots = usePlan((p) => p.stakeholders.snapshots);
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const take = useTakeSnapshot();
  const id = useId();
  const current = snapshots.find((s) => s.id === compareId) ?? null;
  return (
    <div className="sh-snapshots">
      <div className="sh-inline-field">
        <label htmlFor={id}>Compare with</label>
        <select
          id={id}
          value={current?.id ?? ''}
          onChange={(e) => setView({ compareSnapshotId: e.target.value || null })}
        >
          <option value="">No snapshot</option>
          {[...snapshots].reverse().map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={take}>
        Take snapshot
      </button>
    </div>
  );
}

/** "3 moved · 1 changed quadrant · 2 new" since the compared snapshot (read out when it changes). */
export function MovementSummary({ withDelete = false }: { withDelete?: boolean }) {
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const dispatch = useDispatch();
  const snapshot = usePlan((p) => p.stakeholders.snapshots.find((s) => s.id === compareId));
  const entries = usePlan((p) => p.stakeholders.entries);
  const summary = useMemo(
    () => (snapshot ? summariseMovement(movementSince(snapshot.positions, entries)) : null),
    [snapshot, entries],
  );
  return (
    <div className="sh-movement">
      <p className="sh-movement-summary" role="status">
        {summary && (
          <>
            <span className="sh-move-key" aria-hidden="true" />
            {summary.moved} moved · {summary.quadrantChanged} changed quadrant · {summary.added} new
            <span className="visually-hidden"> since {snapshot?.name}</span>
          </>
        )}
      </p>
      {snapshot && withDelete && (
        <button
          type="button"
          className="subtle danger-text"
          aria-label={`Delete snapshot ${snapshot.name}`}
          title="Delete this snapshot"
          onClick={() => {
            setView({ compareSnapshotId: null });
            const result = dispatch(workshopSnapshots.remove({ ids: [snapshot.id] }));
            if (result.ok) notifyUndoable(`Deleted snapshot “${snapshot.name}”.`, result.stepId);
          }}
        >
          Delete snapshot
        </button>
      )}
    </div>
  );
}
