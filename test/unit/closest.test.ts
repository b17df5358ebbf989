import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/input/closest';
import { pagerCommand } from '../../src/io/pager';
import { makeTheme, utf8Locale } from '../../src/render/theme';

describe('did you mean: the nearest name', () => {
  const ids = ['all-or-nothing', 'mind-reading', 'fortune-telling', 'catastrophizing', 'labeling', 'should-statements'];
  it('counts a swapped pair as one edit', () => {
    expect(editDistance('lsit', 'list')).toBe(1);
    expect(editDistance('stat', 'stats')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('finds slips, ignores punctuation, and says nothing for a far word', () => {
    expect(closest('mindreading', ids)).toBe('mind-reading');
    expect(closest('catastrophising', ids)).toBe('catastrophizing');
    expect(closest('labelling', ids)).toBe('labeling');
    expect(closest('shoulds', ids)).toBe('should-statements');
    expect(closest('fortune', ids)).toBe('fortune-telling');
    expect(closest('xyz', ids)).toBeUndefined();
    expect(closest('happiness', ids)).toBeUndefined();
    expect(closest('', ids)).toBeUndefined();
  });
});

describe('the pager command', () => {
  it('REFRAME_PAGER, then PAGER, then less -FRX; cat or empty is none', () => {
    expect(pagerCommand({})).toBe('less -FRX');
    expect(pagerCommand({ PAGER: 'more' })).toBe('more');
    expect(pagerCommand({ PAGER: 'more', REFRAME_PAGER: 'less -R' })).toBe('less -R');
    expect(pagerCommand({ PAGER: 'cat' })).toBeUndefined();
    expect(pagerCommand({ PAGER: 'less', REFRAME_PAGER: '' })).toBeUndefined();
    expect(pagerCommand({ REFRAME_PAGER: ' cat ' })).toBeUndefined();
  });
});

describe('colour and glyphs', () => {
  it('NO_COLOR takes colour only; TERM=dumb and non-UTF-8 locales take the glyphs; a terminal keeps its layout', () => {
    expect(makeTheme({ env: { NO_COLOR: '1' }, isTTY: true })).toMatchObject({ level: 0, fancy: true, unicode: true });
    expect(makeTheme({ env: { TERM: 'dumb' }, isTTY: true })).toMatchObject({ level: 0, fancy: true, unicode: false });
    expect(makeTheme({ env: { LANG: 'C' }, isTTY: true })).toMatchObject({ fancy: true, unicode: false });
    expect(makeTheme({ env: {}, isTTY: false })).toMatchObject({ fancy: false, unicode: false });
    expect(utf8Locale({})).toBe(true);
    expect(utf8Locale({ LANG: 'en_GB.UTF-8' })).toBe(true);
    expect(utf8Locale({ LC_ALL: 'C', LANG: 'en_GB.UTF-8' })).toBe(false);
    expect(utf8Locale({ LC_CTYPE: 'de_DE.utf8' })).toBe(true);
    expect(utf8Locale({ LANG: 'POSIX' })).toBe(false);
  });
});
