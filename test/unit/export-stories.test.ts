/**
 * Issue 13: learner stories are personal data. A story's text that holds a
 * phone number or an e-mail address is warned about in Plan health (stories
 * are published), and a story without consent recorded is never written to
 * a shareable export — no Word or Excel file of any profile, whatever
 * sections are chosen — while a consented one is.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPlanDocx } from '../../shared/export/docx';
import { EXPORT_SECTIONS, PROFILE_IDS } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { checkPlanHealth } from '../../shared/health/check';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan, xmlUnescape } from './export-helpers';
import { english } from './health-english';

const SECRET_TITLE = 'Kofi’s second chance at the Harlow Road centre';
const SECRET_LINE = 'Kofi left his old job after a dispute with his manager in March';

function withStories(): Plan {
  const plan = samplePlan();
  plan.launch.marketing.stories.push(
    {
      id: 'story-kofi',
      title: SECRET_TITLE,
      summary: `${SECRET_LINE}. He studied at the study hall every week and passed the IT support exam in October.`,
      segmentId: 'seg-justice',
      consentGiven: false,
      consentDate: null,
      consentNote: '',
    },
    {
      id: 'story-lina',
      title: 'Lina’s data dashboard',
      summary:
        'Lina built a sales dashboard for a local bakery during the pilot. Call her on 021 555 0187 or write to lina.k@example.org.',
      segmentId: 'seg-graduates',
      consentGiven: true,
      consentDate: '2026-11-10',
      consentNote: 'Signed consent form YDF-C-030',
    },
  );
  return plan;
}

/** Every XML part of a Word or Excel file, as text. */
function allText(bytes: Uint8Array): string {
  return Object.entries(unzipSync(bytes))
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, data]) => xmlUnescape(strFromU8(data).replace(/<[^>]+>/g, ' ')))
    .join('\n')
    .replace(/\s+/g, ' ');
}

describe('learner stories as personal data', () => {
  it('warns in Plan health about a phone number or e-mail address in a story’s text, pointing at it', () => {
    const findings = checkPlanHealth(withStories()).filter(
      (f) => f.rule === 'story-contact-details',
    );
    expect(findings.map((f) => [f.severity, f.target])).toEqual([
      ['warning', { section: 'marketing', elementId: 'story-lina' }],
    ]);
    expect(english(findings[0]!.message)).toBe(
      'The learner story “Lina’s data dashboard” seems to hold a phone number or an e-mail address: stories are published, so take the learner’s contact details out of it.',
    );
    // A phone number alone is enough; dates, amounts and years are not phone numbers.
    const phoneOnly = withStories();
    phoneOnly.launch.marketing.stories.at(-1)!.summary = 'Ring +44 (0)21 555-0187 any evening.';
    expect(
      checkPlanHealth(phoneOnly).some((f) => f.id === 'story-contact-details:story-lina'),
    ).toBe(true);
    expect(checkPlanHealth(samplePlan()).some((f) => f.rule === 'story-contact-details')).toBe(
      false,
    );
  });

  it('never writes a story without consent to a Word or Excel file of any profile; a consented one is written', async () => {
    const plan = withStories();
    const sections = EXPORT_SECTIONS.map((s) => s.id);
    for (const profile of PROFILE_IDS) {
      const options = exportOptions({ profile, sections });
      for (const [kind, bytes] of [
        ['docx', await buildPlanDocx(plan, options)],
        ['xlsx', await buildPlanXlsx(plan, options)],
      ] as const) {
        const text = allText(bytes);
        expect(text, `${profile} ${kind}`).not.toContain('Kofi');
        expect(text, `${profile} ${kind}`).not.toContain(SECRET_LINE);
        expect(text, `${profile} ${kind}`).toContain('Lina’s data dashboard');
      }
    }
  }, 60_000);
});
