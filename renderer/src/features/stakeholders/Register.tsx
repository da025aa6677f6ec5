/**
 * The register: every stakeholder and partner in a sortable, searchable
 * table with inline editing of the key fields; a row opens to the full
 * editor. Deleting is undoable (and offers Undo straight away).
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../../../shared/plan/schema';
import { quadrantOf } from '../../../../shared/stakeholders/quadrants';
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

/** Table columns (named by their sort keys); a column may sort by two keys (stacked fields). */
const COLUMNS: {
  id: string;
  keys: readonly SortKey[];
  /** The column's name when it is not its one key's (read out for the header). */
  label?: 'ownerAndCheckpoint' | 'actions';
  className?: string;
}[] = [
  { id: 'name', keys: ['name'], className: 'sh-col-name' },
  { id: 'category', keys: ['category'], className: 'sh-col-type' },
  { id: 'power', keys: ['power'], className: 'sh-col-num' },
  { id: 'interest', keys: ['interest'], className: 'sh-col-num' },
  { id: 'quadrant', keys: ['quadrant'], className: 'sh-col-quadrant' },
  { id: 'stance', keys: ['stance'], className: 'sh-col-stance' },
  {
    id: 'owner',
    keys: ['owner', 'nextCheckpoint'],
    label: 'ownerAndCheckpoint',
    className: 'sh-col-owner',
  },
  { id: 'actions', keys: [], label: 'actions', className: 'sh-col-actions' },
];

/** The sort marks of the column headers (symbols, hidden from screen readers). */
const SORT_MARKS = { ascending: '▲', descending: '▼', none: '↕' } as const;

/** Height of a register row before it is measured (px). */
const ROW_ESTIMATE = 78;

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
  const { t } = useTranslation('stakeholders');
  const edits = useStakeholderEdits();
  const seal = useSealHistory();
  const name = entry.name || t('unnamed');
  const quadrant = quadrantOf(entry);
  const quadrantLabel = t(`quadrants.${quadrant}.label`);
  const checkpoint = dueStatus(entry.nextCheckpoint, false, today);
  const overdue = overdueCount(entry, today);
  const remove = () => {
    const result = edits.remove(entry.id);
    if (result.ok) notifyUndoable(t('register.deleted', { name }), result.stepId);
  };
  // Compact type labels for the table cell (the details editor spells them out).
  const typeOptions = CATEGORY_INFO.map((c) => ({
    value: c.id,
    label:
      c.id === 'stakeholder' || c.id === 'other'
        ? t(`categories.${c.id}.short`)
        : t(`categories.${c.id}.chip`),
  }));
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
            aria-label={t('register.nameOf', { name })}
            value={entry.name}
            maxLength={500}
            onChange={(e) => edits.update(entry.id, 'name', e.target.value)}
            onBlur={seal}
          />
          <span className="sh-cell-sub">{entry.organisation}</span>
        </th>
        <td>
          <select
            className="sh-cell-input"
            aria-label={t('register.typeOf', { name })}
            value={categoryOf(entry)}
            onChange={(e) => edits.patch(entry.id, fromCategory(e.target.value as never))}
          >
            {typeOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </td>
        <td className="sh-col-num">
          <ScoreInput
            compact
            label={t('register.powerOf', { name })}
            noun={t('editor.power')}
            value={isPlaced(entry) ? entry.power : null}
            onCommit={(v) => edits.move(entry.id, { power: v, interest: entry.interest })}
          />
        </td>
        <td className="sh-col-num">
          <ScoreInput
            compact
            label={t('register.interestOf', { name })}
            noun={t('editor.interest')}
            value={isPlaced(entry) ? entry.interest : null}
            onCommit={(v) => edits.move(entry.id, { power: entry.power, interest: v })}
          />
        </td>
        <td className="sh-col-quadrant">
          {isPlaced(entry) ? (
            <button
              type="button"
              className={`sh-quadrant-badge sh-quadrant-badge--${quadrant} sh-quadrant-button`}
              title={t('register.showOnMatrixTitle', {
                approach: t(`quadrants.${quadrant}.approach`),
              })}
              aria-label={t('register.showOnMatrix', { quadrant: quadrantLabel, name })}
              onClick={() => {
                select(entry.id);
                setView({ tab: 'matrix' });
              }}
            >
              {quadrantLabel}
            </button>
          ) : (
            <span className="sh-quadrant-badge" title={t('register.unplacedTitle')}>
              {t('tray.title')}
            </span>
          )}
        </td>
        <td className="sh-col-stance">
          <div className="sh-stance-pair">
            <select
              className="sh-cell-input"
              aria-label={t('register.currentStanceOf', { name })}
              value={entry.currentStance}
              onChange={(e) =>
                edits.update(
                  entry.id,
                  'currentStance',
                  e.target.value as Stakeholder['currentStance'],
                )
              }
            >
              {STANCE_INFO.map((s) => (
                <option key={s.id} value={s.id}>
                  {t(`stances.${s.id}`)}
                </option>
              ))}
            </select>
            <span aria-hidden="true" className="sh-stance-arrow">
              {t('arrow')}
            </span>
            <select
              className="sh-cell-input"
              aria-label={t('register.desiredStanceOf', { name })}
              value={entry.desiredStance}
              onChange={(e) =>
                edits.update(
                  entry.id,
                  'desiredStance',
                  e.target.value as Stakeholder['desiredStance'],
                )
              }
            >
              {STANCE_INFO.map((s) => (
                <option key={s.id} value={s.id}>
                  {t(`stances.${s.id}`)}
                </option>
              ))}
            </select>
          </div>
        </td>
        <td className="sh-col-owner">
          <input
            type="text"
            className="sh-cell-input"
            aria-label={t('register.ownerOf', { name })}
            value={entry.owner}
            maxLength={500}
            onChange={(e) => edits.update(entry.id, 'owner', e.target.value)}
            onBlur={seal}
          />
          <TableDateField
            hideLabel
            className="sh-due-field"
            inputClassName={`sh-cell-input sh-due-input sh-due--${checkpoint.state}`}
            label={t('register.checkpointWith', { name })}
            value={entry.nextCheckpoint}
            onChange={(v) => edits.update(entry.id, 'nextCheckpoint', v)}
          />
          {overdue > 0 && (
            <span className="sh-overdue-pill">{t('overdue', { count: overdue })}</span>
          )}
        </td>
        <td className="sh-col-actions">
          <button
            type="button"
            className="subtle"
            aria-expanded={expanded}
            aria-label={
              expanded ? t('register.hideDetails', { name }) : t('register.showDetails', { name })
            }
            onClick={() => toggleExpanded(entry.id)}
          >
            {expanded ? t('register.hide') : t('register.details')}
          </button>
          <button
            type="button"
            className="subtle danger-text"
            aria-label={t('register.deleteLabel', { name })}
            onClick={remove}
          >
            {t('register.delete')}
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
  const { t } = useTranslation('stakeholders');
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
          <label htmlFor="sh-search">{t('register.search')}</label>
          <input
            id="sh-search"
            type="search"
            value={search}
            placeholder={t('register.searchPlaceholder')}
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
          {t('register.import')}
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
        {sort
          ? t('register.showingSorted', {
              shown: rows.length,
              total: entries.length,
              column: t(`register.sortNames.${sort.key}`),
              direction: sort.direction,
            })
          : t('register.showing', { shown: rows.length, total: entries.length })}
      </p>
      <div
        ref={scrollRef}
        className={`sh-table-wrap ${windowed ? 'sh-table-wrap--windowed' : ''}`}
        onKeyDown={windowRows.onKeyDown}
        onFocus={windowRows.onFocus}
      >
        <table className="sh-table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">{t('register.caption')}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => {
                const sorted = c.keys.find((k) => k === sort?.key);
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={c.className}
                    aria-sort={sorted && sort ? sort.direction : c.keys.length ? 'none' : undefined}
                  >
                    {c.keys.length === 0 && c.label && (
                      <span className="visually-hidden">{t(`register.${c.label}`)}</span>
                    )}
                    {c.keys.map((k) => (
                      <button key={k} type="button" className="sh-sort" onClick={() => sortBy(k)}>
                        {t(`register.columns.${k}`)}
                        <span aria-hidden="true" className="sh-sort-mark">
                          {sort?.key === k ? SORT_MARKS[sort.direction] : SORT_MARKS.none}
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
            {entries.length === 0 ? t('register.empty') : t('register.noMatch')}
          </p>
        )}
      </div>
    </div>
  );
}
