/**
 * Make-or-buy decisions: per content need, weighted criteria rated 1–5 by
 * one or more raters, with the weighted totals, the recommendation and its
 * margin, the smallest change that would flip it, and where raters disagree.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  blankDecision,
  criteria,
  decisions as decisionCommands,
  offerHybrid,
  raters,
  rateCriterion,
  recordDecision,
} from '../../../../shared/commands/make-or-buy';
import {
  DEFAULT_CRITERIA,
  HYBRID_BAND,
  scoreDecision,
  type DecisionScore,
  type FlipChange,
} from '../../../../shared/content/makeorbuy';
import { newId } from '../../../../shared/plan/create';
import type { MakeOrBuyDecision } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDocumentTranslator } from '../../i18n/document-translator';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineNumber, InlineSelect, InlineText } from './inline';
import { ItemPicker } from './ItemPicker';
import './content.css';

const RATING_OPTIONS = [
  { value: '', label: '—' },
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5' },
] as const;

type Format = ReturnType<typeof useFormat>;
type T = ReturnType<typeof useTranslation<'makeOrBuy'>>['t'];

/** A score or weight with at most one decimal place ("12.5", "12,5"). */
const one = (format: Format, n: number) => format.number(Math.round(n * 10) / 10, 1);

/**
 * Make and Buy scores (shares of 100) to one decimal that still add up to
 * 100: Buy is 100 minus Make as shown, so 19.25 / 80.75 reads 19.3 / 80.7,
 * never 19.3 / 80.8 (100.1).
 */
function shares(format: Format, make: number, buy: number): [string, string] {
  const shownMake = Math.round(make * 10) / 10;
  if (Math.abs(make + buy - 100) > 1e-6) return [one(format, make), one(format, buy)];
  return [one(format, shownMake), one(format, Math.round((100 - shownMake) * 10) / 10)];
}

/** The change that would flip the recommendation, in one sentence. */
function flipText(t: T, format: Format, change: FlipChange): string {
  const values = {
    label: change.label,
    from: one(format, change.from),
    to: one(format, change.to),
    becomes: t(`options.${change.becomes}`),
    direction: change.to > change.from ? 'up' : 'down',
  };
  return change.kind === 'weight' ? t('flip.weight', values) : t('flip.rating', values);
}

/** The key of a default criterion named `label` (in English or the UI's language), if it is one. */
function defaultCriterionKey(t: T, label: string): string | null {
  return (
    DEFAULT_CRITERIA.find(
      (c) => c.label === label || t(`criteria.${c.key}.label` as 'criteria.unique.label') === label,
    )?.key ?? null
  );
}

function ScoreBar({ make, buy }: { make: number; buy: number }) {
  return (
    <div className="score-bar" aria-hidden="true">
      <div className="score-make" style={{ width: `${make}%` }} />
      <div className="score-buy" style={{ width: `${buy}%` }} />
    </div>
  );
}

function Result({ decision, score }: { decision: MakeOrBuyDecision; score: DecisionScore }) {
  const { t } = useTranslation('makeOrBuy');
  const format = useFormat();
  const rec = score.recommendation;
  const margin = one(format, Math.abs(score.margin));
  const headline =
    rec === 'none'
      ? t('result.none')
      : rec === 'tie'
        ? t('result.tie')
        : rec === 'hybrid'
          ? t('result.hybrid', { margin })
          : t('result.by', { option: t(`options.${rec}`), margin });
  const label = (id: string) => decision.criteria.find((c) => c.id === id)?.label ?? id;
  const totals = shares(format, score.make, score.buy);
  return (
    <section className="card result-card" aria-labelledby={`result-${decision.id}`}>
      <h2 id={`result-${decision.id}`}>{t('result.heading')}</h2>
      <p className={`recommendation rec-${rec}`} data-testid="recommendation" aria-live="polite">
        {headline}
      </p>
      {rec !== 'none' && (
        <div className="totals">
          <div className="total">
            <span className="total-label">{t('options.make')}</span>
            <span className="total-value num">{totals[0]}</span>
          </div>
          <ScoreBar make={score.make} buy={score.buy} />
          <div className="total">
            <span className="total-label">{t('options.buy')}</span>
            <span className="total-value num">{totals[1]}</span>
          </div>
        </div>
      )}
      {decision.includeHybrid && rec !== 'none' && (
        <p className="section-note">{t('result.hybridNote', { band: HYBRID_BAND })}</p>
      )}
      {(score.sensitivity.weight || score.sensitivity.rating) && (
        <div className="sensitivity">
          <h3>
            {t('result.whatWouldChange')}{' '}
            {score.sensitivity.fragile ? (
              <span className="tag tag-warn">{t('result.closeCall')}</span>
            ) : (
              <span className="tag tag-ok">{t('result.robust')}</span>
            )}
          </h3>
          <ul>
            {score.sensitivity.weight && <li>{flipText(t, format, score.sensitivity.weight)}</li>}
            {score.sensitivity.rating && <li>{flipText(t, format, score.sensitivity.rating)}</li>}
          </ul>
        </div>
      )}
      {score.raters.length > 1 && (
        <table className="data-table compact raters-table">
          <caption>{t('raters.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('raters.rater')}</th>
              <th scope="col" className="num">
                {t('raters.rated')}
              </th>
              <th scope="col" className="num">
                {t('options.make')}
              </th>
              <th scope="col" className="num">
                {t('options.buy')}
              </th>
              <th scope="col">{t('raters.leans')}</th>
            </tr>
          </thead>
          <tbody>
            {score.raters.map((r) => (
              <tr key={r.raterId}>
                <th scope="row">{r.name || t('raters.unnamed')}</th>
                <td className="num">
                  {t('raters.ratedOf', { rated: r.rated, count: decision.criteria.length })}
                </td>
                <td className="num">
                  {r.recommendation === 'none' ? '—' : shares(format, r.make, r.buy)[0]}
                </td>
                <td className="num">
                  {r.recommendation === 'none' ? '—' : shares(format, r.make, r.buy)[1]}
                </td>
                <td>{t(`options.${r.recommendation}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {score.disagreements.length > 0 && (
        <div className="disagreements" role="note">
          <strong>{t('result.disagreeOn')}</strong>{' '}
          {t('result.disagreements', { criteria: score.disagreements.map(label).join('; ') })}
        </div>
      )}
      {score.unrated.length > 0 && rec !== 'none' && (
        <p className="section-note">{t('result.unrated', { count: score.unrated.length })}</p>
      )}
      {decision.decision && rec !== 'none' && decision.decision !== rec && rec !== 'tie' && (
        <p className="decision-differs">
          {t('result.differs', { decision: t(`options.${decision.decision}`) })}
        </p>
      )}
    </section>
  );
}

function DecisionEditor({ decision }: { decision: MakeOrBuyDecision }) {
  const { t } = useTranslation('makeOrBuy');
  const format = useFormat();
  const favoursOptions = [
    { value: 'make' as const, label: t('options.make') },
    { value: 'buy' as const, label: t('options.buy') },
  ];
  const seal = useSealHistory();
  const dispatch = useDispatch();
  // A new rater's name ("Rater 2") is plan content: in the plan's document language.
  const write = useDocumentTranslator(usePlan((p) => p.documentLanguage));
  const parentId = decision.id;
  const update = (patch: Partial<Pick<MakeOrBuyDecision, 'need' | 'rationale'>>) =>
    dispatch(decisionCommands.update({ id: decision.id, patch }));
  const score = useMemo(() => scoreDecision(decision), [decision]);
  const stats = new Map(score.criteria.map((s) => [s.criterionId, s]));

  return (
    <>
      <section className="card" aria-labelledby={`decision-${decision.id}`}>
        <div className="card-title-row">
          <h2 id={`decision-${decision.id}`}>{t('decision.heading')}</h2>
          <button
            type="button"
            className="subtle danger-text"
            onClick={() => {
              const result = dispatch(decisionCommands.remove({ ids: [decision.id] }));
              if (!result.ok) notify(result.reason);
              else
                notifyUndoable(
                  t('decision.deleted', { need: decision.need || t('untitledNeed') }),
                  result.stepId,
                );
            }}
          >
            {t('decision.delete')}
          </button>
        </div>
        <div className="grid grid-3">
          <TextField
            className="span-2"
            label={t('decision.need')}
            value={decision.need}
            onChange={(need) => update({ need })}
            onBlur={seal}
            placeholder={t('decision.needPlaceholder')}
          />
          <SelectField
            label={t('decision.taken')}
            value={decision.decision ?? 'undecided'}
            options={[
              { value: 'undecided', label: t('decision.undecided') },
              { value: 'make', label: t('options.make') },
              { value: 'buy', label: t('options.buy') },
              ...(decision.includeHybrid || decision.decision === 'hybrid'
                ? [{ value: 'hybrid' as const, label: t('options.hybrid') }]
                : []),
            ]}
            onChange={(v) =>
              dispatch(
                recordDecision({ decisionId: decision.id, decision: v === 'undecided' ? null : v }),
              )
            }
          />
          <label className="check span-3">
            <input
              type="checkbox"
              checked={decision.includeHybrid}
              onChange={(e) =>
                dispatch(offerHybrid({ decisionId: decision.id, offered: e.target.checked }))
              }
            />
            {t('decision.considerHybrid')}
          </label>
          <TextAreaField
            className="span-3"
            label={t('decision.rationale')}
            value={decision.rationale}
            onChange={(rationale) => update({ rationale })}
            onBlur={seal}
            rows={3}
            placeholder={t('decision.rationalePlaceholder')}
          />
        </div>
      </section>

      <Result decision={decision} score={score} />

      <section className="card" aria-labelledby={`raters-${decision.id}`}>
        <h2 id={`raters-${decision.id}`}>{t('raters.heading')}</h2>
        <p className="section-note">{t('raters.note')}</p>
        <ul className="raters">
          {decision.raters.map((rater, index) => (
            <li key={rater.id} data-rater-id={rater.id}>
              <InlineText
                label={t('raters.nameLabel', { n: index + 1 })}
                value={rater.name}
                onChange={(name) =>
                  dispatch(raters.update({ parentId, id: rater.id, patch: { name } }))
                }
                onBlur={seal}
              />
              <button
                type="button"
                className="subtle danger-text"
                aria-label={t('raters.remove', { name: rater.name || String(index + 1) })}
                onClick={() => dispatch(raters.remove({ parentId, ids: [rater.id] }))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => {
            const id = newId('rater');
            const added = dispatch(
              raters.add({
                parentId,
                item: {
                  id,
                  name: write('makeOrBuy:raters.defaultName', { n: decision.raters.length + 1 }),
                },
              }),
            );
            // Focus the new rater's name, selected, so typing names them.
            if (added.ok)
              requestAnimationFrame(() => {
                const input = document.querySelector<HTMLInputElement>(
                  `[data-rater-id="${CSS.escape(id)}"] input`,
                );
                input?.focus();
                input?.select();
              });
          }}
        >
          {t('raters.add')}
        </button>
      </section>

      <section className="card" aria-labelledby={`criteria-${decision.id}`}>
        <div className="card-title-row">
          <h2 id={`criteria-${decision.id}`}>{t('criteriaTable.heading')}</h2>
          <div className="toolbar">
            <button
              type="button"
              onClick={() =>
                dispatch(
                  criteria.add({
                    parentId,
                    item: {
                      id: newId('crit'),
                      label: t('criteriaTable.newCriterion'),
                      favours: 'make',
                      weight: 5,
                    },
                  }),
                )
              }
            >
              {t('criteriaTable.add')}
            </button>
          </div>
        </div>
        <p className="section-note">{t('criteriaTable.note')}</p>
        {decision.raters.length === 0 && (
          <p className="hint-box">{t('criteriaTable.addRaterFirst')}</p>
        )}
        <div className="table-scroll">
          <table className="data-table criteria-table">
            <thead>
              <tr>
                <th scope="col">{t('criteriaTable.criterion')}</th>
                <th scope="col">{t('criteriaTable.favours')}</th>
                <th scope="col" className="num">
                  {t('criteriaTable.weight')}
                </th>
                {decision.raters.map((r) => (
                  <th scope="col" key={r.id} className="num rater-col">
                    {r.name || t('raters.unnamedShort')}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('criteriaTable.average')}
                </th>
                <th scope="col" className="num">
                  {t('criteriaTable.spread')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('criteriaTable.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {decision.criteria.map((c, index) => {
                const s = stats.get(c.id);
                const name = c.label || t('criteriaTable.criterionN', { n: index + 1 });
                const key = defaultCriterionKey(t, c.label);
                const help = key ? t(`criteria.${key}.help` as 'criteria.unique.help') : null;
                return (
                  <tr key={c.id} className={s?.disagreement ? 'disagree' : undefined}>
                    <td className="criterion-cell">
                      <InlineText
                        label={t('criteriaTable.criterionLabel', { n: index + 1 })}
                        value={c.label}
                        onChange={(label) =>
                          dispatch(criteria.update({ parentId, id: c.id, patch: { label } }))
                        }
                        onBlur={seal}
                      />
                      {help && <span className="criterion-help">{help}</span>}
                    </td>
                    <td>
                      <InlineSelect
                        label={t('criteriaTable.favoursOf', { name })}
                        value={c.favours}
                        options={favoursOptions}
                        onChange={(favours) =>
                          dispatch(criteria.update({ parentId, id: c.id, patch: { favours } }))
                        }
                      />
                    </td>
                    <td className="num">
                      <InlineNumber
                        label={t('criteriaTable.weightOf', { name })}
                        value={c.weight}
                        min={0}
                        max={100}
                        required
                        onChange={(weight) => {
                          // Required: an emptied box shows its message and changes nothing.
                          if (weight !== null)
                            dispatch(criteria.update({ parentId, id: c.id, patch: { weight } }));
                        }}
                        onBlur={seal}
                        className="weight-input"
                      />
                    </td>
                    {decision.raters.map((r) => {
                      const value = decision.ratings[r.id]?.[c.id];
                      return (
                        <td key={r.id} className="num rater-col">
                          <InlineSelect
                            label={t('criteriaTable.ratingOf', {
                              rater: r.name || t('raters.unnamed'),
                              name,
                            })}
                            value={value === undefined ? '' : String(value)}
                            options={RATING_OPTIONS}
                            onChange={(v) =>
                              dispatch(
                                rateCriterion({
                                  decisionId: decision.id,
                                  raterId: r.id,
                                  criterionId: c.id,
                                  rating: v === '' ? null : Number(v),
                                }),
                              )
                            }
                            className="rating-select"
                          />
                        </td>
                      );
                    })}
                    <td className="num">{s?.average == null ? '—' : one(format, s.average)}</td>
                    <td className="num">
                      {s && s.ratings.length > 1 ? (
                        <>
                          {one(format, s.spread)}
                          {s.disagreement && (
                            <span
                              className="tag tag-warn"
                              title={t('criteriaTable.disagreeStrongly')}
                            >
                              {t('criteriaTable.disagree')}
                            </span>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="subtle danger-text"
                        aria-label={t('criteriaTable.removeCriterion', { name })}
                        onClick={() => dispatch(criteria.remove({ parentId, ids: [c.id] }))}
                      >
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('criteriaTable.totalWeight')}
                </th>
                <td className="num">
                  {one(
                    format,
                    decision.criteria.reduce((sum, c) => sum + c.weight, 0),
                  )}
                </td>
                <td colSpan={decision.raters.length + 3} className="section-note">
                  {t('criteriaTable.weightsNote')}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </>
  );
}

/** The Make or buy section. */
export function MakeOrBuySection() {
  const { t } = useTranslation('makeOrBuy');
  const decisions = usePlan((p) => p.content.decisions);
  const dispatch = useDispatch();
  // "Go there" after an undo (or any link) can name a decision: show it.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [selectedId, setSelectedId] = useState<string | null>(focus ?? null);
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setSelectedId(focus);
  }
  const selected = decisions.find((d) => d.id === selectedId) ?? decisions[0] ?? null;

  return (
    <div className="section-body content-section wide-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <ItemPicker
        label={t('decisions')}
        items={decisions}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        title={(d) => d.need || t('untitledNeed')}
        tag={(d) => {
          const { recommendation } = scoreDecision(d);
          return (
            <span className={`tag rec-tag rec-${recommendation}`}>
              {t(`options.${recommendation}`)}
            </span>
          );
        }}
        addLabel={t('addDecision')}
        onAdd={() => {
          const blank = blankDecision(t('newNeed'));
          // The usual criteria, named in the UI's language (they are the plan's words from now on).
          const d = {
            ...blank,
            criteria: blank.criteria.map((c, i) => ({
              ...c,
              label: t(`criteria.${DEFAULT_CRITERIA[i]!.key}.label` as 'criteria.unique.label'),
            })),
          };
          if (dispatch(decisionCommands.add({ item: d })).ok) setSelectedId(d.id);
        }}
      />
      {selected ? (
        <DecisionEditor key={selected.id} decision={selected} />
      ) : (
        <p className="empty-note">{t('empty')}</p>
      )}
    </div>
  );
}
