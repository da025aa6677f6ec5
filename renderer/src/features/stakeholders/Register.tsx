/**
 * The register: every stakeholder and partner in a sortable, searchable
 * table with inline editing of the key fields; a row opens to the full
 * editor. Deleting is undoable (and offers Undo straight away).
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Stakeholder } from '../../../../shared/plan/schema';
import { QUADRANT_INFO, quadrantOf } from '../../../../shared/stakeholders/quadrants';
import {
  isPlaced,
  CATEGORY_INFO,
  categoryOf,
  matchesFilter,
  overdueCount,
  sortEntries,
  STANCE_INFO,
  type SortKey,
} from '../../../../shared/stakeholders/register';
import { dueStatus } from '../../../../shared/stakeholders/schedule';
import { notifyUndoable } from '../../app/workbench';
import { useStakeholderEdits } from './edits';
import { usePlan, useSealHistory } from '../../store/plan-context';
import { useWindowedRows } from '../../components/windowed';
import { TableDateField } from '../../components/fields';

import { ImportDialog } from '../content/ImportDialog';
import { stakeholderTarget } from './stakeholder-import';
import { CategoryFilter } from './Toolbar';
import { fromCategory, StakeholderEditor } from './StakeholderEditor';
import { ScoreInput } from './ScoreInput';
import { useToday } from './today';
import { select, setView, toggleExpanded, useStakeholderView } from './view-store';

/** Table columns; a column may sort by two keys (stacked fields). */
const COLUMNS: {
  keys: readonly { key: SortKey; label: string }[];
  label: string;
  className?: string;
}[] = [
  { keys: [{ key: 'name', label: 'Name' }], label: 'Name', className: 'sh-col-name' },
  { keys: [{ key: 'category', label: 'Type' }], label: 'Type', className: 'sh-col-type' },
  { keys: [{ key: 'power', label: 'Power' }], label: 'Power', className: 'sh-col-num' },
  { keys: [{ key: 'interest', label: 'Interest' }], label: 'Interest', className: 'sh-col-num' },
  {
    keys: [{ key: 'quadrant', label: 'Quadrant' }],
    label: 'Quadrant',
    className: 'sh-col-quadrant',
  },
  {
    keys: [{ key: 'stance', label: 'Stance' }],
    label: 'Stance',
    className: 'sh-col-stance',
  },
  {
    keys: [
      { key: 'owner', label: 'Owner' },
      { key: 'nextCheckpoint', label: 'Next checkpoint' },
    ],
    label: 'Owner and next checkpoint',
    className: 'sh-col-owner',
  },
  { keys: [], label: 'Actions', className: 'sh-col-actions' },
];

/** Compact type labels for the table cell (the details editor spells them out). */
const TYPE_OPTIONS = CATEGORY_INFO.map((c) => ({
  value: c.id,
  label: c.id === 'stakeholder' ? 'Stakeholder' : c.id === 'other' ? 'Other partner' : c.chip,
}));

/** Height of a register row before it is measured (px). */
const ROW_ESTIMATE = 78;

const SORT_LABELS: Record<SortKey, string> = {
  name: 'name',
  category: 'type',
  power: 'power',
  interest: 'interest',
  quadrant: 'quadrant',
  stance: 'stance',
  owner: 'owner',
  nextCheckpoint: 'next checkpoint',
};

/**
 * One register entry: its row and, when open, its details row, in a tbody of
 * its own so a windowed register can measure the pair as one.
 */
const Row = memo(function Row({
  entry,
  expanded,
  today,
  index,
  measure,
}: {
  entry: Stakeholder;
  expanded: boolean;
  today: string;
  index: number;
  measure: ((element: Element | null) => void) | undefined;
}) {
  const edits = useStakeholderEdits();
  const seal = useSealHistory();
  const name = entry.name || 'Unnamed';
  const quadrant = QUADRANT_INFO[quadrantOf(entry)];
  const checkpoint = dueStatus(entry.nextCheckpoint, false, today);
  const overdue = overdueCount(entry, today);
  const remove = () => {
    const result = edits.remove(entry.id, name);
    if (result.ok) notifyUndoable(`Deleted "${name}".`, result.stepId);
  };
  return (
    <tbody data-index={index} ref={measure}>
      <tr
        className={expanded ? 'sh-row sh-row--open' : 'sh-row'}
        data-stakeholder-id={entry.id}
        aria-rowindex={index + 2}
      >
        <th scope="row" className="sh-col-name">
          <input
            type="text"
            className="sh-cell-input sh-cell-name"
            aria-label={`Name of ${name}`}
            value={entry.name}
            maxLength={500}
            onChange={(e) =>
              edits.update(
                entry.id,
                'name',
                e.target.value,
                'Edit name',
                `stakeholder.${entry.id}.name`,
              )
            }
            onBlur={seal}
          />
          <span className="sh-cell-sub">{entry.organisation}</span>
        </th>
        <td>
          <select
            className="sh-cell-input"
            aria-label={`Type of ${name}`}
            value={categoryOf(entry)}
            onChange={(e) =>
              edits.patch(entry.id, fromCategory(e.target.value as never), `Change type of ${name}`)
            }
          >
            {TYPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </td>
        <td className="sh-col-num">
          <ScoreInput
            compact
            label={`Power of ${name}`}
            noun="Power"
            value={isPlaced(entry) ? entry.power : null}
            onCommit={(v) =>
              edits.move(entry.id, { power: v, interest: entry.interest }, `Set power of ${name}`)
            }
          />
        </td>
        <td className="sh-col-num">
          <ScoreInput
            compact
            label={`Interest of ${name}`}
            noun="Interest"
            value={isPlaced(entry) ? entry.interest : null}
            onCommit={(v) =>
              edits.move(entry.id, { power: entry.power, interest: v }, `Set interest of ${name}`)
            }
          />
        </td>
        <td className="sh-col-quadrant">
          {isPlaced(entry) ? (
            <button
              type="button"
              className={`sh-quadrant-badge sh-quadrant-badge--${quadrant.id} sh-quadrant-button`}
              title={`${quadrant.approach} Click to show on the matrix.`}
              aria-label={`${quadrant.label}: show ${name} on the matrix`}
              onClick={() => {
                select(entry.id);
                setView({ tab: 'matrix' });
              }}
            >
              {quadrant.label}
            </button>
          ) : (
            <span className="sh-quadrant-badge" title="Not on the matrix yet: type its scores">
              Unplaced
            </span>
          )}
        </td>
        <td className="sh-col-stance">
          <div className="sh-stance-pair">
            <select
              className="sh-cell-input"
              aria-label={`Current stance of ${name}`}
              value={entry.currentStance}
              onChange={(e) =>
                edits.update(
                  entry.id,
                  'currentStance',
                  e.target.value as Stakeholder['currentStance'],
                  `Change stance of ${name}`,
                )
              }
            >
              {STANCE_INFO.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <span aria-hidden="true" className="sh-stance-arrow">
              →
            </span>
            <select
              className="sh-cell-input"
              aria-label={`Desired stance of ${name}`}
              value={entry.desiredStance}
              onChange={(e) =>
                edits.update(
                  entry.id,
                  'desiredStance',
                  e.target.value as Stakeholder['desiredStance'],
                  `Change desired stance of ${name}`,
                )
              }
            >
              {STANCE_INFO.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </td>
        <td className="sh-col-owner">
          <input
            type="text"
            className="sh-cell-input"
            aria-label={`Owner of ${name}`}
            value={entry.owner}
            maxLength={500}
            onChange={(e) =>
              edits.update(
                entry.id,
                'owner',
                e.target.value,
                'Edit owner',
                `stakeholder.${entry.id}.owner`,
              )
            }
            onBlur={seal}
          />
          <TableDateField
            hideLabel
            className="sh-due-field"
            inputClassName={`sh-cell-input sh-due-input sh-due--${checkpoint.state}`}
            label={`Next checkpoint with ${name}`}
            value={entry.nextCheckpoint}
            onChange={(v) =>
              edits.update(entry.id, 'nextCheckpoint', v, `Change checkpoint of ${name}`)
            }
          />
          {overdue > 0 && <span className="sh-overdue-pill">{overdue} overdue</span>}
        </td>
        <td className="sh-col-actions">
          <button
            type="button"
            className="subtle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of ${name}`}
            onClick={() => toggleExpanded(entry.id)}
          >
            {expanded ? 'Hide' : 'Details'}
          </button>
          <button
            type="button"
            className="subtle danger-text"
            aria-label={`Delete ${name}`}
            onClick={remove}
          >
            Delete
          </button>
        </td>
      </tr>
      {expanded && (
        <tr className="sh-row-details">
          <td colSpan={COLUMNS.length}>
            <StakeholderEditor entry={entry} layout="wide" />
          </td>
        </tr>
      )}
    </tbody>
  );
});

/** The register table with its search, filters and sorting. */
export function Register() {
  const entries = usePlan((p) => p.stakeholders.entries);
  const search = useStakeholderView((s) => s.search);
  const hidden = useStakeholderView((s) => s.hiddenCategories);
  const sort = useStakeholderView((s) => s.sort);
  const expanded = useStakeholderView((s) => s.expanded);
  const today = useToday();
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const rows = useMemo(() => {
    const shown = entries.filter((e) => matchesFilter(e, { search, hiddenCategories: hidden }));
    return sort ? sortEntries(shown, sort.key, sort.direction) : shown;
  }, [entries, search, hidden, sort]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // A long register is windowed in its own scroll box (the catalog does the same).
  const windowed = entries.length > 100;
  const windowRows = useWindowedRows({
    scrollRef,
    count: rows.length,
    estimateSize: ROW_ESTIMATE,
    getKey: useCallback((i: number) => rows[i]!.id, [rows]),
    windowed,
    headerSize: 44,
  });

  const sortBy = (key: SortKey) => {
    const direction =
      sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setView({ sort: { key, direction } });
  };

  return (
    <div className="sh-register">
      <div className="sh-toolbar">
        <div className="sh-inline-field sh-search">
          <label htmlFor="sh-search">Search</label>
          <input
            id="sh-search"
            type="search"
            value={search}
            placeholder="Name, organisation, role, owner, notes…"
            onChange={(e) => setView({ search: e.target.value })}
          />
        </div>
        <CategoryFilter />
        <button
          type="button"
          ref={importButton}
          className="sh-import-button"
          onClick={() => setImporting(true)}
        >
          Import stakeholder list…
        </button>
      </div>
      {importing && (
        <ImportDialog
          target={stakeholderTarget}
          onClose={() => {
            setImporting(false);
            requestAnimationFrame(() => importButton.current?.focus());
          }}
        />
      )}
      <p className="section-note" role="status">
        Showing {rows.length} of {entries.length}
        {sort ? `, sorted by ${SORT_LABELS[sort.key]} (${sort.direction})` : ''}.
      </p>
      <div
        ref={scrollRef}
        className={`sh-table-wrap ${windowed ? 'sh-table-wrap--windowed' : ''}`}
        onKeyDown={windowRows.onKeyDown}
        onFocus={windowRows.onFocus}
      >
        <table className="sh-table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">Stakeholder and partner register</caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => {
                const sorted = c.keys.find((k) => k.key === sort?.key);
                return (
                  <th
                    key={c.label}
                    scope="col"
                    className={c.className}
                    aria-sort={sorted && sort ? sort.direction : c.keys.length ? 'none' : undefined}
                  >
                    {c.keys.length === 0 && <span className="visually-hidden">{c.label}</span>}
                    {c.keys.map((k) => (
                      <button
                        key={k.key}
                        type="button"
                        className="sh-sort"
                        onClick={() => sortBy(k.key)}
                      >
                        {k.label}
                        <span aria-hidden="true" className="sh-sort-mark">
                          {sort?.key === k.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ))}
                  </th>
                );
              })}
            </tr>
          </thead>
          {windowRows.slots.map((slot) =>
            slot.kind === 'gap' ? (
              <tbody key={slot.key} aria-hidden="true" className="sh-rows-gap">
                <tr>
                  <td colSpan={COLUMNS.length} style={{ height: slot.size, padding: 0 }} />
                </tr>
              </tbody>
            ) : (
              <Row
                key={slot.key}
                entry={rows[slot.index]!}
                index={slot.index}
                measure={windowRows.measure}
                expanded={expanded.includes(rows[slot.index]!.id)}
                today={today}
              />
            ),
          )}
        </table>
        {rows.length === 0 && (
          <p className="empty-state">
            {entries.length === 0
              ? 'No stakeholders yet. Add the people and organisations whose support the program needs.'
              : 'Nothing matches the search and filters.'}
          </p>
        )}
      </div>
    </div>
  );
}
