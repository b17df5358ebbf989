// After a record is saved or updated: what was saved, and the safety note first when its words call for it. Apart
// from record.ts so that a command loads the safety detector (~0.8 MB of code) only when it reports a save.
import type { Context } from '../context';
import { msg } from '../messages';
import { toJson, type RecordBody, type ThoughtRecord } from '../domain/record';
import { noteForTexts, raisedInRun } from '../safety-note';
import { safetyTexts } from './record';

/** If the words suggest danger (or harm from someone else), where to find help: once per run, on stderr. */
export function safetyNote(ctx: Context, r: Partial<RecordBody>): boolean {
  const a = noteForTexts(ctx, safetyTexts(r));
  return a.danger || a.abuse;
}

/**
 * Print what was saved: the id on stdout (or the record with --json), a line on stderr. The record is already
 * saved; when its words (or any answer in this run) raised the note, the note comes first and the line is plain.
 */
export function reportSaved(ctx: Context, rec: ThoughtRecord, json: boolean | undefined, verb: 'saved' | 'updated', extra?: Record<string, unknown>): void {
  if (json) ctx.out(JSON.stringify({ ...toJson(rec), ...extra }, null, 2));
  else ctx.out(rec.id);
  if (safetyNote(ctx, rec) || raisedInRun(ctx)) ctx.say(verb === 'saved' ? msg.safety.savedPlain : msg.safety.updatedPlain(rec.id));
  else ctx.say(ctx.errTheme.good(verb === 'saved' ? msg.saved(rec.id) : msg.updated(rec.id)));
}
