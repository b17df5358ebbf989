// The suggester: normalising, the cue language, negation, scoring and the words it quotes.
import { describe, expect, it } from 'vitest';
import { compileCue, contentWords, createSuggester, expandWord, jaccard, matchCue, normalise } from '../../src/domain/suggest';
import { loadLibrary } from '../../src/library/library';

const lib = loadLibrary();
const suggester = createSuggester(lib.patterns, [], lib.lexicon);
const ids = (text: string, limit = 3) => suggester.suggest(text, { limit }).map((s) => s.id);
const words = (text: string) => normalise(text).map((w) => w.w);
const cueHits = (cue: string, text: string) =>
  matchCue(compileCue(cue), normalise(text)).map((m) => normalise(text).slice(m.start, m.end).map((w) => w.w).join(' '));

describe('normalise', () => {
  it('lower-cases, straightens quotes, expands contractions and drops punctuation', () => {
    expect(words("I'm SURE it's fine, isn't it?")).toEqual(['i', 'am', 'sure', 'it', 'is', 'fine', 'is', 'not', 'it']);
    expect(words('I\u2019m not \u201Cokay\u201D')).toEqual(['i', 'am', 'not', 'okay']);
    expect(words("can't won't don't they'll we've I'd shouldn't've")).toEqual(
      ['can', 'not', 'will', 'not', 'do', 'not', 'they', 'will', 'we', 'have', 'i', 'would', 'should', 'not', 'have']);
    expect(words("there's what's she's John's")).toEqual(['there', 'is', 'what', 'is', 'she', 'is', 'johns']);
    // A noun's 's is "is" (or "has") where a possessive could not stand.
    expect(words("my brother's a loser, my brother's car, John's been")).toEqual(
      ['my', 'brother', 'is', 'a', 'loser', 'my', 'brothers', 'car', 'john', 'has', 'been']);
  });

  it('expands contractions typed without the apostrophe, and cannot', () => {
    expect(words('im sure i cant, dont ask, cannot')).toEqual(['i', 'am', 'sure', 'i', 'can', 'not', 'do', 'not', 'ask', 'can', 'not']);
    expect(expandWord('gonna')).toEqual(['going', 'to']);
    // Ordinary words that look like contractions are left alone; "its" is far more often a bare "it's" in a thought.
    expect(words('its ill well')).toEqual(['it', 'is', 'ill', 'well']);
    expect(words('shouldve known, dunno why ppl bother')).toEqual(['should', 'have', 'known', 'do', 'not', 'know', 'why', 'people', 'bother']);
  });

  it('tells "ill" and "id" typed for "I\'ll" and "I\'d" from the words, by their neighbours', () => {
    expect(words('ill never be good enough')).toEqual(['i', 'will', 'never', 'be', 'good', 'enough']);
    expect(words('Ill tell him. ill be fine')).toEqual(['i', 'will', 'tell', 'him', 'i', 'will', 'be', 'fine']);
    expect(words('I feel ill')).toEqual(['i', 'feel', 'ill']);
    expect(words('im ill today')).toEqual(['i', 'am', 'ill', 'today']);
    expect(words('ill health')).toEqual(['ill', 'health']);
    expect(words('id rather stay home')).toEqual(['i', 'would', 'rather', 'stay', 'home']);
    expect(words('my id card')).toEqual(['my', 'id', 'card']);
    expect(words("I'll")).toEqual(['i', 'will']);
  });

  it('keeps where each word came from in the original text', () => {
    const text = "Honestly, I’m such an IDIOT!";
    const ws = normalise(text);
    const am = ws.find((w) => w.w === 'am')!;
    expect(text.slice(am.start, am.end)).toBe('I’m');
    const idiot = ws.find((w) => w.w === 'idiot')!;
    expect(text.slice(idiot.start, idiot.end)).toBe('IDIOT');
    expect(ws[1].boundary).toBe(true); // a comma before "I'm"
    expect(ws[2].boundary).toBe(false);
  });

  it('copes with empty text, emoji and other scripts', () => {
    expect(normalise('')).toEqual([]);
    expect(words('constructor toString __proto__')).toEqual(['constructor', 'tostring', 'proto']);
    expect(() => suggester.suggest('constructor hasOwnProperty valueOf')).not.toThrow();
    expect(() => compileCue('constructor|valueOf')).not.toThrow();
    expect(words('💔 шлях — ok')).toEqual(['шлях', 'ok']);
  });
});

describe('the cue language', () => {
  it('plain words, prefixes and alternatives', () => {
    expect(cueHits('my fault', 'it is all my fault')).toEqual(['my fault']);
    expect(cueHits('disast*', 'a disastrous day')).toEqual(['disastrous']);
    expect(cueHits('i am a|an idiot|fool', "I'm an idiot and a fool")).toEqual(['i am an idiot']);
    expect(cueHits('ruin*|wreck* everything', 'I wreck everything')).toEqual(['wreck everything']);
  });

  it('_ is exactly one word and .. a gap of 0 to 3 words, shortest first', () => {
    expect(cueHits('i feel _ so', 'I feel awful so')).toEqual(['i feel awful so']);
    expect(cueHits('i feel _ so', 'I feel so')).toEqual([]);
    expect(cueHits('always .. wrong', 'always wrong')).toEqual(['always wrong']);
    expect(cueHits('always .. wrong', 'always goes very badly wrong')).toEqual(['always goes very badly wrong']);
    expect(cueHits('always .. wrong', 'always goes very very badly wrong')).toEqual([]);
    expect(cueHits('a .. b', 'a b b')).toEqual(['a b']);
  });

  it('a cue may match anywhere, more than once', () => {
    expect(cueHits('my fault', 'my fault, all my fault')).toEqual(['my fault', 'my fault']);
  });

  it('cues may be written with capitals and contractions (a person\'s own patterns)', () => {
    expect(cueHits("Can't trust", 'I cant trust him')).toEqual(['can not trust']);
    expect(cueHits('shouldnt .. feel', "I shouldn't ever feel this")).toEqual(['should not ever feel']);
  });

  it('compiles each cue once per process', () => {
    expect(compileCue('my fault')).toBe(compileCue('my fault'));
  });

  it('a more specific cue says more', () => {
    expect(compileCue('i am such a failure').strength).toBeGreaterThan(compileCue('failure').strength);
    expect(compileCue('failure').strength).toBeGreaterThan(compileCue('_ ..').strength);
    for (const c of ['a', 'my fault', 'disaster*|catastroph*', 'i am a|an .. loser|failure']) {
      expect(compileCue(c).strength).toBeGreaterThan(0);
      expect(compileCue(c).strength).toBeLessThan(1);
    }
  });
});

describe('word sets and hints', () => {
  const lexicon = { ruin: ['ruin*', 'wreck*', 'mess up', 'get* bored of me'], people: ['he', 'she', 'my boss'] };
  const hits = (cue: string, text: string) =>
    matchCue(compileCue(cue, lexicon), normalise(text)).map((m) => normalise(text).slice(m.start, m.end).map((w) => w.w).join(' '));

  it('@name stands for every entry of the set, single words, prefixes and phrases alike', () => {
    expect(hits('i @ruin everything', 'I ruin everything')).toEqual(['i ruin everything']);
    expect(hits('i @ruin everything', 'I mess up everything')).toEqual(['i mess up everything']);
    expect(hits('@people .. @ruin', 'my boss keeps wrecking it')).toEqual(['my boss keeps wrecking']);
    expect(hits('@people .. @ruin', 'she gets bored of me')).toEqual(['she gets bored of me']);
    expect(hits('@people|they .. @ruin', 'they wrecked it')).toEqual(['they wrecked']);
  });

  it('a cue naming a set the lexicon lacks never matches, and a set is no cue of its own', () => {
    expect(hits('i @nothing everything', 'I ruin everything')).toEqual([]);
    expect(compileCue('i @ruin everything').toks).toEqual([]); // no lexicon given
    expect(createSuggester([{ id: 'x', name: 'X', cues: [] }], [], lexicon).suggest('I ruin everything')).toEqual([]);
  });

  it('a hyphen parts words in a cue as it does in a thought', () => {
    expect(cueHits('two-faced|write-off', 'she is so two-faced, a total write-off')).toEqual(['two faced', 'write off']);
  });

  it('a long set is searched by first word, and finds what a plain search finds, in the written order', () => {
    const many: Record<string, string[]> = { big: ['zebra', 'give up', 'give in', 'walk* away', 'apple', 'leave', 'quit'] };
    const hit = (cue: string, text: string) =>
      matchCue(compileCue(cue, many), normalise(text)).map((m) => normalise(text).slice(m.start, m.end).map((w) => w.w).join(' '));
    expect(hit('i @big', 'I walked away')).toEqual(['i walked away']);
    expect(hit('i @big', 'I left')).toEqual(['i left']);
    expect(hit('i @big', 'I gave up')).toEqual(['i gave up']); // each word of an entry takes its forms
    expect(hit('i @big', 'I gave them up')).toEqual([]);
    expect(hit('i @big|walking', 'I give up and I quit')).toEqual(['i give up', 'i quit']);
    expect(hit('@big now', 'I give in now')).toEqual(['give in now']);
  });

  it('+ joins a few words into one alternative', () => {
    expect(cueHits('i+am|i+was the reason', "I'm the reason")).toEqual(['i am the reason']);
    expect(cueHits('i+am|i+was the reason', 'I was the reason')).toEqual(['i was the reason']);
    expect(cueHits('i+am|i+was the reason', 'am the reason')).toEqual([]);
  });

  it('the built-in cues only name sets the lexicon has', () => {
    const names = new Set(Object.keys(lib.lexicon));
    expect(names.size).toBeGreaterThan(0);
    const named = lib.patterns.flatMap((p) => p.cues.flatMap((c) => [...c.matchAll(/@([a-z0-9-]+)/g)].map((m) => m[1])));
    expect(named.filter((n) => !names.has(n))).toEqual([]);
    for (const p of lib.patterns) for (const c of p.cues) expect(compileCue(c, lib.lexicon).toks.length, c).toBeGreaterThan(0);
  });

  it('a hint (~cue) only counts where a full cue found something, and says less', () => {
    const own = createSuggester([
      { id: 'absolutes', name: 'Absolutes', cues: ['~always|never'] },
      { id: 'labels', name: 'Labels', cues: ['i am a failure'] },
    ]);
    expect(own.suggest('I always take the bus')).toEqual([]);
    const list = own.suggest("I'm a failure, I always get it wrong");
    expect(list.map((s) => s.id)).toEqual(['labels', 'absolutes']);
    expect(list[1]).toMatchObject({ because: '"always"' });
    expect(list[1].score).toBeLessThan(list[0].score);
    expect(compileCue('~always').strength).toBeLessThan(compileCue('always').strength);
  });
});

describe('negation', () => {
  it('"I\'m not a failure" is not labeling', () => {
    expect(ids("I'm a failure")).toContain('labeling');
    expect(ids("I'm not a failure")).not.toContain('labeling');
    expect(ids("I'm not such a failure")).not.toContain('labeling');
    expect(ids("I'm not really an idiot")).not.toContain('labeling');
    expect(ids("Today was hard, but that doesn't mean I'm a failure")).not.toContain('labeling');
  });

  it('a negation before the words cancels them; one in another clause does not', () => {
    expect(ids("It's not my fault")).toEqual([]);
    expect(ids("I don't think she hates me")).not.toContain('mind-reading');
    expect(ids("It's not fair. I'm such an idiot")).toContain('labeling');
    expect(ids("I can't believe I'm such an idiot")).toContain('labeling');
  });

  it('"without" negates too, and so does a negation at the end of a gap', () => {
    expect(ids("I can say no without being a bad friend")).not.toContain('labeling');
    expect(cueHits('thinks .. my .. stupid', 'she thinks my idea is stupid')).toEqual(['thinks my idea is stupid']);
    expect(cueHits('thinks .. my .. stupid', 'she thinks my idea is not stupid')).toEqual([]);
    expect(ids("One bad grade doesn't mean I'm going to fail the course")).toEqual([]);
  });

  it('"always|never" in a cue does not make a negation before it harmless', () => {
    expect(cueHits('they always|never .. ignore me', "it's not that they always ignore me")).toEqual([]);
    expect(compileCue('they always|never .. ignore me').negated).toBe(false);
    expect(compileCue("not|can't trust").negated).toBe(true);
    expect(cueHits('they always|never .. ignore me', 'they always ignore me')).toEqual(['they always ignore me']);
  });

  it('a thought that settles what it says suggests nothing there', () => {
    expect(ids("If it's not perfect, that's okay")).toEqual([]);
    expect(ids("It's okay if it isn't perfect")).toEqual([]);
    expect(ids("I'll probably never be a morning person, and that's fine")).toEqual([]);
    // Only the words it settles: "that's fine" after "he says" does not settle what follows.
    expect(ids("He says that's fine but she must think I'm an idiot")).toContain('mind-reading');
    // A plan for next time settles what led to it, and only that.
    expect(ids("I should have left earlier. Next time I'll leave at 7")).toEqual([]);
    expect(ids("I'm such an idiot. I should have left earlier. Next time I'll leave at 7")).toEqual(['labeling']);
  });

  it('a cue that says the negation itself still counts', () => {
    expect(ids("I can't trust anyone")).toContain('mistrust-after-betrayal');
    expect(ids("I shouldn't feel this way")).toContain('should-statements');
    expect(ids("I'm not worthy of love")[0]).toBe('unworthy-of-love');
    expect(ids("I'm not worthy of love")).not.toContain('labeling');
  });

  it('someone else\'s view, reported, is mind reading, not the person\'s own label', () => {
    expect(ids("They think I'm boring")).toContain('mind-reading');
    expect(ids("They think I'm boring")).not.toContain('labeling');
    expect(ids("I think I'm boring")).toContain('labeling');
    // Words about me after "I'm" are reported too, for any cue.
    expect(cueHits('boring', "They think I'm boring")).toEqual([]);
    expect(cueHits('boring', "I'm boring")).toEqual(['boring']);
  });

  it('"never" is an absolute, not a negation to drop', () => {
    expect(ids('Nobody ever listens to me')).toContain('overgeneralization');
    expect(ids("I'm never going to get better")).toContain('fortune-telling');
    expect(ids('I never get anything right')).toContain('overgeneralization');
  });
});

describe('what it finds', () => {
  const cases: [string, string][] = [
    ['I feel stupid, so I must be stupid', 'emotional-reasoning'],
    ['I feel like a burden, so I must be one', 'emotional-reasoning'],
    ['I feel guilty so I must have done something wrong', 'emotional-reasoning'],
    ['I always mess everything up', 'overgeneralization'],
    ['Everyone always leaves me in the end', 'overgeneralization'],
    ['Nothing ever works out for me', 'overgeneralization'],
    ['I should be over this by now', 'should-statements'],
    ['I must never make mistakes', 'should-statements'],
    ['He ought to know how I feel', 'should-statements'],
    ["I'm such a loser", 'labeling'],
    ["I'm an idiot", 'labeling'],
    ["I'm a complete failure", 'labeling'],
    ["I'm going to fail the interview", 'fortune-telling'],
    ["I'll never find anyone", 'fortune-telling'],
    ['This is going to be a disaster', 'fortune-telling'],
    ["She thinks I'm boring", 'mind-reading'],
    ['They must think I am an idiot', 'mind-reading'],
    ['I can tell he is annoyed with me', 'mind-reading'],
    ["It's all his fault my life is like this", 'blaming'],
    ["It's all my fault, I'll never forgive myself", 'blaming'],
    ['She is upset and it is because of me', 'personalization'],
    ['This is a complete catastrophe', 'catastrophizing'],
    ["I can't cope with any of this", 'catastrophizing'],
    ['Everything is falling apart', 'catastrophizing'],
    ['I passed, but it was just luck', 'disqualifying-the-positive'],
    ['She only said that because she had to', 'disqualifying-the-positive'],
    ['If it is not perfect it is worthless', 'all-or-nothing'],
    ["I can't stop thinking about the one mistake I made", 'mental-filter'],
    // The closeness and trust patterns of the seed essays.
    ["I'm not worthy of love", 'unworthy-of-love'],
    ['If I open up, I will just get hurt again', 'vulnerability-means-hurt'],
    ["If I tell them how I feel, they'll leave", 'fear-of-rejection'],
    ["I can't trust anyone after what happened", 'mistrust-after-betrayal'],
    ["Everyone will judge me if they find out", 'fear-of-judgement'],
    ["I'll just cancel, it's easier than seeing them", 'avoidance'],
    ["I'm fine, it doesn't bother me", 'denial'],
    ['I push it down and keep busy', 'repression'],
    // Everyday idioms, rhetorical questions, bare contractions and words about others' views.
    ["what's the point of even trying", 'all-or-nothing'],
    ['why does this always happen to me', 'overgeneralization'],
    ['here we go again, same old story', 'overgeneralization'],
    ['ill never be good enough for this job', 'fortune-telling'],
    ['how could I be so stupid', 'labeling'],
    ["my brother's a loser", 'labeling'],
    ['she\'ll realise how boring I am and stop replying', 'fear-of-rejection'],
    ['the moment you rely on someone they let you down', 'vulnerability-means-hurt'],
    ["everyone's nice until they want something", 'mistrust-after-betrayal'],
    ['I keep scrolling instead of starting the essay', 'avoidance'],
    ["didn't even want the job anyway", 'denial'],
    ['a real man handles his own problems', 'should-statements'],
    ['my teacher is why I hate maths', 'blaming'],
    ['what did I do to make him so angry', 'personalization'],
  ];
  for (const [text, want] of cases) {
    it(`${want}: ${text}`, () => {
      expect(ids(text)).toContain(want);
    });
  }

  it('puts the clearest pattern first', () => {
    expect(ids('I feel worthless so I must be worthless')[0]).toBe('emotional-reasoning');
    expect(ids('She must think I am so boring')[0]).toBe('mind-reading');
    expect(ids("I'm such an idiot")[0]).toBe('labeling');
  });
});

describe('neutral sentences', () => {
  const neutral = [
    'I bought milk on the way home',
    'The meeting moved to Thursday',
    'I will call the dentist tomorrow',
    'She said the train was late',
    'I always take the bus to work',
    'We should go for a walk later',
    "I'm going to the gym after work",
    'I think it will rain later',
    "I can't find my keys",
    'He never texts while he is driving',
    'I have to pick up the kids at four',
    "I'm not sure what to cook tonight",
    '',
    '   ',
    '!!! ???',
  ];
  for (const text of neutral) {
    it(`nothing for: ${JSON.stringify(text)}`, () => {
      expect(suggester.suggest(text)).toEqual([]);
    });
  }
});

describe('because, score and order', () => {
  it('quotes the words of the thought as they were typed', () => {
    const [top] = suggester.suggest('Honestly?? I’m SUCH an idiot!!');
    expect(top.id).toBe('labeling');
    expect(top.because).toBe('"I’m SUCH an idiot"');
    const mr = suggester.suggest("ugh. she THINKS i'm boring").find((s) => s.id === 'mind-reading')!;
    expect(mr.because).toContain("she THINKS i'm boring");
  });

  it('quotes separate places separately, newlines flattened', () => {
    const s = suggester.suggest('It is my fault.\nAll of it is my fault').find((x) => x.id === 'personalization')!;
    expect(s.because).toBe('"my fault", "my fault"');
    const flat = suggester.suggest('I always\nmess up').find((x) => x.id === 'overgeneralization')!;
    expect(flat.because).toBe('"I always mess"');
  });

  it('scores are in 0-1, best first, and more distinct evidence scores higher', () => {
    for (const text of ['I feel stupid, so I must be stupid', "I'm a failure", 'I always ruin everything, nothing ever works']) {
      const list = suggester.suggest(text, { limit: 20 });
      expect(list.length).toBeGreaterThan(0);
      for (const s of list) {
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
      }
      expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    }
    const one = suggester.suggest('Nobody ever listens').find((s) => s.id === 'overgeneralization')!.score;
    const two = suggester.suggest('Nobody ever listens, nothing ever changes, this always happens to me')
      .find((s) => s.id === 'overgeneralization')!.score;
    expect(two).toBeGreaterThan(one);
  });

  it('limit and minScore', () => {
    const text = "I'm a failure and it's all my fault, nobody will ever love me, I should be better";
    expect(suggester.suggest(text).length).toBe(3);
    expect(suggester.suggest(text, { limit: 1 }).length).toBe(1);
    expect(suggester.suggest(text, { limit: 10 }).length).toBeGreaterThan(3);
    expect(suggester.suggest(text, { limit: 10, minScore: 0.999 })).toEqual([]);
  });
});

describe('the library drives it', () => {
  it('a person\'s own pattern with cues is suggested; one without cues never is', () => {
    const own = createSuggester([
      ...lib.patterns,
      { id: 'comparing', name: 'Comparing myself', cues: ['compar* myself', 'everyone else .. better'] },
      { id: 'quiet', name: 'No cues' },
    ]);
    const list = own.suggest('I keep comparing myself to my sister');
    expect(list.map((s) => s.id)).toContain('comparing');
    expect(list.find((s) => s.id === 'comparing')!.because).toBe('"comparing myself"');
    expect(own.suggest('everyone else is doing better').map((s) => s.id)).toContain('comparing');
  });

  it('knows no pattern ids of its own', () => {
    const bare = createSuggester(lib.patterns.map((p) => ({ ...p, cues: [] })), [], lib.lexicon);
    expect(bare.suggest("I'm such an idiot")).toEqual([]);
  });
});

describe('learning from the person', () => {
  it('similarity is word overlap on content words', () => {
    expect(jaccard(contentWords('My boss hates my reports'), contentWords('my boss hated the report'))).toBeGreaterThan(0.4);
    expect(jaccard(contentWords('My boss hates my reports'), contentWords('I bought milk'))).toBe(0);
    expect([...contentWords("I'm not the one")]).toEqual([]);
  });

  it('weighs the patterns chosen before for a similar thought, and says so', () => {
    const past = [{ thought: 'My boss frowned at my report in the meeting', distortions: ['personalization', 'gone-pattern'] }];
    const withHistory = createSuggester(lib.patterns, past, lib.lexicon);
    const fresh = createSuggester(lib.patterns, [], lib.lexicon);
    const text = 'my boss frowned at my report again';
    expect(fresh.suggest(text).map((s) => s.id)).not.toContain('personalization');
    const s = withHistory.suggest(text).find((x) => x.id === 'personalization')!;
    expect(s).toMatchObject({ fromHistory: true });
    expect(s.because).toBe('"boss frowned", "report"');
    // An id no longer in the library is left out.
    expect(withHistory.suggest(text, { limit: 10 }).map((x) => x.id)).not.toContain('gone-pattern');
  });

  it('raises a pattern the cues found too, and leaves unrelated thoughts alone', () => {
    const past = [{ thought: 'she must think I am boring at dinner', distortions: ['mind-reading'] }];
    const text = 'she must think I am boring';
    const plain = createSuggester(lib.patterns, [], lib.lexicon).suggest(text).find((x) => x.id === 'mind-reading')!;
    const weighed = createSuggester(lib.patterns, past, lib.lexicon).suggest(text).find((x) => x.id === 'mind-reading')!;
    expect(weighed.score).toBeGreaterThan(plain.score);
    expect(weighed.fromHistory).toBe(true);
    expect(plain.fromHistory).toBeUndefined();
    expect(createSuggester(lib.patterns, past, lib.lexicon).suggest('I bought milk on the way home')).toEqual([]);
  });
});

describe('levels and the false labels of issue 14', () => {
  it('an if-then rule is labelled as a rule, not also as the fortune telling inside it', () => {
    expect(ids("If I open up, I'll get hurt")).toContain('vulnerability-means-hurt');
    expect(ids("If I open up, I'll get hurt")).not.toContain('fortune-telling');
    expect(ids('If I relax, something bad will happen')).toEqual(['if-then-rule']);
  });
  it('a rule pattern found without an "if" leaves the thinking error in place', () => {
    expect(ids('the waiter thought I was weird for asking')).toContain('mind-reading');
    expect(ids("She'll leave me, I just know it")).toContain('fortune-telling');
  });
  it('the same thinking error is kept when a person chose it before, even inside a rule', () => {
    const s = createSuggester(lib.patterns, [{ thought: 'if I open up I will get hurt again', distortions: ['fortune-telling'] }], lib.lexicon);
    expect(s.suggest("If I open up, I'll get hurt again", { limit: 5 }).map((x) => x.id)).toContain('fortune-telling');
  });
  it('minimization is found, with the words that show it', () => {
    const [first] = suggester.suggest("Being sober for a year isn't anything special");
    expect(first).toMatchObject({ id: 'minimization', because: '"isn\'t anything special"' });
    expect(ids('Other people have it much worse than me, I should not complain', 5)).toContain('minimization');
  });
  it('no betrayal, no "Trust once broken"; "everyone else" is not denial', () => {
    expect(ids("She'll leave me like everyone else did")).not.toContain('mistrust-after-betrayal');
    expect(ids('He lied to me like everyone else')).toContain('mistrust-after-betrayal');
    expect(ids('Everyone else is ahead of me')).toEqual([]);
    expect(ids('Everyone else does it, so it is fine that I drink')).toContain('denial');
  });
  it('a feeling is not a label; the label still is', () => {
    expect(ids("I'm sad")).toEqual([]);
    expect(ids("I'm bored")).toEqual([]);
    expect(ids("I'm such a bore")).toContain('labeling');
    expect(ids('I made a mistake')).toEqual([]);
    expect(ids("I'm a mistake")).toContain('labeling');
    expect(ids('If I make a mistake, people will think I am incompetent', 5)).not.toContain('labeling');
  });
});
