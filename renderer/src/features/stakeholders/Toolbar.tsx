/**
 * Controls around the matrix: which categories show, what colours mean,
 * desired-position arrows, and workshop snapshots to compare against.
 */
import { useId, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { takeSnapshot, workshopSnapshots } from '../../../../shared/commands/stakeholders';
import { newId } from '../../../../shared/plan/create';
import {
  movementBetween,
  movementSince,
  summariseMovement,
} from '../../../../shared/stakeholders/movement';
import {
  CATEGORY_INFO,
  categoryOf,
  STANCE_INFO,
  type Category,
} from '../../../../shared/stakeholders/register';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { notifyUndoable } from '../../app/workbench';
import { formatFor } from '../../../../shared/i18n/format';
import { useDocumentTranslator } from '../../i18n/document-translator';
import { useFormat } from '../../i18n/i18n';
import { CATEGORY_COLOURS, STANCE_COLOURS } from './colours';
import { setView, toggleCategory, useStakeholderView, type ColourBy } from './view-store';

/** Checkbox chips that show or hide each category (matrix and register). */
export function CategoryFilter() {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
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
        {t('filter.label')}
      </span>
      {CATEGORY_INFO.map((c) => (
        <label
          key={c.id}
          className="sh-chip"
          title={t(`categories.${c.id}.label`)}
          data-off={hidden.includes(c.id) || undefined}
        >
          <input
            type="checkbox"
            aria-label={t('filter.chip', {
              category: t(`categories.${c.id}.label`),
              count: counts[c.id],
            })}
            checked={!hidden.includes(c.id)}
            onChange={() => toggleCategory(c.id)}
          />
          <span className="sh-swatch" style={{ background: CATEGORY_COLOURS[c.id] }} />
          <span aria-hidden="true">
            {t(`categories.${c.id}.chip`)}{' '}
            <span className="sh-chip-count">{format.number(counts[c.id])}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** The "Colour by" choice (stance or type). */
export function ColourChoice() {
  const { t } = useTranslation('stakeholders');
  const colourBy = useStakeholderView((s) => s.colourBy);
  const id = useId();
  return (
    <div className="sh-inline-field">
      <label htmlFor={id}>{t('colour.by')}</label>
      <select
        id={id}
        value={colourBy}
        onChange={(e) => setView({ colourBy: e.target.value as ColourBy })}
      >
        <option value="stance">{t('colour.stance')}</option>
        <option value="category">{t('colour.type')}</option>
      </select>
    </div>
  );
}

/** What the card colours mean, optionally with the "Colour by" choice. */
export function ColourLegend({ withChoice = true }: { withChoice?: boolean }) {
  const { t } = useTranslation('stakeholders');
  const colourBy = useStakeholderView((s) => s.colourBy);
  const items =
    colourBy === 'stance'
      ? STANCE_INFO.map((s) => ({
          key: s.id,
          label: t(`stances.${s.id}`),
          colour: STANCE_COLOURS[s.id],
        }))
      : CATEGORY_INFO.map((c) => ({
          key: c.id,
          label: t(`categories.${c.id}.short`),
          colour: CATEGORY_COLOURS[c.id],
        }));
  return (
    <div className="sh-legend">
      {withChoice && <ColourChoice />}
      <ul
        className="sh-legend-items"
        aria-label={colourBy === 'stance' ? t('colour.byStance') : t('colour.byType')}
      >
        <li className="sh-legend-title" aria-hidden="true">
          {colourBy === 'stance' ? t('colour.stanceTitle') : t('colour.typeTitle')}
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
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
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
        {t('desiredPositions')} <span className="sh-chip-count">{format.number(withDesired)}</span>
      </span>
    </label>
  );
}

/** Takes a snapshot of every position now, kept with the plan; returns its id (or null). */
function useTakeSnapshot(): () => string | null {
  const dispatch = useDispatch();
  const count = usePlan((p) => p.stakeholders.snapshots.length);
  // Named in the plan's document language, the name being plan content (the user can change it).
  const language = usePlan((p) => p.documentLanguage);
  const write = useDocumentTranslator(language);
  return () => {
    const now = new Date();
    const id = newId('snap');
    const time = new Intl.DateTimeFormat(formatFor(language).locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(now);
    const result = dispatch(
      takeSnapshot({
        id,
        name: write('stakeholders:snapshots.defaultName', { number: count + 1, time }),
        takenAt: now.toISOString(),
      }),
    );
    if (!result.ok) return null;
    setView({ compareSnapshotId: id, compareToSnapshotId: null });
    return id;
  };
}

/** The name of the snapshot being compared, editable in place (typing is one undo step). */
function SnapshotName({
  snapshot,
  inputRef,
}: {
  snapshot: { id: string; name: string };
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation('stakeholders');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const id = useId();
  return (
    <div className="sh-inline-field sh-snapshot-name">
      <label htmlFor={id}>{t('snapshots.name')}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        value={snapshot.name}
        maxLength={500}
        onChange={(e) =>
          dispatch(workshopSnapshots.update({ id: snapshot.id, patch: { name: e.target.value } }))
        }
        onBlur={seal}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            seal();
            e.currentTarget.select();
          }
        }}
      />
    </div>
  );
}

/**
 * Workshop snapshots: compare one with now or with another (movement arrows
 * from the first to the second), take a snapshot, and name the one compared.
 */
export function SnapshotControls() {
  const { t } = useTranslation('stakeholders');
  const snapshots = usePlan((p) => p.stakeholders.snapshots);
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const compareToId = useStakeholderView((s) => s.compareToSnapshotId);
  const take = useTakeSnapshot();
  const fromId = useId();
  const toId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const current = snapshots.find((s) => s.id === compareId) ?? null;
  const target = current ? (snapshots.find((s) => s.id === compareToId) ?? null) : null;
  const newestFirst = [...snapshots].reverse();
  return (
    <div className="sh-snapshots" role="group" aria-label={t('snapshots.group')}>
      <div className="sh-inline-field">
        <label htmlFor={fromId}>{t('snapshots.compare')}</label>
        <select
          id={fromId}
          value={current?.id ?? ''}
          onChange={(e) =>
            setView({
              compareSnapshotId: e.target.value || null,
              ...(e.target.value === compareToId ? { compareToSnapshotId: null } : {}),
            })
          }
        >
          <option value="">{t('snapshots.none')}</option>
          {newestFirst.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || t('snapshots.unnamed')}
            </option>
          ))}
        </select>
      </div>
      {current && (
        <div className="sh-inline-field">
          <label htmlFor={toId}>{t('snapshots.with')}</label>
          <select
            id={toId}
            value={target?.id ?? ''}
            onChange={(e) => setView({ compareToSnapshotId: e.target.value || null })}
          >
            <option value="">{t('snapshots.now')}</option>
            {newestFirst
              .filter((s) => s.id !== current.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name || t('snapshots.unnamed')}
                </option>
              ))}
          </select>
        </div>
      )}
      <button
        type="button"
        onClick={() => {
          if (!take()) return;
          // Name it now: the default name is selected, ready to type over.
          requestAnimationFrame(() => {
            nameRef.current?.focus();
            nameRef.current?.select();
          });
        }}
      >
        {t('snapshots.take')}
      </button>
      {current && <SnapshotName snapshot={current} inputRef={nameRef} />}
    </div>
  );
}

/** "3 moved · 1 changed quadrant · 2 new" since the compared snapshot (read out when it changes). */
export function MovementSummary({ withDelete = false }: { withDelete?: boolean }) {
  const { t } = useTranslation('stakeholders');
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const compareToId = useStakeholderView((s) => s.compareToSnapshotId);
  const dispatch = useDispatch();
  const snapshot = usePlan((p) => p.stakeholders.snapshots.find((s) => s.id === compareId));
  const target = usePlan((p) =>
    compareToId ? p.stakeholders.snapshots.find((s) => s.id === compareToId) : undefined,
  );
  const entries = usePlan((p) => p.stakeholders.entries);
  const summary = useMemo(() => {
    if (!snapshot) return null;
    return summariseMovement(
      target
        ? movementBetween(snapshot.positions, target.positions)
        : movementSince(snapshot.positions, entries),
    );
  }, [snapshot, target, entries]);
  return (
    <div className="sh-movement">
      <p className="sh-movement-summary" role="status">
        {summary && (
          <>
            <span className="sh-move-key" aria-hidden="true" />
            {t('snapshots.movement', {
              moved: summary.moved,
              changed: summary.quadrantChanged,
              added: summary.added,
            })}
            <span className="visually-hidden">
              {' '}
              {target
                ? t('snapshots.fromTo', { from: snapshot?.name ?? '', to: target.name })
                : t('snapshots.fromToNow', { from: snapshot?.name ?? '' })}
            </span>
          </>
        )}
      </p>
      {snapshot && withDelete && (
        <button
          type="button"
          className="subtle danger-text"
          aria-label={t('snapshots.deleteLabel', { name: snapshot.name })}
          title={t('snapshots.deleteTitle')}
          onClick={() => {
            setView({ compareSnapshotId: null, compareToSnapshotId: null });
            const result = dispatch(workshopSnapshots.remove({ ids: [snapshot.id] }));
            if (result.ok)
              notifyUndoable(t('snapshots.deleted', { name: snapshot.name }), result.stepId);
          }}
        >
          {t('snapshots.delete')}
        </button>
      )}
    </div>
  );
}
