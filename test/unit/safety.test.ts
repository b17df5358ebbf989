// Which words bring up the calm note about where to find help (src/domain/safety.ts).
import { describe, expect, it } from 'vitest';
import { mayBeInDanger } from '../../src/domain/safety';
import { assess } from '../../src/domain/safety/detect';

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

// Paraphrase probes, written for this detector by the engineer who generalised it (not blind: see the note).
// Batch 1 (51 danger, 40 quiet) was written before the concept shapes were measured on it: 32/51 caught (63%),
// 4/40 false alarms. The misses were fixed by widening concepts, not by adding the sentences. Batch 2 (30 danger,
// 25 quiet, 10 abuse) was then written fresh and measured once before any change: 22/30 caught (73%), 3/25 false
// alarms, 8/10 abuse. Batch 3 (25 danger, 20 quiet), fresh again after batch 2's fixes: 18/25 caught (72%), 2/20
// false alarms. That first figure on each batch is the honest estimate of how the rules generalise (about 72%,
// twice); the held-out blind sets are the real measure. All three batches are now regression tests.
const PROBE_DANGER = [
  "honestly I'd love to just not exist for a while, like permanently",
  "i keep fantasising about my own death",
  "Most nights I lie there hoping my heart just stops",
  "I'm ready to go. I've had enough of all of it.",
  "part of me is counting down to the day I end it",
  "i just wanna be dead tbh",
  "I think everyone would cope fine if I killed myself",
  "can't wait for all of this to be over for good",
  "I've started looking into how to end things quietly",
  "i'm so done, i want out of life",
  "Sometimes I pray I won't wake up in the morning",
  "I'd be lying if I said I haven't thought about dying a lot",
  "My wife would have an easier life if I wasn't in it",
  "everyone around me would breathe easier once I'm gone",
  "I'm only dragging my family down by staying alive",
  "the world doesn't need me and my kids would manage without me",
  "if I got hit by a bus tomorrow I'd be glad honestly",
  "I wouldn't mind if I just didn't wake up",
  "kind of hoping the cancer comes back so it's over",
  "I've been stockpiling my mum's tablets in a shoebox",
  "looked up how high the bridge on the A road is and whether you'd survive",
  "I've got the belt and I know which door it would go on",
  "keep staring at the knives in the kitchen drawer",
  "I googled lethal doses of my antidepressants",
  "standing on the railway bridge again watching the trains",
  "Tuesday's the day. Everything's ready.",
  "I've worked out the time when nobody will be home",
  "I wrote a letter for my brother to open after I'm gone",
  "sorted out my will and gave the dog to my neighbour, it's time",
  "Tell my sister I loved her and none of this is her fault",
  "This is the last thing I'll ever write. I'm sorry.",
  "burned my wrist with the hair straighteners on purpose",
  "I bang my head on the wall until it goes quiet",
  "been cutting my legs where nobody can see",
  "3 weeks clean and I cut tonight",
  "I need to feel pain, I'm going to hurt myself",
  "wanna kms so bad rn",
  "im gona end it tonite",
  "feelin suicidial agen",
  "i want 2 unalive myself",
  "quiero dejar de vivir",
  "ya no quiero estar aquí",
  "je n'ai plus envie de vivre",
  "j'ai pensé à me foutre en l'air",
  "ich möchte einfach tot sein",
  "Ich will mich umbringen",
  "quero sumir pra sempre",
  "eu penso em me matar todo dia",
  "vorrei solo morire",
  "voglio farla finita",
  "I don't think I want to be alive next year",
  "sometimes I imagine just walking into the sea and not coming back",
  "every night I plan how I'd do it",
  "I'm tired of being alive",
  "i want to stop waking up",
  "nobody would care if I vanished for good",
  "my family would be better off with the life insurance",
  "if I died tonight it would solve everything",
  "im thinking of taking all my sleeping pills tonight",
  "been hoarding my prescription for weeks",
  "I'm on the roof of my building and I want to jump",
  "googled how long it takes to bleed out",
  "I want to disappear and never be found",
  "I'd rather be dead than keep feeling like this",
  "i wish i could fall asleep and never wake",
  "thinking about ending everything this weekend",
  "I've said my goodbyes, I'm ready",
  "my letters are written and I know where I'm going to do it",
  "I scratched my arms until they bled again",
  "I punched myself in the face over and over",
  "relapsed on cutting last night after a year clean",
  "i rly wanna die",
  "suiciddal thoughts wont stop",
  "no quiero seguir viva",
  "me quiero morir ya",
  "j'ai envie de mourir ce soir",
  "ich will nicht mehr da sein",
  "não quero mais estar viva",
  "voglio togliermi la vita",
  "everyone would be relieved if I just stopped existing",
  // batch 3
  "I keep picturing my own funeral and it feels peaceful",
  "there's no way out of this except dying",
  "i'm going to take every pill in the house",
  "I just want the pain to end forever",
  "I've been researching how to hang myself",
  "the voice in my head keeps telling me to jump",
  "I have enough tablets saved to do it properly this time",
  "my kids would be better with a different mum",
  "tonight I'm going to walk into the river",
  "I left a note on the kitchen table for when they find me",
  "been burning myself with cigarettes again",
  "wanna end my life fr",
  "kinda hope i dont wake up lol",
  "i dont wanna be here anymore",
  "quiero matarme",
  "je vais me tuer",
  "ich kann nicht mehr, ich will sterben",
  "vou me matar hoje",
  "non ce la faccio pi\u00f9, voglio sparire per sempre",
  "I looked at the train tracks for a long time today",
  "everyone would move on quicker if I wasn't here",
  "I've decided. This weekend I end it.",
  "I stood on the bridge tonight and almost jumped",
  "I want to die so much it hurts",
];

const PROBE_QUIET = [
  "I'm dying to try that new ramen place",
  "this traffic is going to be the death of me",
  "my plants died while I was away, gutted",
  "We killed it at the pub quiz last night",
  "Dead tired after work but happy",
  "that film was so boring I nearly died",
  "I want to end the meeting early on Friday",
  "I need to cut back on caffeine",
  "we're going to kill two birds with one stone",
  "I'm going to kill my brother if he eats my leftovers again",
  "Hoping the plane lands on time tonight",
  "I hope my dog doesn't die before we move house",
  "My grandma died last week and I wish I'd called her more",
  "I'd kill for a holiday right now",
  "I'm thinking about my dad's death a lot since the funeral",
  "got my hair cut again, too short",
  "2 weeks clean from sugar, feeling great",
  "I wish this rain would stop forever",
  "gave away my old bike to my cousin",
  "the kids were better behaved without me there, funny",
  "I'll do it on Sunday when the house is empty, the painting I mean",
  "My phone is dead and I want to die of boredom",
  "the battery is dying, I want to charge it",
  "Bought a rope for the boat",
  "I took my pills this morning as usual",
  "jumped off the diving board at the pool",
  "I could die of happiness",
  "Je veux mourir de rire avec ce film",
  "Ich sterbe vor Langeweile",
  "me muero de sueño",
  "thinking about the bridge club meeting tonight",
  "This deadline will be the end of me",
  "murdered that karaoke song",
  "killing it on the new diet",
  "I'm dead, that video is hilarious",
  "my boss will kill me if I'm late",
  "I would rather die than sing karaoke",
  "Our relationship is dead, time to move on",
  "the fridge died and all the food went off",
  "I'm ready to go home, long day",
  "I'm dying for a cup of tea",
  "the meeting was death by powerpoint",
  "I want to kill this headache",
  "my laptop died so I couldn't finish the essay",
  "I'm dead set on finishing the marathon",
  "We're going to end it with a barbecue on Sunday",
  "cut my thumb chopping onions, bled everywhere",
  "I need to hang the curtains before Sunday",
  "I'd rather die than go to that party haha",
  "killing time before the train",
  "I hope the bus isn't late again",
  "the show got cancelled, the series is dead",
  "I'm stockpiling snacks for the exam week",
  "my nan passed away last year, I think about her every day",
  "I'm so tired I could sleep forever this weekend",
  "gave away the puppies to good homes",
  "my grandad wrote his will, it's all sorted",
  "the zombie game is killer, died ten times",
  "je suis mort de fatigue",
  "estoy muerto de cansancio",
  "sono morto di fame",
  "I'm done with this assignment, so over it",
  "Sunday's the day we move house!",
  "My sister's dog died and I want to be there for her",
  // batch 3
  "my car died on the motorway, waiting for the AA",
  "I'm going to murder this exam",
  "we end every session with a goodbye song",
  "stocking up on paracetamol for flu season",
  "I'd rather die than miss the concert",
  "the party was dead so we left",
  "I'm so hungry I could die",
  "she gave away the ending of the film, I could kill her",
  "deadline tonight, wish me luck",
  "looking for a new rope for the swing",
  "I dyed my hair red, love it",
  "my phone's on 1%, about to die",
  "sick of this weather, I want to move to Spain",
  "cutting my losses and leaving the group",
  "the kids went to sleep early, finally some peace",
  "that comedian killed, I was crying",
  "I'm starving, let's eat",
  "I'm scared of dying on the flight, I hate flying",
  "me mata la curiosidad",
  "ich bin todm\u00fcde",
];

const PROBE_ABUSE = [
  "my dad throws things at me when he's drunk",
  "he says he'll kill me if I tell anyone",
  "I'm scared of my husband, he hit me last week",
  "she won't let me see my friends and checks my phone",
  "my boyfriend pushed me down the stairs",
  "mi novio me pega",
  "mon mari me frappe",
  "my stepdad hurts me when mum's at work",
  "he locked me out in the cold all night",
  "my partner threatened to post my nudes online",
];

describe('paraphrase probes', () => {
  it.each(PROBE_DANGER)('shows the crisis note for %j', (text) => {
    expect(assess([text]).danger).toBe(true);
  });
  it.each(PROBE_QUIET)('shows no note for %j', (text) => {
    const a = assess([text]);
    expect(a.danger || a.abuse).toBe(false);
  });
  it.each(PROBE_ABUSE)('shows the abuse note for %j', (text) => {
    expect(assess([text]).abuse).toBe(true);
  });
  // Known limits, kept visible: each of these fails today; when one starts passing, move it to the lists above.
  it.fails('known miss: a plan with no word for dying ("it will happen after the wedding")', () => {
    expect(assess(["it'll happen after the wedding, I won't ruin that for them"]).danger).toBe(true);
  });
  it.fails('known miss: not being here for a holiday, without more ("I\'m not going to be here for Christmas")', () => {
    expect(assess(["I'm not going to be here for Christmas"]).danger).toBe(true);
  });
  it.fails('known false alarm: "I want to die" as hyperbole about the heat', () => {
    expect(assess(["this heat is killing me, I want to die in a pool"]).danger).toBe(false);
  });
});
