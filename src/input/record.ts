// What several commands share: reading flags into record fields and ids (record-flags.ts, re-exported here),
// validating a whole record, a record from --input, the texts the safety note looks at.
import { readFileSync } from 'node:fs';
import type { Context } from '../context';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { importedRecordSchema, recordSchema, recordInputSchema, recordTexts, type ThoughtRecord, type RecordBody } from '../domain/record';
import { describeZodError } from '../domain/validate';
import { newId } from './record-flags';

export * from './record-flags';

/** Validate a whole record; errors name the field, never its content. */
export function validateRecord(data: unknown, where: string, ctx: Context, o: { moodsOptional?: boolean } = {}): ThoughtRecord {
  // A record imported from an app that never asked about moods may stay without them when edited.
  const r = (o.moodsOptional ? importedRecordSchema : recordSchema).safeParse(data);
  if (!r.success) throw new UsageError(msg.errors.invalidRecord(where, describeZodError(r.error, data)));
  const rec = r.data;
  ctx.library().check(rec.distortions);
  return rec;
}

/** A record from --input: JSON in the contract's form; id and createdAt are made when missing. */
export function readRecordInput(file: string, ctx: Context): { data: unknown; where: string } {
  let raw: string;
  const where = file === '-' ? msg.input.stdinName : file;
  try {
    raw = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(msg.errors.cantReadFile(where), msg.errors.cantReadFileHint);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(msg.errors.badJson(where), msg.errors.badJsonHint);
  }
  const input = recordInputSchema.safeParse(data);
  if (!input.success) throw new UsageError(msg.errors.invalidRecord(where, describeZodError(input.error, data)));
  const now = ctx.clock.now().toISOString();
  const createdAt = input.data.createdAt ?? now;
  return {
    data: { ...input.data, id: input.data.id ?? newId(ctx), createdAt, occurredAt: input.data.occurredAt ?? createdAt },
    where,
  };
}

/** Every word of a record the safety note looks at: a feeling typed in ("suicidal") or a tag counts as much as a sentence. */
export function safetyTexts(r: Partial<RecordBody>): string[] {
  return [...recordTexts(r), ...(r.emotions ?? []).map((e) => e.name), ...(r.tags ?? [])];
}

