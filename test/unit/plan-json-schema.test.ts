/**
 * The plan-file JSON Schema in resources/schema/ is generated from the zod
 * schemas; this test fails when it is out of date (`npm run schema` rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBlankPlan } from '../../shared/plan/create';
import { writePlanFile } from '../../shared/plan/plan-file';
import { Plan } from '../../shared/plan/schema';

const file = join(import.meta.dirname, '..', '..', 'resources', 'schema', 'plan-file.schema.json');

function generate(): string {
  const schema = {
    ...z.toJSONSchema(Plan, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://upskill-workbench.invalid/schema/plan-file.schema.json',
    title: 'Upskill Workbench plan file',
    description:
      'A whole program plan (*.upskill.json). Generated from shared/plan/schema.ts; do not edit.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

describe('plan file JSON Schema', () => {
  it('matches the zod schemas', () => {
    const generated = generate();
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('accepts a plan file the app writes and rejects a broken one', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
    expect(validate(JSON.parse(writePlanFile(createBlankPlan('Schema check'))))).toBe(true);
    expect(validate({ schemaVersion: 1, id: 'x' })).toBe(false);
  });
});
