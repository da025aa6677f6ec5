/**
 * "New plan": start from a blank plan or from one of the bundled worked
 * examples (issue 15). Each example is a card saying what program it is, the
 * language it is written in and what it shows; adding one puts a copy in the
 * library with its dates moved ahead of today and its synthetic roster of fake
 * learners, then opens it. Keyboard: Tab moves between the cards' buttons,
 * Enter or Space adds, Escape closes.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type enLibrary from '../../../../shared/i18n/locales/en/library.json';
import {
  EXAMPLE_LANGUAGE_NAMES,
  EXAMPLE_PLANS,
  examplePlan,
  type ExamplePlan,
} from '../../../../shared/plan/examples';
import { createFromExample, createPlan } from '../../app/workbench';
import './example-gallery.css';

/** The examples the catalog words (summary and what each shows). */
type ExampleId = keyof (typeof enLibrary)['examples'];

/** The three things each example shows, as the catalog numbers them. */
const SHOWN = ['1', '2', '3'] as const;

/** "Spanish (Español)", or "English" (the name in the UI language, then in itself). */
function LanguageName({ language }: { language: ExamplePlan['language'] }) {
  const { t } = useTranslation('library');
  const { native } = EXAMPLE_LANGUAGE_NAMES[language];
  const name = t(`languages.${language}`);
  if (name === native) return <>{name}</>;
  return (
    <>
      {name} (
      <span lang={language} dir="auto">
        {native}
      </span>
      )
    </>
  );
}

function ExampleCard({
  example,
  busy,
  onAdd,
}: {
  example: ExamplePlan;
  busy: string | null;
  onAdd: (id: string) => void;
}) {
  const titleId = useId();
  const summaryId = useId();
  const { t } = useTranslation('library');
  const original = example.translationOf ? examplePlan(example.translationOf) : undefined;
  const id = example.id as ExampleId;
  return (
    <li className="example-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="example-card-title" lang={example.language} dir="auto">
        {example.title}
      </h3>
      <p className="example-card-language">
        <span className="example-card-badge">
          <LanguageName language={example.language} />
        </span>
        {original && (
          <span className="example-card-translation">
            {' '}
            {t('gallery.translationOf', { title: original.title })}
          </span>
        )}
      </p>
      <p id={summaryId} className="example-card-summary">
        {t(`examples.${id}.summary`)}
      </p>
      <p className="example-card-shows-title">{t('gallery.shows')}</p>
      <ul className="example-card-shows">
        {SHOWN.map((n) => (
          <li key={n}>{t(`examples.${id}.shows.${n}`)}</li>
        ))}
      </ul>
      <div className="example-card-actions">
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          aria-describedby={summaryId}
          aria-label={t('gallery.addLabel', { title: example.title })}
          onClick={() => onAdd(example.id)}
        >
          {busy === example.id ? t('gallery.adding') : t('gallery.add')}
        </button>
      </div>
    </li>
  );
}

/** The "New plan" gallery: a blank plan or a worked example. */
export function ExampleGallery({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('library');
  const [busy, setBusy] = useState<string | null>(null);
  const blankId = useId();
  const add = (id: string) => {
    setBusy(id);
    void createFromExample(id).then((added) => {
      if (added) onClose();
      else setBusy(null);
    });
  };
  const blank = () => {
    setBusy('blank');
    void createPlan().then(onClose);
  };
  return (
    <Dialog
      title={t('gallery.title')}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      }
    >
      <div className="example-gallery">
        <p className="example-gallery-lead">{t('gallery.lead')}</p>
        <ul className="example-gallery-list" aria-label={t('gallery.ways')}>
          <li className="example-card example-card-blank" aria-labelledby={blankId}>
            <div>
              <h3 id={blankId} className="example-card-title">
                {t('gallery.blankTitle')}
              </h3>
              <p className="example-card-summary">{t('gallery.blankSummary')}</p>
            </div>
            <div className="example-card-actions">
              <button
                type="button"
                data-autofocus
                disabled={busy !== null}
                onClick={blank}
                aria-label={t('gallery.startBlankLabel')}
              >
                {busy === 'blank' ? t('gallery.creating') : t('gallery.startBlank')}
              </button>
            </div>
          </li>
          {EXAMPLE_PLANS.map((example) => (
            <ExampleCard key={example.id} example={example} busy={busy} onAdd={add} />
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
