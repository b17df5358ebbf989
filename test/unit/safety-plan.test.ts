// The safety plan in the journal (migration 8) and its JSON form.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { SCHEMA_VERSION } from '../../src/journal/migrations';
import { emptyPlan, isPlanObject, safetyPlanInputSchema, safetyPlanSchema, type SafetyPlan } from '../../src/domain/safety-plan';
import { newestPlan } from '../../src/import/plan';
import { renderCrisisNote } from '../../src/render/crisis';
import { makeTheme } from '../../src/render/theme';

const journal = () => new Journal(openDatabase(':memory:'), ':memory:');
const plan = (updatedAt: string, extra: Partial<SafetyPlan> = {}): SafetyPlan => ({ ...emptyPlan(updatedAt), ...extra });

describe('the safety plan', () => {
  it('is kept in one row of the journal at schema 8, and read back as written', () => {
    const j = journal();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8); // later migrations add rooms of their own
    expect(j.safetyPlan()).toBeUndefined();
    const p = plan('2026-11-22T21:30:00.000Z', { askForHelp: ['Sam 07700 900123'], reasonsForLiving: ['Ana 💛', 'line\nbreak'] });
    j.saveSafetyPlan(p);
    j.saveSafetyPlan(p);
    expect(j.safetyPlan()).toEqual(p);
    expect(j.db.prepare('SELECT count(*) FROM safety_plan').pluck().get()).toBe(1);
    j.close();
  });

  it('import: the newer plan wins by updatedAt; the same or an older one is kept out; a dry run writes nothing', () => {
    const j = journal();
    const a = plan('2026-01-01T00:00:00.000Z', { copingAlone: ['walk'] });
    const b = plan('2026-06-01T00:00:00.000Z', { copingAlone: ['music'] });
    expect(j.mergeSafetyPlan(b, false)).toBe('added');
    expect(j.safetyPlan()).toBeUndefined();
    expect(j.mergeSafetyPlan(a, true)).toBe('added');
    expect(j.mergeSafetyPlan(a, true)).toBe('kept');
    expect(j.mergeSafetyPlan(b, true)).toBe('replaced');
    expect(j.mergeSafetyPlan(a, true)).toBe('kept');
    expect(j.safetyPlan()?.copingAlone).toEqual(['music']);
    expect(newestPlan([a, b, a])).toBe(b);
    j.close();
  });

  it('an object is a plan only with kind "safety-plan"; the schema is strict and names fields, not words', () => {
    expect(isPlanObject({ kind: 'safety-plan' })).toBe(true);
    expect(isPlanObject({ situation: 'x' })).toBe(false);
    expect(isPlanObject(null)).toBe(false);
    expect(safetyPlanSchema.safeParse({ kind: 'safety-plan', updatedAt: '2026-11-22T21:30:00.000Z', extra: 1 }).success).toBe(false);
    expect(safetyPlanSchema.safeParse({ kind: 'safety-plan', updatedAt: 'yesterday' }).success).toBe(false);
    expect(safetyPlanInputSchema.safeParse({ askForHelp: ['Sam'] }).success).toBe(true);
    expect(safetyPlanInputSchema.safeParse({ askForHelp: [''] }).success).toBe(false);
  });

  it('the crisis note: help is available now first, then the plan\'s people and crisis lines, then the lines', () => {
    const t = makeTheme({ env: {}, isTTY: false });
    const none = renderCrisisNote(undefined, t);
    expect(none[0]).toMatch(/Help is available now/);
    expect(none.join('\n')).toMatch(/988[\s\S]*116 123[\s\S]*https:\/\/findahelpline\.com/);
    expect(none.join('\n')).toContain('reframe safety-plan edit');
    const mine = renderCrisisNote(plan('2026-11-22T21:30:00.000Z', { askForHelp: ['Sam \u001b[31m0770'], professionals: ['GP'], reasonsForLiving: ['Ana'] }), t).join('\n');
    expect(mine.indexOf('Sam')).toBeLessThan(mine.indexOf('988'));
    expect(mine).not.toContain('\u001b');
    expect(mine).not.toContain('Ana');
    expect(mine).not.toContain('safety-plan edit');
  });
});
