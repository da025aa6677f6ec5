/**
 * Column layouts of the bulk-invite CSV export (one file per wave). Each
 * layout names its columns and what goes in them, so the file can be
 * uploaded to the platform as it is. Documented in README ("Invitation
 * list"). Every file is UTF-8 with a byte-order mark and Windows line ends
 * (as Excel writes CSV), and cells that a spreadsheet would read as a
 * formula are written as text (shared/export/sanitize.ts csvCell).
 */

/** One invitee as the export sees them. */
export interface Invitee {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** The plan segment's name, '' when none. */
  readonly segment: string;
  /** The wave's name. */
  readonly wave: string;
}

/** A column layout. */
export interface InviteLayout {
  readonly id: string;
  readonly label: string;
  /** What the layout is for, in words. */
  readonly description: string;
  readonly columns: readonly { readonly heading: string; readonly value: (i: Invitee) => string }[];
}

const fullName = (i: Invitee) => [i.firstName, i.lastName].filter(Boolean).join(' ');

/** The layouts offered, generic first. */
export const INVITE_LAYOUTS: readonly InviteLayout[] = [
  {
    id: 'generic',
    label: 'Generic',
    description:
      'First name, Last name, Email, Segment, Wave — for any tool that maps columns on upload.',
    columns: [
      { heading: 'First name', value: (i) => i.firstName },
      { heading: 'Last name', value: (i) => i.lastName },
      { heading: 'Email', value: (i) => i.email },
      { heading: 'Segment', value: (i) => i.segment },
      { heading: 'Wave', value: (i) => i.wave },
    ],
  },
  {
    id: 'fullName',
    label: 'Full name and e-mail',
    description:
      'Name, Email — the two columns most learning platforms’ “invite learners by CSV” templates ask for.',
    columns: [
      { heading: 'Name', value: fullName },
      { heading: 'Email', value: (i) => i.email },
    ],
  },
  {
    id: 'mailchimp',
    label: 'Mailchimp audience import',
    description:
      'Email Address, First Name, Last Name, Tags — Mailchimp’s default audience fields; the segment and wave become tags.',
    columns: [
      { heading: 'Email Address', value: (i) => i.email },
      { heading: 'First Name', value: (i) => i.firstName },
      { heading: 'Last Name', value: (i) => i.lastName },
      { heading: 'Tags', value: (i) => [i.segment, i.wave].filter(Boolean).join(',') },
    ],
  },
  {
    id: 'moodle',
    label: 'Moodle “Upload users”',
    description:
      'username, firstname, lastname, email — the required fields of Moodle’s Upload users page; the username is the e-mail in lower case.',
    columns: [
      { heading: 'username', value: (i) => i.email.toLowerCase() },
      { heading: 'firstname', value: (i) => i.firstName || fullName(i) },
      { heading: 'lastname', value: (i) => i.lastName || '.' },
      { heading: 'email', value: (i) => i.email },
    ],
  },
];

/** The layout with this id, or the generic one. */
export function inviteLayout(id: string): InviteLayout {
  return INVITE_LAYOUTS.find((l) => l.id === id) ?? INVITE_LAYOUTS[0]!;
}
