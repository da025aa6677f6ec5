/**
 * The content catalog: candidate content with provider, kind, skills, level,
 * hours, languages and cost. Add, edit and delete; search and filter; import
 * from CSV or XLSX with column mapping. Every change is a command
 * (shared/commands/content.ts); deleting an item also takes it out of the
 * pathways that used it.
 */
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { newId } from '../../../../shared/plan/create';
import type { ContentItem } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { ImportDialog } from './ImportDialog';
import { FilterField } from './inline';
import { MoneyField } from '../learners/MoneyField';
import { useCatalogChoices, useIndexedCatalog } from './use-indexed-catalog';
import './content.css';

type Kind = ContentItem['kind'];
type Level = ContentItem['level'];
const KINDS = Object.keys(KIND_LABELS) as Kind[];
const LEVELS = Object.keys(LEVEL_LABELS) as Level[];

/** The kinds and levels as options, in the UI's language. */
function useKindAndLevelOptions() {
  const { t } = useTranslation('content');
  return {
    kinds: KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
    levels: LEVELS.map((value) => ({ value, label: t(`levels.${value}`) })),
  };
}

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
  const { t } = useTranslation(['content', 'common']);
  const options = useKindAndLevelOptions();
  const currency = usePlan((p) => p.budget.currency);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const [form, setForm] = useState(() => toForm(item));
  const [tried, setTried] = useState(false);
  const set =
    <K extends keyof ItemForm>(key: K) =>
    (value: ItemForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const titleError = form.title.trim() ? null : t('item.titleMissing');
  const url = form.url.trim();
  const urlError = url && !/^(https?:\/\/|www\.)\S+$/i.test(url) ? t('item.urlInvalid') : null;

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
      title={item ? t('item.editTitle', { title: item.title }) : t('item.addTitle')}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="primary" onClick={save}>
            {item ? t('item.saveChanges') : t('item.add')}
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
            <TextField label={t('fields.title')} value={form.title} onChange={set('title')} />
            {tried && titleError && (
              <p className="field-error" role="alert">
                {titleError}
              </p>
            )}
          </div>
          <TextField
            label={t('fields.provider')}
            value={form.provider}
            onChange={set('provider')}
          />
          <SelectField
            label={t('fields.kind')}
            value={form.kind}
            options={options.kinds}
            onChange={set('kind')}
          />
          <SelectField
            label={t('fields.level')}
            value={form.level}
            options={options.levels}
            onChange={set('level')}
          />
          <NumberField
            label={t('fields.hours')}
            value={form.hours}
            min={0}
            max={10_000}
            onChange={set('hours')}
          />
          <MoneyField
            label={t('fields.costPerLearner')}
            value={form.costPerLearner}
            currency={currency}
            max={1e9}
            onChange={set('costPerLearner')}
          />
          <TextField
            label={t('fields.languages')}
            value={form.languages}
            onChange={set('languages')}
            hint={t('item.languagesHint')}
          />
          <TextField
            className="span-2"
            label={t('item.skillsTaught')}
            value={form.skills}
            onChange={set('skills')}
            hint={t('item.skillsHint')}
          />
          <div className="span-2">
            <TextField
              label={t('fields.url')}
              value={form.url}
              onChange={set('url')}
              maxLength={2000}
            />
            {tried && urlError && (
              <p className="field-error" role="alert">
                {urlError}
              </p>
            )}
          </div>
          <TextAreaField
            className="span-2"
            label={t('fields.notes')}
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
  const { t } = useTranslation(['content', 'common']);
  const format = useFormat();
  const currency = usePlan((p) => p.budget.currency);
  return (
    <tr data-index={index} aria-rowindex={index + 2} ref={measure}>
      <th scope="row" className="title-cell">
        <span className="item-title">{item.title}</span>
        {item.provider && <span className="item-provider">{item.provider}</span>}
      </th>
      <td>{t(`kinds.${item.kind}`)}</td>
      <td>
        <span className={`level level-${item.level}`}>{t(`levels.${item.level}`)}</span>
      </td>
      <td className="skills-cell">{item.skills.join(', ')}</td>
      <td className="num">{item.hours === null ? '—' : format.number(item.hours)}</td>
      <td>{item.languages.join(', ')}</td>
      <td className="num">
        {item.costPerLearner === null
          ? '—'
          : currency
            ? format.money(item.costPerLearner, currency)
            : format.number(item.costPerLearner, 2)}
      </td>
      <td className="actions-cell">
        <button
          type="button"
          className="subtle"
          aria-label={t('catalog.editItem', { title: item.title })}
          onClick={() => onEdit(item)}
        >
          {t('catalog.edit')}
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={t('catalog.deleteItem', { title: item.title })}
          onClick={() => onDelete(item)}
        >
          {t('common:actions.delete')}
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
  const { t } = useTranslation('content');
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
        <caption className="visually-hidden">{t('catalog.tableCaption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('fields.title')}</th>
            <th scope="col">{t('fields.kind')}</th>
            <th scope="col">{t('fields.level')}</th>
            <th scope="col">{t('fields.skills')}</th>
            <th scope="col" className="num">
              {t('fields.hours')}
            </th>
            <th scope="col">{t('fields.languages')}</th>
            <th scope="col" className="num">
              {t('catalog.costColumn')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('catalog.actions')}</span>
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
      {items.length === 0 && <p className="empty-note">{t('catalog.noMatch')}</p>}
    </div>
  );
}

/** The Content catalog section. */
export function CatalogSection() {
  const { t } = useTranslation('content');
  const format = useFormat();
  const options = useKindAndLevelOptions();
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
        used.length
          ? t('catalog.deletedFrom', {
              title: item.title,
              pathways: format.list(used.map((u) => u.name)),
            })
          : t('catalog.deleted', { title: item.title }),
        result.stepId,
      );
    },
    [dispatch, pathways, t, format],
  );

  return (
    <div className="section-body content-section wide-section">
      <header className="section-header">
        <h1>{t('catalog.title')}</h1>
        <p className="lead">{t('catalog.lead')}</p>
      </header>

      <section className="card" aria-labelledby="catalog-heading">
        <div className="card-title-row">
          <h2 id="catalog-heading">
            {t('catalog.heading')}{' '}
            <span className="count">
              {t('catalog.headingCount', { count: format.number(catalog.length) })}
            </span>
          </h2>
          <div className="toolbar">
            <button type="button" onClick={() => setImporting(true)}>
              {t('catalog.import')}
            </button>
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('item.add')}
            </button>
          </div>
        </div>

        <div className="filters" role="search" aria-label={t('catalog.filterLabel')}>
          <FilterField label={t('catalog.search')} className="-search">
            {(id) => (
              <input
                id={id}
                type="search"
                value={filter.query}
                placeholder={t('catalog.searchPlaceholder')}
                onChange={(e) => setF('query')(e.target.value)}
              />
            )}
          </FilterField>
          <FilterField label={t('fields.kind')}>
            {(id) => (
              <select
                id={id}
                value={filter.kind}
                onChange={(e) => setF('kind')(e.target.value as CatalogFilter['kind'])}
              >
                <option value="">{t('catalog.anyKind')}</option>
                {options.kinds.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('fields.level')}>
            {(id) => (
              <select
                id={id}
                value={filter.level}
                onChange={(e) => setF('level')(e.target.value as CatalogFilter['level'])}
              >
                <option value="">{t('catalog.anyLevel')}</option>
                {options.levels.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('catalog.language')}>
            {(id) => (
              <select
                id={id}
                value={filter.language}
                onChange={(e) => setF('language')(e.target.value)}
              >
                <option value="">{t('catalog.anyLanguage')}</option>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('catalog.skill')}>
            {(id) => (
              <select id={id} value={filter.skill} onChange={(e) => setF('skill')(e.target.value)}>
                <option value="">{t('catalog.anySkill')}</option>
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
              {t('catalog.clearFilters')}
            </button>
          )}
        </div>
        <p className="section-note" role="status" aria-live="polite">
          {filtered
            ? t('catalog.showing', { shown: shown.length, count: catalog.length })
            : t('catalog.itemCount', { count: catalog.length })}
        </p>

        {catalog.length === 0 ? (
          <p className="empty-note">{t('catalog.empty')}</p>
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
