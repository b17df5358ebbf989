// Which words bring up the calm note about where to find help (src/domain/safety.ts).
import { describe, expect, it } from 'vitest';
import { mayBeInDanger } from '../../src/domain/safety';

const POSITIVE = [
  'I want to kill myself',
  'Sometimes I think about killing myself',
  'I could just kill my self tonight',
  'kms',
  'I keep having suicidal thoughts',
  'Suicide feels like the only way out',
  "I'm not suicidal, just tired", // leans towards showing it: a note shown once too often costs little
  'I want to end it all',
  'I want to end my life',
  'Maybe I should just end things.',
  'I want to take my own life',
  'I want to die',
  'I wish I was dead',
  'I wish I were dead',
  "I wish I'd never been born",
  'I wish I had never been born',
  'I just want to be dead',
  'Everyone would be better off without me',
  "They'd be better off dead... I mean I'd be better off dead",
  "I don't want to be alive anymore",
  'I dont want to live',
  'I do not want to wake up tomorrow',
  'I want to go to sleep and never wake up',
  "There's no reason to live",
  'There is no point in going on',
  'I have nothing left to live for',
  "I can't go on like this",
  'I cannot go on living',
  'I want to hurt myself',
  'I want to harm myself again',
  'I started cutting myself again',
  'I burned myself on purpose',
  'I thought about how to hang myself',
  'I want to jump off a bridge',
  'I could take all of my pills',
  'swallowing all the tablets would make it stop',
  'self-harm',
  'self harm urges',
  'I overdosed last year and feel the same now',
  'I just want to not be here any more',
  'I want to disappear forever',
  'I want to unalive myself',
  'I want to die of shame', // shame is too close to the real thing to wave away
  'I WANT TO DIE',
  'I don\u2019t want to live', // curly apostrophe
  'I want to\n  kill   myself', // line breaks and runs of spaces
  // The misses issue 12 reported, each now caught.
  'i wanna die', 'feeling sucidal again', 'I want to kil myself', "Life isn't worth living", "I've been thinking about ending it",
  "I don't see the point of going on", "I've been looking up how many pills it would take", 'I wrote goodbye letters to my family',
  "I've started cutting again", 'nobody would even notice if I was gone', "I'm a burden and the world would be better without me in it",
  "I've got a plan and the rope", 'quiero morir', 'je veux mourir', 'ich will nicht mehr leben', "I won't be a problem much longer",
  "they'd be better off without me", 'kms', 'unalive', 'su1c1dal', 'I have a plan', 'stockpiling my meds',
  'voglio morire', 'quero morrer', 'je me scarifie', 'ich ritze mich', 'me corté otra vez',
];

const NEGATIVE = [
  "I'm so sad today",
  'I feel worthless',
  "I'm not worthy of love",
  'Nobody could ever love me',
  'I failed the exam and I will fail everything',
  'This deadline is killing me',
  'I could kill him for saying that',
  'My phone died on the way home',
  "I'm dying to see that film",
  "I'm dead tired",
  'I want to die of embarrassment', // hyperbole about a small thing: decided not to show it
  "I'll die of embarrassment if she finds out",
  'I nearly died laughing',
  'I was bored to death, I could die of boredom',
  'It really hurt my self-esteem',
  'I want to kill my self-doubt',
  'I keep cutting myself off from people',
  "I'm burning myself out at work",
  'I should cut myself some slack',
  'I want to end things with him',
  'I want to end the call early next time',
  'I take my pills every morning',
  'The battery is dead',
  'I bought milk on the way home',
  '',
  'this commute is killing me', 'I could murder a pizza', "I'm dying to see her", 'ran 5 kms this morning', 'coach made us run suicides',
  'it would be career suicide to quit', 'I have a plan for the weekend', 'had to jump off the call early', 'my phone is about to die',
  'that dress is to die for', 'me muero de risa', 'je meurs de faim', 'ich lach mich tot', 'morrendo de rir', 'muoio di fame',
];

describe('mayBeInDanger', () => {
  it.each(POSITIVE)('shows the note for %j', (text) => {
    expect(mayBeInDanger([text])).toBe(true);
  });

  it.each(NEGATIVE)('not for %j', (text) => {
    expect(mayBeInDanger([text])).toBe(false);
  });

  it('looks at every text it is given', () => {
    expect(mayBeInDanger(['A quiet dinner', 'She seemed bored', 'I want to kill myself'])).toBe(true);
    expect(mayBeInDanger(['A quiet dinner', 'She seemed bored'])).toBe(false);
    expect(mayBeInDanger([])).toBe(false);
  });

  it('an idiom does not hide real words next to it', () => {
    expect(mayBeInDanger(['I want to die of embarrassment. Honestly I want to die.'])).toBe(true);
    expect(mayBeInDanger(['I could die of boredom, and I keep thinking about suicide'])).toBe(true);
  });

  it('stays fast on huge and hostile text', () => {
    const huge = 'I want to '.repeat(20_000) + ' x'.repeat(50_000) + 'kill my'.repeat(10_000);
    // Catastrophic backtracking would hit the test timeout here.
    expect(mayBeInDanger([huge, '\u0000\uffff\ud800', 'a'.repeat(1_000_000)])).toBe(false);
  });
});
