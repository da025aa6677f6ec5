/**
 * Launch → Marketing plan: the partner toolkit checklist, the channels that
 * bring learners in (with the segments each reaches, outreach partners,
 * budget against the program budget, owner and dates), a channel × segment
 * coverage grid, the "fewest clicks to start" check, learner stories with
 * consent recorded, and the learner journey funnel per stage and segment,
 * drawn as the same figure the Word export prints.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addJourneyStep,
  blankChannel,
  blankStory,
  learnerStories,
  marketingChannels,
  moveJourneyStep,
  removeFunnelSegment,
  removeJourneyStep,
  setFunnelCell,
  setJourneyTarget,
  setToolkitNotes,
  toolkitItems,
  updateJourneyStep,
  type FunnelField,
} from '../../../../shared/commands/marketing';
import { funnelScene } from '../../../../shared/export/diagrams/funnel';
import { documentLocale, englishLocale, type DocLocale } from '../../../../shared/export/locale';
import type { Format } from '../../../../shared/i18n/format';
import { directionOf, type Language } from '../../../../shared/i18n/languages';
import { formatMoney } from '../../../../shared/learners/budget';
import {
  CHANNEL_KINDS,
  FUNNEL_STAGES,
  channelName as sharedChannelName,
  coverage,
  funnelRow,
  funnelSegments,
  journeyVerdict,
  looksLikeContactDetails,
  marketingSpend,
} from '../../../../shared/launch/marketing';
import { newId } from '../../../../shared/plan/create';
import type {
  FunnelStage,
  LearnerSegment,
  LearnerStory,
  MarketingChannel,
  Stakeholder,
} from '../../../../shared/plan/schema';
import { useWorkbench } from '../../app/workbench';
import { isolate } from '../../i18n/bidi';
import { useFormat } from '../../i18n/i18n';
import {
  DateField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineText } from '../content/inline';
import { MoneyField } from '../learners/MoneyField';
import { SceneSvg } from './SceneSvg';
import '../content/content.css';
import './marketing.css';

/**
 * Names as a list the language's way ("A, B" in English, "A y B" in Spanish);
 * right to left each name is isolated, so a Latin name keeps its place beside "و".
 */
const listOf = (format: Format, names: readonly string[]) =>
  new Intl.ListFormat(format.locale, { style: 'long', type: 'unit' }).format(
    directionOf(format.language) === 'rtl' ? names.map(isolate) : names,
  );

/** Words of this section in the UI's language: kinds, channel and segment names. */
function useWords() {
  const { t } = useTranslation('marketing');
  return useMemo(() => {
    const kindLabel = (kind: MarketingChannel['kind']) => t(`kinds.${kind}`);
    return {
      t,
      kindLabel,
      kindOptions: CHANNEL_KINDS.map((value) => ({ value, label: kindLabel(value) })),
      channelName: (c: Parameters<typeof sharedChannelName>[0]) => sharedChannelName(c, kindLabel),
      segmentName: (s: Pick<LearnerSegment, 'name'>) => s.name.trim() || t('untitledSegment'),
    };
  }, [t]);
}

/** The funnel figure's words (the Word export's) in the UI's language, loaded with it. */
function useFigureLocale(language: Language): DocLocale {
  const [loaded, setLoaded] = useState<DocLocale>(englishLocale);
  useEffect(() => {
    let live = true;
    documentLocale(language).then(
      (loc) => live && setLoaded(loc),
      () => live && setLoaded(englishLocale()),
    );
    return () => {
      live = false;
    };
  }, [language]);
  return loaded.language === language ? loaded : englishLocale();
}

/** Moves focus to the element matching `selector` once it is drawn (after an add). */
function useFocusAfterAdd(root: React.RefObject<HTMLElement | null>) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const el = root.current?.querySelector<HTMLElement>(pending.current);
    if (!el) return;
    el.focus();
    pending.current = null;
  });
  return (selector: string) => {
    pending.current = selector;
  };
}

/** Up / down / remove buttons for an item of an ordered list. */
function OrderButtons(props: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('marketing');
  return (
    <span className="mk-order">
      <button
        type="button"
        className="subtle"
        aria-label={t('order.up', { name: props.name })}
        disabled={props.index === 0}
        onClick={() => props.onMove(props.index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="subtle"
        aria-label={t('order.down', { name: props.name })}
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(props.index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="subtle danger-text"
        aria-label={t('order.deleteLabel', { name: props.name })}
        onClick={props.onRemove}
      >
        {t('order.delete')}
      </button>
    </span>
  );
}

// ------------------------------------------------------------ toolkit

function Toolkit() {
  const { t } = useTranslation('marketing');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const items = usePlan((p) => p.launch.marketing.toolkit);
  const notes = usePlan((p) => p.launch.marketing.toolkitNotes);
  const ref = useRef<HTMLUListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  const done = items.filter((i) => i.done).length;
  return (
    <section className="card" aria-labelledby="toolkit-heading" id="toolkit">
      <div className="card-title-row">
        <h2 id="toolkit-heading">{t('toolkit.heading')}</h2>
        <span className="tag">{t('toolkit.ready', { done, total: items.length })}</span>
      </div>
      <p className="section-note">{t('toolkit.note')}</p>
      {items.length > 0 && (
        <ul className="mk-list" ref={ref}>
          {items.map((item, index) => {
            const name = t('toolkit.itemName', { n: index + 1 });
            return (
              <li key={item.id} data-item={item.id}>
                <input
                  type="checkbox"
                  aria-label={t('toolkit.readyLabel', { name: item.label || name })}
                  checked={item.done}
                  onChange={(e) =>
                    dispatch(
                      toolkitItems.update({ id: item.id, patch: { done: e.target.checked } }),
                    )
                  }
                />
                <InlineText
                  label={t('wordingOf', { name })}
                  value={item.label}
                  onChange={(label) =>
                    dispatch(toolkitItems.update({ id: item.id, patch: { label } }))
                  }
                  onBlur={seal}
                />
                <OrderButtons
                  name={name}
                  index={index}
                  count={items.length}
                  onMove={(to) => dispatch(toolkitItems.move({ id: item.id, to }))}
                  onRemove={() => dispatch(toolkitItems.remove({ ids: [item.id] }))}
                />
              </li>
            );
          })}
        </ul>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            const id = newId('tk');
            if (dispatch(toolkitItems.add({ item: { id, label: '', done: false } })).ok)
              focusLater(`[data-item="${CSS.escape(id)}"] input[type="text"]`);
          }}
        >
          {t('toolkit.add')}
        </button>
      </div>
      <TextAreaField
        label={t('toolkit.notes')}
        value={notes}
        rows={3}
        onChange={(text) => dispatch(setToolkitNotes({ notes: text }))}
        onBlur={seal}
      />
    </section>
  );
}

// ------------------------------------------------------------ channels

/** Partners from the register: outreach partners first, then other partners. */
function outreachFirst(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  const partners = stakeholders.filter((s) => s.relation === 'partner');
  return [
    ...partners.filter((s) => s.partnerType === 'outreach'),
    ...partners.filter((s) => s.partnerType !== 'outreach'),
  ];
}

function ChannelEditor({
  channel,
  index,
  count,
}: {
  channel: MarketingChannel;
  index: number;
  count: number;
}) {
  const { t, kindOptions, channelName, segmentName } = useWords();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const segments = usePlan((p) => p.learners);
  const stakeholders = usePlan((p) => p.stakeholders.entries);
  const currency = usePlan((p) => p.budget.currency);
  const partners = useMemo(() => outreachFirst(stakeholders), [stakeholders]);
  const update = (patch: Partial<MarketingChannel>) =>
    dispatch(marketingChannels.update({ id: channel.id, patch }));
  const toggle = (list: readonly string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const name = channelName(channel);
  return (
    <section className="card" aria-labelledby="channel-editor-heading" id="channel-editor">
      <div className="card-title-row">
        <h2 id="channel-editor-heading">{t('channel.heading', { name })}</h2>
        <OrderButtons
          name={t('channel.orderName', { name })}
          index={index}
          count={count}
          onMove={(to) => dispatch(marketingChannels.move({ id: channel.id, to }))}
          onRemove={() => dispatch(marketingChannels.remove({ ids: [channel.id] }))}
        />
      </div>
      <div className="mk-grid">
        <SelectField
          label={t('channel.kind')}
          value={channel.kind}
          options={kindOptions}
          onChange={(kind) => update({ kind })}
        />
        <TextField
          label={t('channel.name')}
          value={channel.name}
          hint={t('channel.nameHint')}
          onChange={(name) => update({ name })}
          onBlur={seal}
        />
        <TextField
          label={t('channel.description')}
          value={channel.description}
          onChange={(description) => update({ description })}
          onBlur={seal}
        />
        <MoneyField
          label={t('channel.budget')}
          value={channel.budget}
          currency={currency}
          hint={currency ? undefined : t('channel.noCurrency')}
          onChange={(budget) => update({ budget })}
          onBlur={seal}
        />
        <TextField
          label={t('channel.owner')}
          value={channel.owner}
          onChange={(owner) => update({ owner })}
          onBlur={seal}
        />
        <DateField
          label={t('channel.start')}
          value={channel.start}
          onChange={(start) => update({ start })}
        />
        <DateField
          label={t('channel.end')}
          value={channel.end}
          onChange={(end) => update({ end })}
        />
      </div>
      <div className="mk-grid mk-grid-wide">
        <fieldset className="checkbox-group mk-checks">
          <legend>{t('channel.segments')}</legend>
          {segments.length === 0 && <p className="section-note">{t('channel.noSegments')}</p>}
          {segments.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={channel.segmentIds.includes(s.id)}
                onChange={(e) =>
                  update({ segmentIds: toggle(channel.segmentIds, s.id, e.target.checked) })
                }
              />
              {segmentName(s)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-group mk-checks">
          <legend>{t('channel.partners')}</legend>
          {partners.length === 0 && <p className="section-note">{t('channel.noPartners')}</p>}
          {partners.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={channel.partnerIds.includes(s.id)}
                onChange={(e) =>
                  update({ partnerIds: toggle(channel.partnerIds, s.id, e.target.checked) })
                }
              />
              {s.name}
              {s.partnerType !== 'outreach' && (
                <span className="tag">{t('channel.notOutreach')}</span>
              )}
            </label>
          ))}
        </fieldset>
      </div>
      {channel.end && channel.start && channel.end < channel.start && (
        <p className="warnings" role="note">
          {t('channel.endBeforeStart')}
        </p>
      )}
    </section>
  );
}

function SpendSummary() {
  const { t } = useTranslation('marketing');
  const format = useFormat();
  const marketing = usePlan((p) => p.launch.marketing);
  const budget = usePlan((p) => p.budget);
  const spend = marketingSpend(marketing, budget);
  const money = (n: number) => formatMoney(n, budget.currency, format.locale);
  return (
    <>
      <dl className="budget" aria-label={t('spend.label')}>
        <div>
          <dt>{t('spend.channels')}</dt>
          <dd className="num strong" data-testid="marketing-total">
            {money(spend.total)}
            {!budget.currency && <span className="tag">{t('spend.noCurrency')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('spend.outreachLine')}</dt>
          <dd className="num" data-testid="outreach-line">
            {spend.outreachLine === null ? t('spend.notSet') : money(spend.outreachLine)}
          </dd>
        </div>
        <div>
          <dt>{t('spend.program')}</dt>
          <dd className="num">
            {spend.programTotal === null
              ? t('spend.notSet')
              : spend.shareOfProgram === null
                ? money(spend.programTotal)
                : t('spend.programWithShare', {
                    total: money(spend.programTotal),
                    share: format.number(spend.shareOfProgram * 100, 1),
                  })}
          </dd>
        </div>
      </dl>
      {spend.overOutreach > 0 ? (
        <p className="warnings" role="note" data-testid="over-outreach">
          {t('spend.over', { amount: money(spend.overOutreach) })}
        </p>
      ) : spend.outreachLine !== null ? (
        <p className="ok-note">{t('spend.within')}</p>
      ) : null}
      {spend.unbudgeted > 0 && (
        <p className="section-note">{t('spend.unbudgeted', { count: spend.unbudgeted })}</p>
      )}
    </>
  );
}

function Channels({ focus }: { focus: string | undefined }) {
  const { t, kindLabel, kindOptions, channelName, segmentName } = useWords();
  const format = useFormat();
  const dispatch = useDispatch();
  const channels = usePlan((p) => p.launch.marketing.channels);
  const segments = usePlan((p) => p.learners);
  const currency = usePlan((p) => p.budget.currency);
  // A route with `focus` (a Plan health finding) selects that channel.
  const [selectedId, setSelectedId] = useState<string | null>(
    focus && channels.some((c) => c.id === focus) ? focus : null,
  );
  const selectedIndex = channels.findIndex((c) => c.id === selectedId);
  const selected = selectedIndex >= 0 ? channels[selectedIndex] : channels[0];
  const [newKind, setNewKind] = useState<MarketingChannel['kind']>('paidAds');
  const names = new Map(segments.map((s) => [s.id, segmentName(s)]));
  return (
    <>
      <section className="card" aria-labelledby="channels-heading" id="channels">
        <div className="card-title-row">
          <h2 id="channels-heading">{t('channels.heading')}</h2>
        </div>
        {channels.length === 0 ? (
          <p className="section-note">{t('channels.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('channels.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('channels.channel')}</th>
                <th scope="col">{t('channels.reached')}</th>
                <th scope="col">{t('channels.owner')}</th>
                <th scope="col" className="num">
                  {t('channels.budget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => {
                const current = c.id === selected?.id;
                const reached = c.segmentIds.filter((id) => names.has(id));
                return (
                  <tr key={c.id} className={current ? 'selected' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-current={current ? 'true' : undefined}
                        onClick={() => setSelectedId(c.id)}
                      >
                        {channelName(c)}
                      </button>
                      <span className="tag">{kindLabel(c.kind)}</span>
                      {(c.name.trim()
                        ? c.description.trim() !== ''
                        : c.description.trim().length > 40) && (
                        <span className="mk-description">{c.description}</span>
                      )}
                    </th>
                    <td>
                      {reached.length === 0 ? (
                        <span className="tag tag-warn">{t('channels.reachesNone')}</span>
                      ) : (
                        listOf(
                          format,
                          reached.map((id) => names.get(id) ?? ''),
                        )
                      )}
                    </td>
                    <td>{c.owner || t('none')}</td>
                    <td className="num">
                      {c.budget === null
                        ? t('none')
                        : formatMoney(c.budget, currency, format.locale)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="row-actions">
          <SelectField
            label={t('channels.newKind')}
            value={newKind}
            options={kindOptions}
            onChange={setNewKind}
          />
          <button
            type="button"
            className="primary"
            onClick={() => {
              const id = newId('ch');
              if (dispatch(marketingChannels.add({ item: blankChannel(newKind, id) })).ok)
                setSelectedId(id);
            }}
          >
            {t('channels.add')}
          </button>
        </div>
        <SpendSummary />
      </section>
      {selected && (
        <ChannelEditor
          key={selected.id}
          channel={selected}
          index={channels.indexOf(selected)}
          count={channels.length}
        />
      )}
    </>
  );
}

function CoverageGrid() {
  const { t, channelName, segmentName } = useWords();
  const format = useFormat();
  const dispatch = useDispatch();
  const channels = usePlan((p) => p.launch.marketing.channels);
  const segments = usePlan((p) => p.learners);
  const learners = usePlan((p) => p.learners);
  const launch = usePlan((p) => p.launch);
  const cover = useMemo(() => coverage({ learners, launch }), [learners, launch]);
  return (
    <section className="card" aria-labelledby="coverage-heading" id="coverage">
      <h2 id="coverage-heading">{t('coverage.heading')}</h2>
      {segments.length === 0 || channels.length === 0 ? (
        <p className="section-note">{t('coverage.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table mk-coverage">
            <caption className="visually-hidden">{t('coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.segment')}</th>
                {channels.map((c) => (
                  <th scope="col" key={c.id} className="mk-center">
                    {channelName(c)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('coverage.channels')}
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => {
                const reaching = cover.bySegment.get(s.id) ?? [];
                return (
                  <tr key={s.id} className={reaching.length === 0 ? 'mk-unreached' : undefined}>
                    <th scope="row">
                      {segmentName(s)}
                      {reaching.length === 0 && (
                        <span className="tag tag-warn">{t('coverage.noChannel')}</span>
                      )}
                    </th>
                    {channels.map((c) => {
                      const on = c.segmentIds.includes(s.id);
                      return (
                        <td key={c.id} className="mk-center">
                          <input
                            type="checkbox"
                            aria-label={t('coverage.reaches', {
                              channel: channelName(c),
                              segment: segmentName(s),
                            })}
                            checked={on}
                            onChange={(e) =>
                              dispatch(
                                marketingChannels.update({
                                  id: c.id,
                                  patch: {
                                    segmentIds: e.target.checked
                                      ? [...c.segmentIds, s.id]
                                      : c.segmentIds.filter((x) => x !== s.id),
                                  },
                                }),
                              )
                            }
                          />
                        </td>
                      );
                    })}
                    <td className="num" data-testid={`coverage-count-${s.id}`}>
                      {reaching.length}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cover.unreached.length > 0 ? (
        <p className="warnings" role="note" data-testid="unreached">
          {t('coverage.unreached', {
            count: cover.unreached.length,
            names: listOf(format, cover.unreached.map(segmentName)),
          })}
        </p>
      ) : segments.length > 0 && channels.length > 0 ? (
        <p className="ok-note">{t('coverage.allReached')}</p>
      ) : null}
    </section>
  );
}

// ------------------------------------------------------------ fewest clicks

function FewestClicks() {
  const { t } = useTranslation('marketing');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const steps = usePlan((p) => p.launch.marketing.journeySteps);
  const target = usePlan((p) => p.launch.marketing.journeyStepsTarget);
  const verdict = journeyVerdict({ journeySteps: steps, journeyStepsTarget: target });
  const ref = useRef<HTMLOListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  return (
    <section className="card" aria-labelledby="journey-heading" id="journey">
      <h2 id="journey-heading">{t('journey.heading')}</h2>
      <p className="section-note">{t('journey.note')}</p>
      {steps.length > 0 && (
        <ol className="mk-list" ref={ref}>
          {steps.map((step, index) => {
            const name = t('journey.stepName', { n: index + 1 });
            return (
              <li key={index} data-step={index}>
                <InlineText
                  label={t('wordingOf', { name })}
                  value={step}
                  onChange={(text) => dispatch(updateJourneyStep({ index, text }))}
                  onBlur={seal}
                />
                <OrderButtons
                  name={name}
                  index={index}
                  count={steps.length}
                  onMove={(to) => dispatch(moveJourneyStep({ from: index, to }))}
                  onRemove={() => dispatch(removeJourneyStep({ index }))}
                />
              </li>
            );
          })}
        </ol>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            if (dispatch(addJourneyStep({ text: '' })).ok)
              focusLater(`[data-step="${steps.length}"] input`);
          }}
        >
          {t('journey.add')}
        </button>
        <NumberField
          label={t('journey.target')}
          value={target}
          integer
          required
          min={1}
          max={100}
          onChange={(value) => {
            if (value !== null) dispatch(setJourneyTarget({ target: value }));
          }}
          onBlur={seal}
        />
      </div>
      <p
        className={verdict.withinTarget ? 'ok-note' : 'warnings'}
        role="status"
        data-testid="journey-verdict"
      >
        {verdict.steps === 0
          ? t('journey.none', { target: verdict.target })
          : verdict.withinTarget
            ? t('journey.within', { count: verdict.steps, target: verdict.target })
            : t('journey.over', {
                count: verdict.steps,
                over: verdict.steps - verdict.target,
                target: verdict.target,
              })}
      </p>
    </section>
  );
}

// ------------------------------------------------------------ stories

function StoryEditor({
  story,
  index,
  count,
}: {
  story: LearnerStory;
  index: number;
  count: number;
}) {
  const { t, segmentName } = useWords();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const segments = usePlan((p) => p.learners);
  const update = (patch: Partial<LearnerStory>) =>
    dispatch(learnerStories.update({ id: story.id, patch }));
  const name = t('stories.storyName', { n: index + 1 });
  const segmentOptions = [
    { value: '', label: t('stories.anySegment') },
    ...segments.map((s) => ({ value: s.id, label: segmentName(s) })),
  ];
  return (
    <li
      className={`mk-story ${story.consentGiven ? '' : 'mk-no-consent'}`}
      data-story={story.id}
      aria-label={t('stories.label', { name: story.title || name })}
    >
      <div className="card-title-row">
        <h3>{story.title || t('stories.untitled')}</h3>
        {story.consentGiven ? (
          <span className="tag tag-ok">{t('stories.consented')}</span>
        ) : (
          <span className="tag tag-warn">{t('stories.noConsent')}</span>
        )}
        <OrderButtons
          name={name}
          index={index}
          count={count}
          onMove={(to) => dispatch(learnerStories.move({ id: story.id, to }))}
          onRemove={() => dispatch(learnerStories.remove({ ids: [story.id] }))}
        />
      </div>
      <div className="mk-grid">
        <TextField
          label={t('stories.titleOf', { name })}
          value={story.title}
          onChange={(title) => update({ title })}
          onBlur={seal}
        />
        <SelectField
          label={t('stories.segmentOf', { name })}
          value={story.segmentId ?? ''}
          options={segmentOptions}
          onChange={(id) => update({ segmentId: id || null })}
        />
      </div>
      <TextAreaField
        label={t('stories.story', { n: index + 1 })}
        value={story.summary}
        rows={3}
        onChange={(summary) => update({ summary })}
        onBlur={seal}
      />
      <fieldset className="mk-consent">
        <legend>{t('stories.consent')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={story.consentGiven}
            onChange={(e) => update({ consentGiven: e.target.checked })}
          />
          {t('stories.agreed')}
        </label>
        <div className="mk-grid">
          <DateField
            label={t('stories.consentDate', { name })}
            value={story.consentDate}
            onChange={(consentDate) => update({ consentDate })}
          />
          <TextField
            label={t('stories.consentWhere', { name })}
            hint={t('stories.consentWhereHint')}
            value={story.consentNote}
            onChange={(consentNote) => update({ consentNote })}
            onBlur={seal}
          />
        </div>
      </fieldset>
      {looksLikeContactDetails(story.consentNote) && (
        <p className="warnings" role="note">
          {t('stories.contactDetails')}
        </p>
      )}
      {!story.consentGiven && (
        <p className="warnings" role="note">
          {t('stories.withoutConsent')}
        </p>
      )}
    </li>
  );
}

function Stories() {
  const { t } = useTranslation('marketing');
  const dispatch = useDispatch();
  const stories = usePlan((p) => p.launch.marketing.stories);
  const ref = useRef<HTMLUListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  return (
    <section className="card" aria-labelledby="stories-heading" id="stories">
      <div className="card-title-row">
        <h2 id="stories-heading">{t('stories.heading')}</h2>
        <button
          type="button"
          onClick={() => {
            const id = newId('story');
            if (dispatch(learnerStories.add({ item: blankStory(id) })).ok)
              focusLater(`[data-story="${CSS.escape(id)}"] input[type="text"]`);
          }}
        >
          {t('stories.add')}
        </button>
      </div>
      <p className="section-note">{t('stories.note')}</p>
      {stories.length > 0 && (
        <ul className="mk-stories" ref={ref}>
          {stories.map((s, i) => (
            <StoryEditor key={s.id} story={s} index={i} count={stories.length} />
          ))}
        </ul>
      )}
    </section>
  );
}

// ------------------------------------------------------------ funnel

function FunnelCell(props: {
  stage: FunnelStage['stage'];
  stageLabel: string;
  segmentId: string | null;
  who: string;
  row: FunnelStage | undefined;
}) {
  const { t } = useTranslation('marketing');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const set = (field: FunnelField) => (text: string) =>
    dispatch(setFunnelCell({ stage: props.stage, segmentId: props.segmentId, field, text }));
  return (
    <td className="mk-funnel-cell">
      <label>
        <span className="mk-cell-label">{t('funnel.touchpoints')}</span>
        <span className="visually-hidden">
          {t('funnel.cellContext', { stage: props.stageLabel, who: props.who })}
        </span>
        <textarea
          rows={3}
          maxLength={20_000}
          value={props.row?.touchpoints ?? ''}
          onChange={(e) => set('touchpoints')(e.target.value)}
          onBlur={seal}
        />
      </label>
      <label>
        <span className="mk-cell-label">{t('funnel.content')}</span>
        <span className="visually-hidden">
          {t('funnel.cellContext', { stage: props.stageLabel, who: props.who })}
        </span>
        <textarea
          rows={3}
          maxLength={20_000}
          value={props.row?.content ?? ''}
          onChange={(e) => set('content')(e.target.value)}
          onBlur={seal}
        />
      </label>
    </td>
  );
}

function Funnel() {
  const { t, segmentName } = useWords();
  const format = useFormat();
  const figureLocale = useFigureLocale(format.language);
  const dispatch = useDispatch();
  const learners = usePlan((p) => p.learners);
  const launch = usePlan((p) => p.launch);
  const funnel = launch.marketing.funnel;
  const withRows = useMemo(() => funnelSegments({ learners, launch }), [learners, launch]);
  const [extra, setExtra] = useState<string[]>([]);
  const columns = [
    ...withRows,
    ...learners.filter((s) => extra.includes(s.id) && !withRows.includes(s)),
  ];
  const addable = learners.filter((s) => !columns.includes(s));
  const [toAdd, setToAdd] = useState('');
  const scene = useMemo(
    () => funnelScene({ learners, launch }, figureLocale),
    [learners, launch, figureLocale],
  );
  return (
    <section className="card" aria-labelledby="funnel-heading" id="funnel">
      <h2 id="funnel-heading">{t('funnel.heading')}</h2>
      <p className="section-note">{t('funnel.note')}</p>
      <div className="table-scroll">
        <table className="data-table mk-funnel-table">
          <caption className="visually-hidden">{t('funnel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funnel.stage')}</th>
              <th scope="col">{t('funnel.everyone')}</th>
              {columns.map((s) => (
                <th scope="col" key={s.id}>
                  {segmentName(s)}{' '}
                  <button
                    type="button"
                    className="subtle danger-text"
                    aria-label={t('funnel.removeColumn', { name: segmentName(s) })}
                    onClick={() => {
                      setExtra((e) => e.filter((id) => id !== s.id));
                      if (funnel.some((r) => r.segmentId === s.id))
                        dispatch(removeFunnelSegment({ segmentId: s.id }));
                    }}
                  >
                    {t('funnel.remove')}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FUNNEL_STAGES.map(({ stage }) => (
              <tr key={stage}>
                <th scope="row">
                  {t(`funnel.stages.${stage}.label`)}
                  <span className="field-hint">{t(`funnel.stages.${stage}.hint`)}</span>
                </th>
                <FunnelCell
                  stage={stage}
                  stageLabel={t(`funnel.stages.${stage}.label`)}
                  segmentId={null}
                  who={t('funnel.everyoneLower')}
                  row={funnelRow(funnel, stage, null)}
                />
                {columns.map((s) => (
                  <FunnelCell
                    key={s.id}
                    stage={stage}
                    stageLabel={t(`funnel.stages.${stage}.label`)}
                    segmentId={s.id}
                    who={segmentName(s)}
                    row={funnelRow(funnel, stage, s.id)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {addable.length > 0 && (
        <div className="row-actions">
          <SelectField
            label={t('funnel.ownJourney')}
            value={toAdd}
            options={[
              { value: '', label: t('funnel.chooseSegment') },
              ...addable.map((s) => ({ value: s.id, label: segmentName(s) })),
            ]}
            onChange={setToAdd}
          />
          <button
            type="button"
            disabled={!toAdd}
            onClick={() => {
              setExtra((e) => [...e, toAdd]);
              setToAdd('');
            }}
          >
            {t('funnel.addColumn')}
          </button>
        </div>
      )}
      <figure className="mk-funnel-figure" aria-label={t('funnel.figure')}>
        <SceneSvg scene={scene} />
        <figcaption>{t('funnel.figcaption')}</figcaption>
      </figure>
    </section>
  );
}

// ------------------------------------------------------------ section

/** The Marketing plan section. */
export function MarketingSection() {
  const { t } = useTranslation('marketing');
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  // A Plan health finding names a story, a channel, a segment or the journey: bring it into view.
  useEffect(() => {
    if (!focus) return;
    const target =
      document.querySelector<HTMLElement>(`[data-story="${CSS.escape(focus)}"]`) ??
      (document.getElementById(focus) ||
        (focus.startsWith('seg') ? document.getElementById('coverage') : null) ||
        document.getElementById('channel-editor'));
    target?.scrollIntoView({ block: 'start' });
  }, [focus]);
  return (
    <div className="section-body content-section marketing-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <Channels focus={focus} />
      <CoverageGrid />
      <FewestClicks />
      <Stories />
      <Funnel />
      <Toolkit />
    </div>
  );
}
