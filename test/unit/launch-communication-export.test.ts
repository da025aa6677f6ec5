/**
 * One launch communication as files (shared/launch/communication-export.ts):
 * the .eml read back by an independent MIME parser (postal-mime), its
 * encoders checked property-based, the plain text, and the onboarding guide
 * as a Word document with the pathway outline — read back from the .docx
 * XML, and laid out by LibreOffice with its pages kept as PNGs in
 * test-results/communication-guide/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureExportExtension, sanitizeExportFileName } from '../../electron/export-files';
import { buildShortDocx } from '../../shared/export/docx';
import { draftCommunication } from '../../shared/launch/communication-drafts';
import {
  bodyBlocks,
  communicationDocument,
  communicationEml,
  communicationFileName,
  communicationPlainText,
  encodeHeaderValue,
  quotedPrintable,
} from '../../shared/launch/communication-export';
import type { Communication, Plan } from '../../shared/plan/schema';
import { samplePlan, xmlUnescape, zipText } from './export-helpers';

const sample = samplePlan();
const comm = (plan: Plan, id: string) => plan.launch.communications.find((c) => c.id === id)!;
const NOW = new Date(Date.UTC(2027, 2, 25, 9, 30, 0));

/** The text without control characters other than those in `keep` (\r is kept with \n). */
function withoutControls(text: string, keep: string): string {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      if (code === 0x7f) return false;
      if (code >= 0x20) return true;
      return keep.includes(ch) || (ch === '\r' && keep.includes('\n'));
    })
    .join('');
}

async function parse(eml: string) {
  return PostalMime.parse(eml);
}

describe('.eml for the mail tool', () => {
  it('has the filled subject and text, no recipients, and the MIME headers', async () => {
    const c = comm(sample, 'comm-registration');
    const eml = communicationEml(sample, c, NOW);
    const [head] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^Subject: /m);
    expect(head).toContain('MIME-Version: 1.0');
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(head).toContain('Date: Thu, 25 Mar 2027 09:30:00 +0000');
    expect(head).not.toMatch(/^(To|Cc|Bcc):/im);
    // Every line of the file is ASCII and at most 78 characters (RFC 5322 §2.1.1).
    for (const line of eml.split('\r\n')) {
      expect(line).toMatch(/^[\x20-\x7e\t]*$/);
      expect(line.length).toBeLessThanOrEqual(78);
    }
    const mail = await parse(eml);
    expect(mail.subject).toBe('You’re registered for Digital Futures');
    expect(mail.to ?? []).toEqual([]);
    expect(mail.text).toContain(
      'Hi {firstName}, thank you for registering for Lower Valley Digital Futures 2027.',
    );
    expect(mail.text).toContain(
      'Questions? Contact the help desk on 021 555 0300 (weekdays 9:00–18:00).',
    );
    expect(mail.text).toContain(
      'your pathway (IT Support Starter Pathway or Data Analysis Upskilling)',
    );
  });

  it('writes a missing plan field as a note, never raw, and From only for an address', async () => {
    const plan = structuredClone(sample);
    plan.launch.details.registrationLink = '';
    plan.launch.details.supportContact = 'Help desk <help@lowervalley.example.org>';
    const mail = await parse(communicationEml(plan, comm(plan, 'comm-launch'), NOW));
    expect(mail.text).toContain('Sign in at [registration link not set] to go');
    expect(mail.text).not.toContain('{registrationLink}');
    expect(mail.from?.address).toBe('help@lowervalley.example.org');
    expect(communicationEml(sample, comm(sample, 'comm-launch'), NOW)).not.toMatch(/^From:/m);
  });

  it('round-trips any subject and body through postal-mime', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        async (subjectText, bodyText) => {
          const subject = withoutControls(subjectText, '').replace(/\s+/g, ' ').trim();
          const body = withoutControls(bodyText, '\n\t').replace(/\r\n?/g, '\n');
          const eml = `Subject: ${encodeHeaderValue(subject)}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(body)}\r\n`;
          for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
          const mail = await parse(eml);
          expect(mail.subject ?? '').toBe(subject);
          expect((mail.text ?? '').replace(/\r\n/g, '\n').replace(/\n$/, '')).toBe(body);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('plain text and file names', () => {
  it('is the subject line, a blank line and the filled text', () => {
    const text = communicationPlainText(sample, comm(sample, 'comm-wave2-reminder'));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Subject: Your place is waiting: wave 2 reminder',
      '',
    ]);
    expect(text).toContain(
      'It takes two clicks to register: https://digitalfutures.lowervalley.example.org/join.',
    );
  });

  it('names files after the plan and the title, safely', () => {
    const c = { ...comm(sample, 'comm-launch'), title: 'Open: day 1 / "go"' };
    expect(communicationFileName(sample, c, 'eml')).toMatch(
      /^Lower Valley Digital Futures 2027 – Open[^/\\:"]*\.eml$/,
    );
  });

  it('the desktop save dialog keeps the .eml and .txt names and adds the extension', () => {
    expect(sanitizeExportFileName('../x/Plan – Launch e-mail.eml', 'eml')).toBe(
      'Plan – Launch e-mail.eml',
    );
    expect(ensureExportExtension('/home/me/Launch e-mail', 'eml')).toBe(
      '/home/me/Launch e-mail.eml',
    );
    expect(ensureExportExtension('/home/me/reminder', 'txt')).toBe('/home/me/reminder.txt');
  });

  it('splits a body into paragraphs and lists', () => {
    expect(bodyBlocks('Hi,\n\nWhat next:\n- one\n- two\n\nBye')).toEqual([
      { type: 'paragraph', text: 'Hi,' },
      { type: 'paragraph', text: 'What next:' },
      { type: 'bullets', items: ['one', 'two'] },
      { type: 'paragraph', text: 'Bye' },
    ]);
  });
});

describe('Word', () => {
  it('makes the onboarding guide a short guide with the pathway outline', () => {
    const doc = communicationDocument(sample, comm(sample, 'comm-onboarding-guide'));
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      'The program',
      'How it works',
      'Getting started',
      'Support',
      'What you gain',
      'The pathways',
      'IT Support Starter Pathway',
      'Data Analysis Upskilling',
    ]);
    const tables = doc.blocks.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(2);
    const catalog = new Map(sample.content.catalog.map((c) => [c.id, c.title]));
    expect(tables[0]!.rows.map((r) => r[1])).toEqual(
      sample.content.pathways[0]!.steps.map((s) => catalog.get(s.contentItemId)),
    );
  });

  it('a guide for one segment outlines only its pathway', () => {
    const c: Communication = {
      ...draftCommunication('onboardingGuide', 'g'),
      segmentIds: ['seg-graduates'],
    };
    const doc = communicationDocument(sample, c);
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings).toContain('Your pathway');
    expect(headings).toContain('Data Analysis Upskilling');
    expect(headings).not.toContain('IT Support Starter Pathway');
  });

  it('writes an e-mail’s facts and text, learner fields as placeholders', async () => {
    const bytes = await buildShortDocx(communicationDocument(sample, comm(sample, 'comm-launch')));
    const xml = xmlUnescape(
      zipText(bytes, /^word\/document\.xml$/)
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    );
    expect(xml).toContain('Digital Futures is open: start your first lesson today');
    expect(xml).toContain('Hi «first name», Lower Valley Digital Futures 2027 opens today.');
    expect(xml).toContain('12 April 2027');
    expect(xml).not.toMatch(/\{[a-zA-Z ]+\}/);
  });
});

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

describe.skipIf(!existsSync(SOFFICE))('LibreOffice reads the onboarding guide', () => {
  const work = mkdtempSync(join(tmpdir(), 'upskill-guide-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lays it out as a short guide whose text is all there', { timeout: 120_000 }, async () => {
    const bytes = await buildShortDocx(
      communicationDocument(sample, comm(sample, 'comm-onboarding-guide')),
    );
    const file = join(work, 'guide.docx');
    writeFileSync(file, bytes);
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        file,
      ],
      { stdio: 'pipe', timeout: 110_000 },
    );
    const pdf = join(work, 'guide.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ')
      .trim();
    for (const expected of [
      'Digital Futures onboarding guide',
      'Welcome to Lower Valley Digital Futures 2027, run by Lower Valley Regional Employment Service.',
      'How it works',
      'The program launches on 1 April 2027.',
      'contact the help desk on 021 555 0300',
      'IT Support Starter Pathway',
      'Leads towards: IT support technician (entry level).',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    const out = join(import.meta.dirname, '..', '..', 'test-results', 'communication-guide');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(out, 'page')]);
    expect(readdirSync(out).length).toBe(pages);
  });
});
