/**
 * The content catalog: candidate content with provider, kind, skills, level,
 * hours, languages and cost. Add, edit and delete; search and filter; import
 * from CSV or XLSX with column mapping. Every change is a command
 * (shared/commands/content.ts); deleting an item also takes it out of the
 * pathways that used it.
 */
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import {
  KIND_LABELS,
  NO_FILTER,
  filterCatalog,
  pathwaysUsing,
  queryWords,
  type CatalogFilter,
} from '../../../../shared/content/catalog';
import { splitList } from '../../../../shared/content/catalog-import';
import {
  addCatalogItem,
  removeCatalogItems,
  updateCatalogItem,
} from '../../../../shared/commands/content';
import { LEVEL_LABELS } from '../../../../shared/content/pathways';
import { formatMoney } from '../../../../shared/learners/segments';
import { newId } from '../../../../shared/plan/create';
import type { ContentItem } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { ImportDialog } from './ImportDialog';
import { FilterField, optionsOf } from './inline';
import { MoneyField } from '../learners/MoneyField';
import { useCatalogChoices, useIndexedCatalog } from './use-indexed-catalog';
import './content.css';

const KIND_OPTIONS = optionsOf(KIND_LABELS);
const LEVEL_OPTIONS = optionsOf(LEVEL_LABELS);

interface ItemForm {
  title: string;
  provider: string;
  kind: ContentItem['kind'];
  level: ContentItem['level'];
  hours: number | null;
  costPerLearner: number | null;
  skills: string;
  languages: string;
  url: string;
  notes: string;
}

function toForm(item: ContentItem | null): ItemForm {
  return {
    title: item?.title ?? '',
    provider: item?.provider ?? '',
    kind: item?.kind ?? 'course',
    level: item?.level ?? 'beginner',
    hours: item?.hours ?? null,
    costPerLearner: item?.costPerLearner ?? null,
    skills: item?.skills.join('; ') ?? '',
    languages: item?.languages.join('; ') ?? '',
    url: item?.url ?? '',
    notes: item?.notes ?? '',
  };
}

/** Add or edit one catalog item; saved as one undo step. */
function ItemDialog({ item, onClose }: { item: ContentItem | null; onClose: () => void }) {
  const currency = usePlan((p) => p.budget.currency);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const [form, setForm] = useState(() => toForm(item));
  const [tried, setTried] = useState(false);
  const set =
    <K extends keyof ItemForm>(key: K) =>
    (value: ItemForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const titleError = form.title.trim() ? null : 'Give the item a title.';
  const url = form.url.trim();
  const urlError =
    url && !/^(https?:\/\/|www\.)\S+$/i.test(url)
      ? 'Enter a web address starting with https://.'
      : null;

  const save = () => {
    setTried(true);
    if (titleError || urlError) return;
    const values = {
      title: form.title.trim(),
      provider: form.provider.trim(),
      kind: form.kind,
      level: form.level,
      hours: form.hours,
      costPerLearner: form.costPerLearner,
      skills: splitList(form.skills),
      languages: splitList(form.languages),
      url: /^www\./i.test(url) ? `https://${url}` : url,
      notes: form.notes,
    };
    const result = dispatch(
      item
        ? updateCatalogItem({ id: item.id, patch: values })
        : addCatalogItem({ item: { id: newId('cat'), ...values } }),
    );
    if (!result.ok) {
      notify(result.reason);
      return;
    }
    // A dialog's save is a step of its own: the next save must not merge into it.
    seal();
    onClose();
  };

  return (
    <Dialog
      title={item ? `Edit “${item.title}”` : 'Add catalog item'}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={save}>
            {item ? 'Save changes' : 'Add item'}
          </button>
        </>
      }
    >
      <form
        className="item-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="grid grid-2">
          <div className="span-2">
            <TextField label="Title" value={form.title} onChange={set('title')} />
            {tried && titleError && (
              <p className="field-error" role="alert">
                {titleError}
              </p>
            )}
          </div>
          <TextField label="Provider" value={form.provider} onChange={set('provider')} />
          <SelectField
            label="Kind"
            value={form.kind}
            options={KIND_OPTIONS}
            onChange={set('kind')}
          />
          <SelectField
            label="Level"
            value={form.level}
            options={LEVEL_OPTIONS}
            onChange={set('level')}
          />
          <NumberField
            label="Hours"
            value={form.hours}
            min={0}
            max={10_000}
            onChange={set('hours')}
          />
          <MoneyField
            label="Cost per learner"
            value={form.costPerLearner}
            currency={currency}
            max={1e9}
            onChange={set('costPerLearner')}
          />
          <TextField
            label="Languages"
            value={form.languages}
            onChange={set('languages')}
            hint="Separate with semicolons."
          />
          <TextField
            className="span-2"
            label="Skills taught"
            value={form.skills}
            onChange={set('skills')}
            hint="Separate with semicolons, e.g. SQL; Data cleaning."
          />
          <div className="span-2">
            <TextField label="URL" value={form.url} onChange={set('url')} maxLength={2000} />
            {tried && urlError && (
              <p className="field-error" role="alert">
                {urlError}
              </p>
            )}
          </div>
          <TextAreaField
            className="span-2"
            label="Notes"
            value={form.notes}
            onChange={set('notes')}
          />
        </div>
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </Dialog>
  );
}

const COLUMNS = 8;

/** A count with thousands separators ("12,032"). */
const count = (n: number) => n.toLocaleString('en-GB');

/** One catalog row; memoised so scrolling renders only rows that come into view. */
const CatalogRow = memo(function CatalogRow({
  item,
  index,
  measure,
  onEdit,
  onDelete,
}: {
  item: ContentItem;
  index: number;
  measure: ((element: Element | null) => void) | undefined;
  onEdit: (item: ContentItem) => void;
  onDelete: (item: ContentItem) => void;
}) {
  const currency = usePlan((p) => p.budget.currency);
  return (
    <tr data-index={index} aria-rowindex={index + 2} ref={measure}>
      <th scope="row" className="title-cell">
        <span className="item-title">{item.title}</span>
        {item.provider && <span className="item-provider">{item.provider}</span>}
      </th>
      <td>{KIND_LABELS[item.kind]}</td>
      <td>
        <span className={`level level-${item.level}`}>{LEVEL_LABELS[item.level]}</span>
      </td>
      <td className="skills-cell">{item.skills.join(', ')}</td>
      <td className="num">{item.hours ?? '—'}</td>
      <td>{item.languages.join(', ')}</td>
      <td className="num">
        {item.costPerLearner === null ? '—' : formatMoney(item.costPerLearner, currency)}
      </td>
      <td className="actions-cell">
        <button
          type="button"
          className="subtle"
          aria-label={`Edit ${item.title}`}
          onClick={() => onEdit(item)}
        >
          Edit
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={`Delete ${item.title}`}
          onClick={() => onDelete(item)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
});

/**
 * The catalog table. A long catalog is windowed in a scroll box with a sticky
 * header: only rows near the view are in the DOM; aria-rowcount tells
 * assistive technology how many there are, and ↑ ↓ PageUp PageDown Home End
 * move between rows.
 */
function CatalogTable(props: {
  items: readonly ContentItem[];
  windowed: boolean;
  onEdit: (item: ContentItem) => void;
  onDelete: (item: ContentItem) => void;
}) {
  const { items } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows({
    scrollRef,
    count: items.length,
    estimateSize: 58,
    getKey: useCallback((i: number) => items[i]!.id, [items]),
    windowed: props.windowed,
    headerSize: 42,
  });
  return (
    <div
      ref={scrollRef}
      className={`table-scroll ${rows.windowed ? 'catalog-scroll' : ''}`}
      onKeyDown={rows.onKeyDown}
      onFocus={rows.onFocus}
    >
      <table
        className={`data-table catalog-table ${rows.windowed ? 'windowed' : ''}`}
        aria-rowcount={items.length + 1}
      >
        <caption className="visually-hidden">Catalog items</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Level</th>
            <th scope="col">Skills</th>
            <th scope="col" className="num">
              Hours
            </th>
            <th scope="col">Languages</th>
            <th scope="col" className="num">
              Cost / learner
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slots.map((slot) =>
            slot.kind === 'gap' ? (
              <tr key={slot.key} aria-hidden="true" className="row-gap">
                <td colSpan={COLUMNS} style={{ height: slot.size }} />
              </tr>
            ) : (
              <CatalogRow
                key={slot.key}
                item={items[slot.index]!}
                index={slot.index}
                measure={rows.measure}
                onEdit={props.onEdit}
                onDelete={props.onDelete}
              />
            ),
          )}
        </tbody>
      </table>
      {items.length === 0 && <p className="empty-note">No items match these filters.</p>}
    </div>
  );
}

/** The Content catalog section. */
export function CatalogSection() {
  // The list follows the plan as an interruptible update: after an import of
  // tens of thousands of rows, the click's own frame stays short and the
  // list catches up in slices.
  const catalog = useDeferredValue(usePlan((p) => p.content.catalog));
  const pathways = usePlan((p) => p.content.pathways);
  const dispatch = useDispatch();
  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const [editing, setEditing] = useState<ContentItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // Typing updates the box at once; the list follows as an interruptible update.
  const deferredFilter = useDeferredValue(filter);
  const indexed = useIndexedCatalog(catalog);
  // While a big change is still being indexed, text search runs over the indexed catalog.
  const searched = queryWords(deferredFilter.query).length > 0 ? indexed : catalog;
  const shown = useMemo(() => filterCatalog(searched, deferredFilter), [searched, deferredFilter]);
  const { languages, skills } = useCatalogChoices(catalog);
  const filtered = shown.length !== catalog.length;
  const setF =
    <K extends keyof CatalogFilter>(key: K) =>
    (value: CatalogFilter[K]) =>
      setFilter((f) => ({ ...f, [key]: value }));

  const remove = useCallback(
    (item: ContentItem) => {
      const used = pathwaysUsing(pathways, item.id);
      const result = dispatch(removeCatalogItems({ ids: [item.id] }));
      if (!result.ok) {
        notify(result.reason);
        return;
      }
      notifyUndoable(
        `Deleted “${item.title}”${used.length ? ` and removed it from ${used.map((u) => u.name).join(', ')}` : ''}.`,
        result.stepId,
      );
    },
    [dispatch, pathways],
  );

  return (
    <div className="section-body content-section wide-section">
      <header className="section-header">
        <h1>Content catalog</h1>
        <p className="lead">
          Candidate content for the program: courses, professional certificates, skill sets, guided
          projects, clips and in-house modules. Pathways are built from these items.
        </p>
      </header>

      <section className="card" aria-labelledby="catalog-heading">
        <div className="card-title-row">
          <h2 id="catalog-heading">
            Catalog <span className="count">({count(catalog.length)})</span>
          </h2>
          <div className="toolbar">
            <button type="button" onClick={() => setImporting(true)}>
              Import from spreadsheet…
            </button>
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              Add item
            </button>
          </div>
        </div>

        <div className="filters" role="search" aria-label="Filter the catalog">
          <FilterField label="Search" className="-search">
            {(id) => (
              <input
                id={id}
                type="search"
                value={filter.query}
                placeholder="Title, provider, skill…"
                onChange={(e) => setF('query')(e.target.value)}
              />
            )}
          </FilterField>
          <FilterField label="Kind">
            {(id) => (
              <select
                id={id}
                value={filter.kind}
                onChange={(e) => setF('kind')(e.target.value as CatalogFilter['kind'])}
              >
                <option value="">Any kind</option>
                {KIND_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Level">
            {(id) => (
              <select
                id={id}
                value={filter.level}
                onChange={(e) => setF('level')(e.target.value as CatalogFilter['level'])}
              >
                <option value="">Any level</option>
                {LEVEL_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Language">
            {(id) => (
              <select
                id={id}
                value={filter.language}
                onChange={(e) => setF('language')(e.target.value)}
              >
                <option value="">Any language</option>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Skill">
            {(id) => (
              <select id={id} value={filter.skill} onChange={(e) => setF('skill')(e.target.value)}>
                <option value="">Any skill</option>
                {skills.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          {filtered && (
            <button
              type="button"
              className="subtle clear-filters"
              onClick={() => setFilter(NO_FILTER)}
            >
              Clear filters
            </button>
          )}
        </div>
        <p className="section-note" role="status" aria-live="polite">
          {filtered
            ? `Showing ${count(shown.length)} of ${count(catalog.length)} items.`
            : `${count(catalog.length)} items.`}
        </p>

        {catalog.length === 0 ? (
          <p className="empty-note">
            The catalog is empty. Add items one by one, or import a provider&rsquo;s course list
            from a spreadsheet.
          </p>
        ) : (
          <CatalogTable
            items={shown}
            windowed={catalog.length > 100}
            onEdit={setEditing}
            onDelete={remove}
          />
        )}
      </section>

      {editing && (
        <ItemDialog item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
