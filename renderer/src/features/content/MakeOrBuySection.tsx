/**
 * Make-or-buy decisions: per content need, weighted criteria rated 1–5 by
 * one or more raters, with the weighted totals, the recommendation and its
 * margin, the smallest change that would flip it, and where raters disagree.
 */
import { useMemo, useState } from 'react';
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
  HYBRID_BAND,
  OPTION_LABELS,
  criterionHelp,
  describeFlip,
  formatNumber,
  formatShares,
  scoreDecision,
  type DecisionScore,
} from '../../../../shared/content/makeorbuy';
import { newId } from '../../../../shared/plan/create';
import type { MakeOrBuyDecision } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineNumber, InlineSelect, InlineText } from './inline';
import { ItemPicker } from './ItemPicker';
import './content.css';

const FAVOURS_OPTIONS = [
  { value: 'make', label: 'Make' },
  { value: 'buy', label: 'Buy' },
] as const;

const RATING_OPTIONS = [
  { value: '', label: '—' },
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5' },
] as const;

function ScoreBar({ make, buy }: { make: number; buy: number }) {
  return (
    <div className="score-bar" aria-hidden="true">
      <div className="score-make" style={{ width: `${make}%` }} />
      <div className="score-buy" style={{ width: `${buy}%` }} />
    </div>
  );
}

function Result({ decision, score }: { decision: MakeOrBuyDecision; score: DecisionScore }) {
  const rec = score.recommendation;
  const margin = Math.abs(score.margin);
  const headline =
    rec === 'none'
      ? 'No recommendation yet: rate at least one criterion with a weight above zero.'
      : rec === 'tie'
        ? 'Make and Buy are tied.'
        : rec === 'hybrid'
          ? `Hybrid — Make and Buy are within ${formatNumber(margin)} points of each other.`
          : `${OPTION_LABELS[rec]}, by ${formatNumber(margin)} points.`;
  const label = (id: string) => decision.criteria.find((c) => c.id === id)?.label ?? id;
  const shares = formatShares(score.make, score.buy);
  return (
    <section className="card result-card" aria-labelledby={`result-${decision.id}`}>
      <h2 id={`result-${decision.id}`}>Recommendation</h2>
      <p className={`recommendation rec-${rec}`} data-testid="recommendation" aria-live="polite">
        {headline}
      </p>
      {rec !== 'none' && (
        <div className="totals">
          <div className="total">
            <span className="total-label">Make</span>
            <span className="total-value num">{shares[0]}</span>
          </div>
          <ScoreBar make={score.make} buy={score.buy} />
          <div className="total">
            <span className="total-label">Buy</span>
            <span className="total-value num">{shares[1]}</span>
          </div>
        </div>
      )}
      {decision.includeHybrid && rec !== 'none' && (
        <p className="section-note">
          Hybrid is recommended when Make and Buy are less than {HYBRID_BAND} points apart: buy the
          standard part, make the local part.
        </p>
      )}
      {(score.sensitivity.weight || score.sensitivity.rating) && (
        <div className="sensitivity">
          <h3>
            What would change it{' '}
            {score.sensitivity.fragile ? (
              <span className="tag tag-warn">Close call</span>
            ) : (
              <span className="tag tag-ok">Robust</span>
            )}
          </h3>
          <ul>
            {score.sensitivity.weight && <li>{describeFlip(score.sensitivity.weight)}</li>}
            {score.sensitivity.rating && <li>{describeFlip(score.sensitivity.rating)}</li>}
          </ul>
        </div>
      )}
      {score.raters.length > 1 && (
        <table className="data-table compact raters-table">
          <caption>Each rater on their own</caption>
          <thead>
            <tr>
              <th scope="col">Rater</th>
              <th scope="col" className="num">
                Rated
              </th>
              <th scope="col" className="num">
                Make
              </th>
              <th scope="col" className="num">
                Buy
              </th>
              <th scope="col">Leans</th>
            </tr>
          </thead>
          <tbody>
            {score.raters.map((r) => (
              <tr key={r.raterId}>
                <th scope="row">{r.name || 'Unnamed rater'}</th>
                <td className="num">
                  {r.rated} / {decision.criteria.length}
                </td>
                <td className="num">
                  {r.recommendation === 'none' ? '—' : formatShares(r.make, r.buy)[0]}
                </td>
                <td className="num">
                  {r.recommendation === 'none' ? '—' : formatShares(r.make, r.buy)[1]}
                </td>
                <td>{OPTION_LABELS[r.recommendation]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {score.disagreements.length > 0 && (
        <div className="disagreements" role="note">
          <strong>Raters disagree on:</strong> {score.disagreements.map(label).join('; ')}. Discuss
          these before deciding.
        </div>
      )}
      {score.unrated.length > 0 && rec !== 'none' && (
        <p className="section-note">
          {score.unrated.length} {score.unrated.length === 1 ? 'criterion is' : 'criteria are'} not
          rated yet and {score.unrated.length === 1 ? 'does' : 'do'} not count.
        </p>
      )}
      {decision.decision && rec !== 'none' && decision.decision !== rec && rec !== 'tie' && (
        <p className="decision-differs">
          The recorded decision ({OPTION_LABELS[decision.decision]}) differs from the
          recommendation; say why in the rationale.
        </p>
      )}
    </section>
  );
}

function DecisionEditor({ decision }: { decision: MakeOrBuyDecision }) {
  const seal = useSealHistory();
  const dispatch = useDispatch();
  const parentId = decision.id;
  const update = (patch: Partial<Pick<MakeOrBuyDecision, 'need' | 'rationale'>>) =>
    dispatch(decisionCommands.update({ id: decision.id, patch }));
  const score = useMemo(() => scoreDecision(decision), [decision]);
  const stats = new Map(score.criteria.map((s) => [s.criterionId, s]));

  return (
    <>
      <section className="card" aria-labelledby={`decision-${decision.id}`}>
        <div className="card-title-row">
          <h2 id={`decision-${decision.id}`}>Decision</h2>
          <button
            type="button"
            className="subtle danger-text"
            onClick={() => {
              const result = dispatch(decisionCommands.remove({ ids: [decision.id] }));
              if (!result.ok) notify(result.reason);
              else
                notifyUndoable(
                  `Deleted the decision “${decision.need || 'Untitled need'}”.`,
                  result.stepId,
                );
            }}
          >
            Delete decision
          </button>
        </div>
        <div className="grid grid-3">
          <TextField
            className="span-2"
            label="Content need"
            value={decision.need}
            onChange={(need) => update({ need })}
            onBlur={seal}
            placeholder="A skill area or module, e.g. Regional job-search module"
          />
          <SelectField
            label="Decision taken"
            value={decision.decision ?? 'undecided'}
            options={[
              { value: 'undecided', label: 'Not decided yet' },
              { value: 'make', label: 'Make' },
              { value: 'buy', label: 'Buy' },
              ...(decision.includeHybrid || decision.decision === 'hybrid'
                ? [{ value: 'hybrid' as const, label: 'Hybrid' }]
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
            Consider Hybrid (buy the standard part, make the local part)
          </label>
          <TextAreaField
            className="span-3"
            label="Rationale"
            value={decision.rationale}
            onChange={(rationale) => update({ rationale })}
            onBlur={seal}
            rows={3}
            placeholder="Why this option: what the scores show, and what they leave out."
          />
        </div>
      </section>

      <Result decision={decision} score={score} />

      <section className="card" aria-labelledby={`raters-${decision.id}`}>
        <h2 id={`raters-${decision.id}`}>Raters</h2>
        <p className="section-note">
          In a workshop each person rates on their own; the score uses the average rating.
        </p>
        <ul className="raters">
          {decision.raters.map((rater, index) => (
            <li key={rater.id} data-rater-id={rater.id}>
              <InlineText
                label={`Rater ${index + 1} name`}
                value={rater.name}
                onChange={(name) =>
                  dispatch(raters.update({ parentId, id: rater.id, patch: { name } }))
                }
                onBlur={seal}
              />
              <button
                type="button"
                className="subtle danger-text"
                aria-label={`Remove rater ${rater.name || index + 1}`}
                onClick={() => dispatch(raters.remove({ parentId, ids: [rater.id] }))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => {
            const id = newId('rater');
            const added = dispatch(
              raters.add({ parentId, item: { id, name: `Rater ${decision.raters.length + 1}` } }),
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
          Add rater
        </button>
      </section>

      <section className="card" aria-labelledby={`criteria-${decision.id}`}>
        <div className="card-title-row">
          <h2 id={`criteria-${decision.id}`}>Criteria and ratings</h2>
          <div className="toolbar">
            <button
              type="button"
              onClick={() =>
                dispatch(
                  criteria.add({
                    parentId,
                    item: { id: newId('crit'), label: 'New criterion', favours: 'make', weight: 5 },
                  }),
                )
              }
            >
              Add criterion
            </button>
          </div>
        </div>
        <p className="section-note">
          Rate how strongly each statement applies: 1 = not at all, 5 = fully. A high rating pushes
          towards the option in the Favours column; a low rating towards the other.
        </p>
        {decision.raters.length === 0 && (
          <p className="hint-box">Add a rater to start rating the criteria.</p>
        )}
        <div className="table-scroll">
          <table className="data-table criteria-table">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Favours</th>
                <th scope="col" className="num">
                  Weight
                </th>
                {decision.raters.map((r) => (
                  <th scope="col" key={r.id} className="num rater-col">
                    {r.name || 'Unnamed'}
                  </th>
                ))}
                <th scope="col" className="num">
                  Average
                </th>
                <th scope="col" className="num">
                  Spread
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {decision.criteria.map((c, index) => {
                const s = stats.get(c.id);
                const name = c.label || `criterion ${index + 1}`;
                const help = criterionHelp(c.label);
                return (
                  <tr key={c.id} className={s?.disagreement ? 'disagree' : undefined}>
                    <td className="criterion-cell">
                      <InlineText
                        label={`Criterion ${index + 1}`}
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
                        label={`Favours: ${name}`}
                        value={c.favours}
                        options={FAVOURS_OPTIONS}
                        onChange={(favours) =>
                          dispatch(criteria.update({ parentId, id: c.id, patch: { favours } }))
                        }
                      />
                    </td>
                    <td className="num">
                      <InlineNumber
                        label={`Weight: ${name}`}
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
                            label={`${r.name || 'Unnamed rater'} rating: ${name}`}
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
                    <td className="num">{s?.average == null ? '—' : formatNumber(s.average)}</td>
                    <td className="num">
                      {s && s.ratings.length > 1 ? (
                        <>
                          {formatNumber(s.spread)}
                          {s.disagreement && (
                            <span className="tag tag-warn" title="Raters disagree strongly">
                              Disagree
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
                        aria-label={`Remove criterion: ${name}`}
                        onClick={() => dispatch(criteria.remove({ parentId, ids: [c.id] }))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total weight
                </th>
                <td className="num">
                  {formatNumber(decision.criteria.reduce((sum, c) => sum + c.weight, 0))}
                </td>
                <td colSpan={decision.raters.length + 3} className="section-note">
                  Weights need not add up to 100; each counts relative to the total.
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
        <h1>Make or buy</h1>
        <p className="lead">
          For each content need, weigh building it yourself against buying existing content. Make
          fits topics unique to your organisation or region and learners whose languages existing
          content lacks; Buy fits standard, fast-changing skills and short timeframes.
        </p>
      </header>
      <ItemPicker
        label="Make-or-buy decisions"
        items={decisions}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        title={(d) => d.need || 'Untitled need'}
        tag={(d) => {
          const { recommendation } = scoreDecision(d);
          return (
            <span className={`tag rec-tag rec-${recommendation}`}>
              {OPTION_LABELS[recommendation]}
            </span>
          );
        }}
        addLabel="Add decision"
        onAdd={() => {
          const d = blankDecision('New content need');
          if (dispatch(decisionCommands.add({ item: d })).ok) setSelectedId(d.id);
        }}
      />
      {selected ? (
        <DecisionEditor key={selected.id} decision={selected} />
      ) : (
        <p className="empty-note">
          No decisions yet. Add one per content need; it starts with the eleven usual criteria and
          weights, which you can change.
        </p>
      )}
    </div>
  );
}
