"""award: 'X received / won / was honoured with the Y Award (from Z)', 'Z presented X with Y'.

Qualifiers from the clause: the year (in the award's name, the clause, else the release's), the
level (a medal or tier, 'the X category'), the conferring body ('from/by Z', 'Z's award', the giver).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..clauses import YEAR, agent_tokens, clause_span, clause_years, coordinated, patterns
from ..document import COMPANY_TYPES, DocContext, ParsedSentence, named_after
from ..entities import LEVEL_WORDS, TIER_OR_AWARD, Mention, clean_name
from ..language import TRAILING_YEAR, language_data, person_title_words
from ..lexicon import normalize
from .triggers import (
    anaphoric,
    colon_listed,
    listed_below,
    recent_referent,
    triggered,
    with_coordinated_years,
    year_in_name,
    year_of,
)


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    unnamed = lambda sentence, trigger: unnamed_awards(sentence, trigger, ctx)  # noqa: E731
    for row, trigger, subjects, awards in triggered(ctx, sentence, "award", ("award",), unnamed):
        passive = _passive(trigger)
        if not_a_win(sentence, trigger) or row.get("role") != "giver" and _gives(trigger) and not passive:
            continue  # 'The Ministry gave these awards to ...': the giver's row reads it
        conferrer = None
        if row.get("role") == "giver" and not passive:
            subjects, conferrer = _given_by(ctx, sentence, trigger, subjects)
        elif row.get("role") == "giver":  # 'the Award was presented to X by Y'; 'X was crowned the Y'
            subjects = recipients(ctx, sentence, trigger, passive=True) or subjects
            if _given_to_a_group(sentence, trigger):
                continue  # 'This year's awards were presented to 19 companies across six categories'

        subjects, notes = _listed_winners(ctx, sentence, trigger, subjects)
        awards, venues = _won_and_venues(ctx, sentence, trigger, awards)
        stated = conferrer or _conferring_awards(ctx, sentence, trigger) or conferring_body(
            ctx, sentence, trigger, awards + venues
        )
        conferrer = stated or (ctx.entity(venues[0], "award") if venues else None)
        for award in awards:
            tier = _tier_of(ctx, sentence, award)
            medal = _medal_tier(award)
            if medal:
                award, conferrer = _rated_medal(ctx, sentence, award, conferrer)
            if not_an_award(award):
                continue
            prize = _named_prize(ctx, sentence, award)
            if prize is not None:  # 'won the Grand Prize' of the award named before
                award, tier = prize, None
            obj = tier or ctx.entity(award, "award")
            year = _award_year(ctx, award, trigger, venues, obj)
            body = conferrer or body_of_award(ctx, obj)
            levels = (
                _levels(sentence, trigger, award, obj, prize, tier, medal)
                or _award_for(award, venues)
                or _prize_of_scheme(ctx, sentence, obj)
            )
            notes = _respective(sentence, subjects, levels) or _own_categories(ctx, sentence, subjects) or notes
            if award.span.label_ != TIER_OR_AWARD and not any(m.span == award.span for m in sentence.mentions):
                ctx.recent["award"], ctx.recent_in["award"] = obj, sentence.sentence.index  # a title: 'the award' next
            awarded_by = body.name if body and (body is not obj or body is stated) else None
            awarded_by = awarded_by or (_event_before(ctx) if _also(trigger) and not venues else None)
            for subject in subjects:
                said = _year_said_before(ctx, sentence, award, trigger, subject, obj)
                for level in [notes[id(subject)]] if id(subject) in notes else levels or [None]:
                    for each_year in with_coordinated_years(sentence.doc, said or year):
                        ctx.add("award", sentence, subject, obj, year=each_year, level=level, awarded_by=awarded_by)
    share_bodies(ctx)


def _rated_medal(ctx, sentence, award: Mention, conferrer):
    """(award, conferrer) of a medal: '... among the top 1% of companies rated by EcoVadis' (the
    rater named here or just before confers it); 'a platinum medal by EcoVadis' is the EcoVadis
    platinum medal."""
    if not conferrer:
        raters = [m for m in sentence.mentions if m.type == "index"]
        conferrer = ctx.entity(raters[0], "index") if raters else _rater_just_named(ctx, sentence)
    if conferrer and (conferrer.type == "index" or not award.label.lower().endswith("award")):
        award = Mention(award.span, "award", f"{conferrer.label} {award.label}")
    return award, conferrer


def _prize_of_scheme(ctx, sentence, obj) -> list[str]:
    """'the 12th edition of the X Awards ... A received the Sustainable Factory of the Year Award':
    a singular award of a release whose lead named one awards scheme before it is one of that
    scheme's prizes, and its own name is its level."""
    if not obj.label.endswith("Award"):
        return []
    before = ctx.sentences[: min(LEAD_SENTENCES, ctx.sentences.index(sentence))]
    schemes = {
        normalize(m.label)
        for s in before
        for m in s.mentions
        if m.type == "award" and m.label.endswith("Awards") and normalize(m.label) != normalize(obj.label + "s")
    }
    return [obj.label] if len(schemes) == 1 else []


def _award_for(award: Mention, venues: list) -> list[str]:
    """'the Award for Sustainability Reporting at the 2022 X Awards': what an event's 'Award for'
    is given for is its category."""
    words = award.label.split()
    return [" ".join(words[2:])] if venues and len(words) > 2 and words[:2] == ["Award", "for"] else []


def _also(trigger) -> bool:
    """'X also picked up the award for Y': the clause goes on from the award named before."""
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in trigger.children)


def _event_before(ctx) -> str | None:
    """The body or awards event of the release's last award: 'won A at the 7th Z Awards. Its mine
    also picked up B' (B is Z's too)."""
    last = next((f for f in reversed(ctx.facts) if f.kind == "award"), None)
    if last is None:
        return None
    return last.qualifiers.get("awarded_by") or (last.object if last.object.split()[-1] == "Awards" else None)


def _given_by(ctx, sentence, trigger, givers):
    """An active giving verb's (recipients, conferrer): 'X honoured five suppliers with its Y Awards'
    (X gives, its awards are not its own); 'The Y Awards recognise individuals, communities and
    businesses' (classes of winners, none named); else the release's organization receives."""
    others = [t for t in _recipient_tokens(trigger) if t.pos_ == "NOUN" and ctx.entity_of(sentence, t) is None]
    gives = bool(others) and ctx.main is not None and ctx.main in givers
    classes = [
        t for t in others
        if t.tag_ == "NNS" and t.lemma_ not in AWARD_SUBJECTS and not any(c.dep_ == "poss" for c in t.children)
    ]
    fallback = [ctx.main] if ctx.main and not gives and not classes else []
    subjects = recipients(ctx, sentence, trigger) or fallback
    conferrer = givers[0] if givers and (givers[0] is not ctx.main or givers[0] not in subjects) else None
    return subjects, conferrer


def _award_year(ctx, award: Mention, trigger, venues: list[Mention], obj) -> int | None:
    """The award's own year or its clause's, the year in the name of the awards it was won at
    ('named X in the International Banker 2024 Banking Awards'), the year the release names the
    award with elsewhere, else the release's."""
    return (
        year_of(ctx, award, trigger, default=False)
        or next((year_in_name(v) for v in venues if year_in_name(v)), None)
        or _event_year(trigger, award)
        or _named_year(ctx, obj)
        or ctx.year_default()
    )


def _event_year(trigger, award: Mention) -> int | None:
    """'conferred the X Award at the Global Rail Summit 2022': the edition of the event it was won at."""
    heads = (trigger, award.root)
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "during")):
        years = [int(t.text) for t in prep.subtree if YEAR.fullmatch(t.text)]
        if years:
            return years[0]
    return None


GIVING_VERBS = ("give", "grant", "bestow", "accord")


def _gives(trigger) -> bool:
    return trigger.lemma_ in GIVING_VERBS and trigger.pos_ == "VERB"


def _passive(trigger) -> bool:
    """'X was honoured', and 'one of the businesses honored in the X Awards' (a participle)."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or (
        trigger.dep_ == "acl" and trigger.tag_ == "VBN"
    )


def _respective(sentence, subjects, levels) -> dict:
    """'A and B were named winners in the Small and Large categories respectively': A's is Small."""
    respectively = any(t.lower_ == "respectively" for t in sentence.tokens)
    if len(subjects) < 2 or len(levels) != len(subjects) or not respectively:
        return {}
    return {id(subject): level for subject, level in zip(subjects, levels)}


def _own_categories(ctx, sentence, subjects) -> dict:
    """'to three companies: A in the small size category, B in the medium size category and C in
    the large size category': each winner's category by id, when every winner names its own."""
    doc, found = sentence.doc, {}
    for mention in sentence.mentions:
        end = mention.span.end
        if end + 2 >= len(doc) or doc[end].lower_ != "in" or doc[end + 1].lower_ != "the":
            continue
        category = next((t.i for t in doc[end + 2 : end + 7] if t.lemma_ == "category"), None)
        entity = ctx.entity(mention) if category is not None else None
        for subject in subjects:
            if entity is not None and subject.key == entity.key:
                found[id(subject)] = doc[end + 2 : category].text
    return found if len(subjects) >= 2 and len(found) == len(subjects) else {}


def _listed_winners(ctx, sentence, trigger, subjects):
    """'The winners of the X Awards are:' and a line for each: (the listed companies, or SUBJECTS;
    each company's category by id: 'Halvor Foods – Best Water Strategy')."""
    listed = listed_below(ctx, sentence) if colon_listed(ctx, sentence, trigger) else []
    if not listed:
        return subjects, {}
    return [entity for entity, _ in listed], {id(entity): note for entity, note in listed if note}


def _levels(sentence, trigger, award, obj, prize, tier, medal) -> list[str]:
    """The award's levels: the prize won of it, the kind of it ('the excellent industry award'), the
    tier this lower-case award names, its medal, or the clause's categories and tiers."""
    kind_of = _kind_of_award(award, obj)
    if prize is not None:
        return [prize.span.text]
    if kind_of:
        return [kind_of]
    if tier:
        level = award.label.removesuffix(" award")
        return [] if level.lower() in ("other", "another", "this", "that", "each", "every") else [level]
    return [medal] if medal else award_levels(sentence, trigger, award)


def _kind_of_award(award: Mention, obj) -> str | None:
    """'The excellent industry award this year goes to X' (the award the release named before):
    the words that say which of its awards, as the level."""
    token = award.span[0]
    if len(award.span) != 1 or not token.text.islower() or normalize(obj.label) == token.lower_:
        return None
    words = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    if not any(c.dep_ == "compound" for c in words):
        return None  # 'the prestigious award': no kind
    start = min(c.left_edge.i for c in words)
    return token.doc[start : token.i].text


def _won_and_venues(ctx, sentence, trigger, awards):
    """The awards won and the awards where they were won; 'The accolade was presented at the Z
    Awards': the accolade is the award named before, won at Z."""
    awards, venues = _venues(awards, titles(sentence, trigger))
    if venues and all(_tier_award(a) for a in awards):  # 'won the Gold Award at the Z Awards': Z's Gold tier
        return venues, []
    if venues == [] and all(_at_venue(a.root) for a in awards):
        referred = anaphoric(ctx, sentence, trigger, ("award",))
        if referred:
            return referred, awards
    return awards, venues


def _tier_award(award: Mention) -> bool:
    """'the Gold Award', 'a Platinum Prize': a tier named as if an award."""
    words = award.label.split()
    return len(words) == 2 and words[0].title() in LEVEL_WORDS and words[1].lower() in GENERIC_PRIZES


def _year_said_before(ctx, sentence, award: Mention, trigger, subject, obj) -> int | None:
    """'X won the Y Award 2021. The award was presented to X by Z': 'the award' is the one named
    before, of the year given there (unless this clause gives its own)."""
    anaphoric = len(award.span) == 1 and award.span[0].text.islower()
    if not anaphoric or clause_years(trigger):
        return None
    earlier = [f for f in ctx.facts if f.kind == "award" and f.subject == subject.name and f.object == obj.name]
    return earlier[-1].qualifiers.get("year") if earlier else None


def _named_year(ctx, award) -> int | None:
    """'DPCL won Golden Peacock Award' (a headline): the year the release gives the same award where
    it names it with one ('the Golden Peacock Award 2020')."""
    for sentence in ctx.sentences:
        for mention in sentence.mentions:
            if mention.type == "award" and _award_words(award.label) <= _award_words(mention.label):
                doc = mention.span.doc
                years = [YEAR.fullmatch(t.text) for t in doc[max(0, mention.span.start - 2) : mention.span.end + 1]]
                years = [int(m.group(1)) for m in years if m]
                if years:
                    return years[0]
    return None


def _tier_of(ctx: DocContext, sentence: ParsedSentence, award: Mention):
    """'ASE received the X Award. ASE was accorded the Benchmark Enterprise award': the award
    named in the sentence before, of which this lower-case 'award' is a tier."""
    if _tier_award(award) or award.label.lower() in ("other award", "another award"):
        return _scheme_named_before(ctx, sentence)  # 'Gold Award winners were ...', 'Other award winners include'
    if award.span.label_ != TIER_OR_AWARD or ctx.recent_in.get("award", -9) < sentence.sentence.index - 1:
        return None
    named = ctx.recent["award"]
    same = normalize(named.label).startswith(normalize(award.label.removesuffix(" award")))
    return None if same else named


def _scheme_named_before(ctx: DocContext, sentence: ParsedSentence):
    """'X emerged champion of the Y Award. ... Gold Award winners were A, B and C': a tier won
    with no scheme named in its sentence is the tier of the last award the release named."""
    for earlier in reversed(ctx.sentences[: ctx.sentences.index(sentence)]):
        named = [m for m in earlier.mentions if m.type == "award" and not _tier_award(m)]
        if named:
            return ctx.entity(named[-1], "award")
    return None


def _venues(awards, titled):
    """'won the X Award and the Y Award at the 2023 Z Awards': Z is where they were won; 'named
    Retailer of the Year at the Z Awards': the title (TITLED) is the award, won at Z."""
    venues = [a for a in awards if _at_venue(a.root) or titled and _scheme_by(a)]
    kept = [a for a in awards if a not in venues] or titled
    return (kept, venues) if kept else (awards, [])


def _scheme_by(award) -> bool:
    """'named as "Best Sustainable Resort" by World Luxury Hotel Awards': the scheme that names the title."""
    root = award.root
    return award.label.split()[-1] == "Awards" and root.dep_ == "pobj" and root.head.lower_ == "by"


def _at_venue(token) -> bool:
    """'at the Z Awards', 'during the Z Awards', 'at the 6th edition of the Z Awards', 'at the Z
    Awards ceremony'."""
    if token.dep_ == "compound" and token.head.dep_ == "pobj":
        token = token.head
    if token.dep_ != "pobj":
        return False
    if token.head.lower_ in ("at", "during", "in"):
        return True
    preposition = token.head  # 'of' in 'at the 6th edition of the Z Awards'
    noun = preposition.head
    return preposition.lower_ == "of" and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "during")


MEDAL_NOUNS = ("medal", "badge")


AWARD_SUBJECTS = ("award", "awards", "prize", "honour", "honor", "recognition", "scheme")


def not_a_win(sentence: ParsedSentence, trigger) -> bool:
    """Clauses with a win word that state no win: 'X announced its new Y Award winners' (the
    winners are others), 'No award has achieved such respect' (the award is the subject)."""
    naming = trigger.head.lemma_.lower() in (*NAMING_VERBS, "emerge")  # 'emerged winner'
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and not naming:
        return True  # 'announced the winners'
    listed_of = trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.dep_ == "dobj"
    if trigger.pos_ == "NOUN" and listed_of:
        return True  # 'unveiled the list of winners'
    for _r, span in patterns("award").matches(sentence.doc, "nomination"):
        word = span.root
        if word.head == trigger and word.dep_ in ("oprd", "attr", "dobj", "nsubjpass") or (
            word.dep_ == "pobj" and word.head.lower_ in ("as", "among") and word.head.head == trigger
        ):
            return True  # 'was named a finalist for the X Award', 'selected as one of the nominees'
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return True  # 'its winners'
    relative = trigger.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in trigger.children
    )
    antecedent = sentence.mention_at(trigger.head) if relative else None
    if antecedent is not None and antecedent.type == "award":
        return True  # 'the X Awards, which receives over 1,000 entries'
    for subject in (c for c in trigger.children if c.dep_ == "nsubj"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True
        if subject.lemma_.lower() in AWARD_SUBJECTS and trigger.lemma_.lower() not in ("go", "be"):
            return True  # 'The award has received over 1,000 entries'
    return False


def unnamed_awards(sentence: ParsedSentence, trigger, ctx: DocContext | None = None) -> list[Mention]:
    """Awards that are no typed name in the clause: a title, a medal, the subject of a giving
    verb ('The X Award was presented to Y', 'The X Award goes to Y'), or a prize of the award
    the release named before ('won the Grand Prize')."""
    given = [
        m
        for m in sentence.mentions
        if m.type == "award"
        and m.root.head == trigger
        and (m.root.dep_ == "nsubjpass" or m.root.dep_ == "nsubj" and trigger.lemma_ == "go")
    ]  # 'The X Award goes to Y'
    if not given and ctx is not None and "award" in ctx.recent:
        given = [
            Mention(c.doc[c.i : c.i + 1], "award", recent_referent(ctx, "award"))
            for c in trigger.children
            if c.lower_ == "award" and (c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and trigger.lemma_ == "go")
            and any(d.lower_ == "the" for d in c.children)
        ][:1]  # 'The excellent industry award this year goes to Y': the award the release named
    return (
        titles(sentence, trigger)
        or medals(sentence, trigger)
        or given
        or prize_of_named(sentence, trigger, ctx)
        or named_earlier_in_sentence(sentence, trigger)
        or awards_for(sentence, trigger)
    )


def awards_for(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'has received two awards for Best Environmental Performance and Tree Plantation': each
    capitalised title after 'awards for' is an award won."""
    won = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_ == "award" and c.text.islower()]
    fors = [p for w in (won + [trigger] if won else []) for p in w.children if p.lower_ == "for" and p.dep_ == "prep"]
    heads = [t for p in fors for g in p.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]
    found = []
    for head in heads:
        span = sentence.doc[head.left_edge.i : head.i + 1]
        if span and all(t.text[:1].isupper() or t.lower_ in ("and", "of", "the", "&") for t in span):
            found.append(Mention(span, "award", clean_name(span.text)))
    return found


def named_earlier_in_sentence(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'was named the overall winner of the X Awards and also won the award in the Y category':
    'the award' of the second clause is the award the sentence named before it."""
    wins = [
        span.root
        for _r, span in patterns("award").matches(sentence.doc, "trigger")
        if span.root.i < trigger.i and span.root.pos_ == "VERB" and not not_a_win(sentence, span.root)
    ]
    won = set().union(*(clause_span(w) for w in wins)) if wins else set()
    named = [m for m in sentence.mentions if m.type == "award" and m.span.end <= trigger.i and m.root.i in won]
    if not named:
        return []  # 'X, which announced its Y Award winners, also won the award': Y is not X's
    clause = clause_span(trigger)
    for token in sentence.tokens:
        if (
            token.i in clause
            and token.i > trigger.i
            and token.lemma_.lower() == "award"
            and token.text.islower()
            and any(c.lower_ == "the" for c in token.children)
        ):
            return [Mention(token.doc[token.i : token.i + 1], "award", named[-1].label)]
    return []


def _named_prize(ctx, sentence, award: Mention) -> Mention | None:
    """'the Grand Prize', 'First Prize' named as if an award: a prize tier of the award the release
    named before, unless that award was already won in the release (then a restatement)."""
    levels = patterns("award").matches(sentence.doc, "level")
    if not any(award.span[-1].i + 1 == span.end and _core(award.span) >= span.start for _r, span in levels):
        return None
    named = ctx.recent.get("award")
    if named is None or normalize(named.label) == normalize(award.label):
        return None
    if any(f.kind == "award" and f.object == named.name for f in ctx.facts):
        return None
    return Mention(award.span, "award", named.label)


def _core(span) -> int:
    return next((t.i for t in span if t.pos_ != "DET"), span.start)


def prize_of_named(sentence: ParsedSentence, trigger, ctx: DocContext | None) -> list[Mention]:
    """'Sekisui won the Grand Prize', 'was honoured with the top prize': a prize tier of the award
    the release named before (its level comes from the clause)."""
    if ctx is None or "award" not in ctx.recent:
        return []
    if any(f.kind == "award" and f.object == ctx.recent["award"].name for f in ctx.facts):
        return []  # a restatement of the award already won
    for child in trigger.children:
        objects = [child] if child.dep_ in ("dobj", "attr", "oprd") else []
        if child.dep_ == "prep" and child.lower_ == "with":
            objects = [c for c in child.children if c.dep_ == "pobj"]
        for noun in objects:
            span = noun.doc[noun.left_edge.i : noun.i + 1]
            levels = patterns("award").matches(noun.doc, "level")
            tiers = [m for _r, m in levels if span.start <= m.start < m.end <= span.end]
            if tiers and sentence.mention_at(noun) is None:
                return [Mention(noun.doc[noun.i : noun.i + 1], "award", ctx.recent["award"].label)]
    return []


def medals(sentence: ParsedSentence, trigger) -> list[Mention]:
    """'received a platinum medal', 'was awarded a Gold badge', 'was awarded the Gold level rating by
    EcoVadis': a medal with its tier and no name."""
    for child in trigger.children:
        objects = [child] if child.dep_ in ("dobj", "dative", "attr") else []
        if child.dep_ == "prep" and child.lower_ == "with":
            objects = [c for c in child.children if c.dep_ == "pobj"]
        for noun in objects:
            modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
            modifiers += [g for c in modifiers if c.lower_ == "level" for g in c.children if g.dep_ == "compound"]
            tiers = [c for c in modifiers if c.lower_ in MEDAL_TIERS]
            rated = noun.lemma_.lower() == "rating" and trigger.lemma_ == "award"  # 'awarded the Gold level rating'
            if (noun.lemma_.lower() in MEDAL_NOUNS or rated) and tiers and sentence.mention_at(noun) is None:
                span = noun.doc[tiers[0].i : noun.i + 1]
                return [Mention(span, "award", clean_name(span.text))]
    return []


MEDAL_TIERS = ("gold", "silver", "bronze", "platinum", "diamond")


def _medal_tier(award: Mention) -> str | None:
    """'Platinum' of a tier-and-medal name ('platinum medal', 'Gold Medal', 'a Bronze Award'), as a level."""
    words = award.span.text.split()
    if len(words) == 3 and words[1].lower() == "level":
        words = [words[0], words[2]]  # 'the Gold level rating'
    if len(words) == 2 and words[0].lower() in MEDAL_TIERS and words[1].lower() in (*MEDAL_NOUNS, "award", "rating"):
        return words[0].title()
    return None


def _rater_just_named(ctx: DocContext, sentence: ParsedSentence):
    """'... highly rated in the EcoVadis survey. X was rated in the top 25%, winning a Bronze Award':
    a medal's rater named in the sentence before."""
    if "index" in ctx.recent and ctx.recent_in["index"] >= sentence.sentence.index - 1:
        return ctx.recent["index"]
    return None


NAMING_VERBS = (
    "name", "recognize", "recognise", "award", "honor", "honour", "crown", "select", "rank", "adjudge", "vote",
    "declare",
)  # fmt: skip
QUOTES = ("“", '"', "‘", "'")
CLOSING_QUOTES = ("”", '"', "’", "'")


def titles(sentence: ParsedSentence, trigger) -> list[Mention]:
    """A title after a naming verb: quoted ('named “Sustainable Company of the Year”'), after 'as'
    ('recognised as a Top Employer 2023', 'recognizes X as “...”'), or its predicate ('was named
    Water Champion of 2021')."""
    doc = sentence.doc
    if trigger.lemma_ not in NAMING_VERBS:
        return []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    starts = [
        i
        for i in range(trigger.i + 1, min(trigger.i + 5, len(doc)))
        if doc[i].text in QUOTES and all(t.pos_ == "DET" or t.lower_ == "with" for t in doc[trigger.i + 1 : i])
    ][:1]  # 'named "X"', 'honoured with the "X"'; not 'recognized for its "X" programme'
    for child in trigger.children:
        if child.lower_ == "as" and child.dep_ == "prep":
            starts.append(child.i + 1)
        elif child.dep_ in ("oprd", "attr") and child.text[:1].isupper():
            starts.append(child.left_edge.i)
        elif child.dep_ == "dobj" and passive and child.text[:1].isupper():  # 'X was crowned the Y of the Year'
            starts.append(child.left_edge.i)
        elif child.dep_ == "dobj":  # 'named X its Company of the Year' (the parser: an apposition to X)
            starts += [a.left_edge.i for a in child.children if a.dep_ == "appos" and a.text[:1].isupper()]
    for i in starts:
        while i < len(doc) and (
            doc[i].pos_ == "DET" or doc[i].dep_ == "poss" and doc[i].pos_ == "PRON" or YEAR.match(doc[i].text)
            or _place_possessive(sentence, doc[i])
        ):
            i += 1  # 'named X its Company of the Year', 'named the 2018 Eco-Airline of the year', "Kenya's"
        title = quoted_title(doc, i) if i < len(doc) and doc[i].text in QUOTES else capitalised_run(doc, i)
        if title is None or title[0].like_num and title[-1].lower_ in ("star", "stars"):
            continue  # 'awarded Three Green Stars': a benchmark's rating, no title
        typed = sentence.mention_at(title[0])
        longer = typed is not None and typed.span.end < title.end  # 'Best Bank for ESG': more than a name
        quoted = title.start > 0 and doc[title.start - 1].text in QUOTES  # "as 'Best Company in X'": a title
        root = title.root
        named = root.dep_ == "appos" and root.head.lemma_.lower() in ("award", "prize", "accolade", "title", "honour")
        quoted = quoted or named  # 'awarded the accolade Green Carrier of the Year'
        kinds = ("index", "standard") if quoted else ("place", "index", "standard", "company")
        if typed is None or typed.type not in kinds or longer:
            return [Mention(title, "award", TRAILING_YEAR.sub("", clean_name(title.text)))]  # the year is a qualifier
    return []


def _place_possessive(sentence: ParsedSentence, token) -> bool:
    """"Sri Lanka's" before a title ('declared Sri Lanka's 'Best Corporate Citizen''): the place is no part of it."""
    if token.dep_ == "case" and token.head.dep_ == "poss":
        token = token.head
    elif token.dep_ == "compound" and token.head.dep_ == "poss":
        token = token.head
    place = sentence.mention_at(token) if token.dep_ == "poss" else None
    return place is not None and place.type == "place"


def quoted_title(doc, i: int):
    end = next((t.i for t in doc[i + 1 : i + 15] if t.text in CLOSING_QUOTES), None)
    return doc[i + 1 : end] if end is not None and end > i + 1 and doc[i + 1].text[:1].isupper() else None


def capitalised_run(doc, i: int):
    end = i
    while end < len(doc) and (
        doc[end].text[:1].isupper()
        or end > i + 1
        and doc[end].lower_ in ("the", "year", "decade")
        and doc[end - 1].lower_ in ("of", "the")
        and (doc[end].lower_ != "the" or end + 1 < len(doc) and doc[end + 1].lower_ in ("year", "decade"))
        or doc[end].text == "-" and not doc[end].whitespace_ and end > i and not doc[end - 1].whitespace_
        or doc[end].text in ("–", "—", "-")  # 'Best ESG Investor – Africa 2021': the title's region
        and end > i
        and end + 1 < len(doc)
        and doc[end + 1].pos_ == "PROPN"
        or doc[end].like_num
        and end > i
        or doc[end].lower_ in ("of", "the", "in", "for", "and", "to")
        and end + 1 < len(doc)
        and (
            doc[end + 1].text[:1].isupper()
            or doc[end].lower_ == "of"
            and doc[end + 1].lower_ == "the"
            and end + 2 < len(doc)
            and (doc[end + 2].text[:1].isupper() or doc[end + 2].lower_ in ("year", "decade"))
        )
    ):
        end += 1
    return doc[i:end] if end > i else None


def body_opening_name(ctx, award):
    """'the Harbour Safety Authority (HSA) Awards', 'the Dubai Chamber CSR Label': the organization an
    award's name opens with (its words up to an organization head word, or a rater or body the
    gazetteer knows)."""
    words = award.label.split()
    heads = body_heads()
    for end in range(len(words) - 1, 1, -1):
        if words[end - 1] in heads and words[0][:1].isupper():
            return ctx.entities.resolve(" ".join(words[:end]), "organization")
    for end in range(len(words) - 1, 0, -1):  # 'the EcoVadis Gold Medal', 'the RobecoSAM Sustainability Award'
        known = ctx.lexicon.lookup(" ".join(words[:end]))
        if known is not None and known.type in CONFERRING_TYPES:
            return ctx.entities.resolve(known.label, known.type)
    return None


CONFERRING_TYPES = ("index", "organization", "agency", "initiative")  # gazetteer types that rate or give awards


@lru_cache(maxsize=1)
def body_heads() -> frozenset[str]:
    """Head words of organization and agency names ('Authority', 'Chamber', 'Institute')."""
    heads = language_data()["type_heads"]
    return frozenset(h.split()[-1] for kind in ("organization", "agency") for h in heads.get(kind, []))


def named_in_award(ctx, award):
    """'the Global Views Magazine ESG Corporate Sustainability Awards' are Global Views Magazine's
    when the release names that organization on its own too."""
    for entity in {id(e): e for e in ctx.entities.by_surface.values()}.values():
        if entity.type not in ("organization", "agency", "company") or entity is ctx.main:
            continue
        if award.label.startswith(entity.label + " ") and len(entity.label.split()) >= 2:
            if entity.type != "company":
                return entity
        acronyms = [a for a in entity.aliases if " " not in a and sum(c.isupper() for c in a) >= 3]
        if any(award.label.startswith(a + " ") for a in acronyms):
            return entity  # 'the RoSPA Awards' of the Royal Society for the Prevention of Accidents (RoSPA)
    return None


GENERIC_PRIZES = ("trophy", "certificate", "award", "awards", "prize", "medal", "plaque", "honour", "honor")


def not_an_award(award: Mention) -> bool:
    """'received the Trophy and Certificate from': the objects an award comes with; 'In honour of
    this achievement': a phrase that only looks like a name."""
    words = award.label.lower().split()
    return all(w in GENERIC_PRIZES for w in words) or words[0] in ("in", "at", "on", "with")


ORGANISER_VERBS = (
    "organise", "organize", "host", "present", "give", "confer", "run", "institute", "launch",
    "sponsor", "establish", "found", "create", "constitute", "bestow", "grant", "unveil", "introduce", "inaugurate",
)  # fmt: skip


def organiser_of(ctx, sentence, verb):
    """The bodies an organising verb names: 'instituted by X', 'run by the X', 'organised under
    the auspices of X'; a person only through the organization beside the name ('by Mr A, Chairman,
    X Institute')."""
    found = []
    for agent in agent_tokens(verb):
        found.append(agent)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"):  # 'at X Institute's convention'
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            host = sentence.mention_at(pobj)
            found += [p for p in pobj.children if p.dep_ == "poss"] or (
                [pobj] if host is not None and host.type in ("organization", "agency") else []
            )
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "auspice"):
            found += [g for of in pobj.children if of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]
    for token in found:  # 'by Institute of Directors, New Delhi'; 'by the provider of ratings, EcoVadis'
        body = body_in(sentence, token, (*COMPANY_TYPES, "place", "index"))
        if body is not None:
            return ctx.entity(body, "index" if body.type == "index" else "organization")
    return None


def body_in(sentence, token, types, awards=()) -> Mention | None:
    """The first name of TYPES in TOKEN's phrase; where the phrase names a person ('by Mr A B,
    Chairman, X Institute', 'from His Excellency Dr A, Minister of Y'), only an organization after
    the person's name."""
    if token.tag_ == "NNS" and sentence.mention_at(token) is None:
        return None  # 'by the PR professionals in the state': people, no body
    clauses = {t.i for c in token.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    named = [sentence.mention_at(t) for t in token.subtree if t.i not in clauses]  # not '... dedicated to SMEs'
    named = [m for i, m in enumerate(named) if m is not None and m not in named[:i] and m not in awards]
    bodies = [m for m in named if m.type in types]
    if any(m.type == "person" for m in named[:1]) or token.left_edge.text in person_title_words():
        bodies = [m for m in bodies if m.type in ("organization", "agency") and m.span.start > token.i]
    return bodies[0] if bodies else None


def _award_organiser(ctx, sentence, mention: Mention):
    """The body that runs the award MENTION names in its own sentence: 'the X Awards, instituted by
    Y', 'Launched by Y in 1991, the X Award is ...', 'Y's X awards', 'the X ceremony, which is
    sponsored by Y'."""
    root = mention.root
    verbs = [c for c in root.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ORGANISER_VERBS]
    if root.dep_ in ("nsubj", "nsubjpass"):  # 'Launched by Y, the X Award is regarded as ...'
        verbs += [c for c in root.head.children if c.dep_ in ("advcl", "acl") and c.lemma_.lower() in ORGANISER_VERBS]
    if root.dep_ in ("npadvmod", "nsubjpass") and root.head.lemma_.lower() in ORGANISER_VERBS:
        verbs.append(root.head)  # the parser's 'Launched by Y, the X Award, is ...'; 'X was instituted by Y'
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # 'The X Award is the only award given by Y'
        for attr in (c for c in root.head.children if c.dep_ == "attr" and c.lemma_.lower() in ("award", "prize")):
            verbs += [t for t in attr.subtree if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in ORGANISER_VERBS]
    if root.head.dep_ in ("compound",) or root.dep_ == "compound":  # 'the X Awards ceremony, which is sponsored by Y'
        head = root.head
        verbs += [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ORGANISER_VERBS]
    for verb in verbs:
        body = organiser_of(ctx, sentence, verb)
        if body is not None:
            return body
    for child in root.children:
        if child.dep_ == "poss":
            owner = sentence.mention_at(child)
            if owner is not None and owner.type in ("organization", "agency", "company") and owner is not mention:
                return ctx.entity(owner, "organization")
    return None


def _award_words(label: str) -> set[str]:
    """Distinctive words: 'the Government Award for Sustainable Management' is the Sustainable
    Management Government Award."""
    return {w for w in normalize(label).split() if w not in ("award", "awards", "the", "prize", "for", "of")} or {"-"}


def described_body(ctx, award):
    """The conferring body the release names where it describes the award, in any sentence
    ('Golden Peacock Awards, instituted by the Institute of Directors'): an award whose distinctive
    words are all in AWARD's name."""
    words = _award_words(award.label)
    for sentence in ctx.sentences:
        for mention in sentence.mentions:
            if mention.type != "award" or not _award_words(mention.label) <= words:
                continue
            body = _award_organiser(ctx, sentence, mention)
            if body is not None and body is not award:
                return body
    for sentence in ctx.sentences:  # 'The annual awards are organised by X', 'The certificate is awarded by X'
        for token in sentence.tokens:
            if (
                token.dep_ == "nsubjpass"
                and token.lemma_.lower() in REFERRING_PRIZES
                and token.text.islower()
                and any(c.lower_ in ("the", "these", "this") for c in token.children)
                and token.head.lemma_.lower() in (*ORGANISER_VERBS, "award")
                and _one_award_scheme(ctx)
            ):
                body = organiser_of(ctx, sentence, token.head)
                if body is not None:
                    return body
    return None


REFERRING_PRIZES = ("award", "certificate", "prize", "medal", "honour", "honor", "accolade", "recognition")
HOST_VERBS = ("hold", "host", "stage", "organise", "organize", "recognise", "recognize", "honour", "honor", "celebrate")
PLURAL = ("NNS", "NNPS")
EVENT_NOUNS = ("award", "awards", "ceremony", "gala", "night", "prize", "prizes", "competition")


def body_of_award(ctx, award):
    """The conferring body the release names outside the award's own sentence."""
    return (
        named_in_award(ctx, award)
        or described_body(ctx, award)
        or body_opening_name(ctx, award)
        or headline_conferrer(ctx)
        or award_host(ctx)
    )


def headline_conferrer(ctx):
    """'Pacific Star Motors bags five awards from DENR', 'won three major awards in the 50th
    anniversary of the PMSEA': the body that a lead sentence's unnamed awards come from confers
    the awards the release lists, where their sentences name no conferrer."""
    for sentence in ctx.sentences[:LEAD_SENTENCES]:
        if not any(t.lemma_.lower() in EVENT_NOUNS and t.tag_ in PLURAL for t in sentence.tokens):
            continue  # 'X was conferred the Y Award by Z': Z confers Y only
        for token in sentence.tokens:
            of_event = token.lower_ == "of" and token.head.lemma_.lower() in OCCASION_NOUNS
            if token.lower_ in ("from", "by") or of_event:
                for mention in (body_in(sentence, c, COMPANY_TYPES) for c in token.children if c.dep_ == "pobj"):
                    body = ctx.entity(mention) if mention is not None else None
                    if body is not None and body is not ctx.main:
                        return body
    return None


LEAD_SENTENCES = 5  # a headline, a subtitle, a dateline and the lead
OCCASION_NOUNS = ("anniversary", "edition", "convention", "conference", "ceremony", "gala", "congress", "summit")


def award_host(ctx):
    """The one body the release says holds the awards ('Sonami held its annual awards ceremony', 'The
    DENR recognized outstanding companies during its awards night'), for awards whose sentence
    names no conferrer."""
    hosts = {}
    for sentence in ctx.sentences:
        for verb in (t for t in sentence.tokens if t.pos_ == "VERB" and t.lemma_.lower() in HOST_VERBS):
            if not any(t.lower_ in EVENT_NOUNS for t in verb.subtree):
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                entity = ctx.entity_of(sentence, subject)
                if entity is not None and entity is not ctx.main and entity.type in ("organization", "agency"):
                    hosts[id(entity)] = entity
    return next(iter(hosts.values())) if len(hosts) == 1 else None


def _one_award_scheme(ctx) -> bool:
    """Whether the awards the release names are one scheme's (no two unrelated award names)."""
    names = {normalize(m.label) for s in ctx.sentences for m in s.mentions if m.type == "award"}
    words = [w for w in (_award_words(n) for n in names) if w != {"-"}]  # a bare 'award' names no scheme
    return all(a & b for a in words for b in words)


def share_bodies(ctx) -> None:
    """An award's conferring body, once the release states it, is that of every fact of the award
    ('A, B and C are among the recipients of the X Award. With the award, Y recognizes ...')."""
    bodies = {}
    for fact in ctx.facts:
        if fact.kind == "award" and fact.qualifiers.get("awarded_by"):
            bodies.setdefault(fact.object, fact.qualifiers["awarded_by"])
    for fact in ctx.facts:
        if fact.kind == "award" and not fact.qualifiers.get("awarded_by") and fact.object in bodies:
            if bodies[fact.object] != fact.subject:
                fact.qualifiers["awarded_by"] = bodies[fact.object]


def _recipient_tokens(trigger) -> list:
    """The words of an active giving verb that name its recipients ('honoured five suppliers',
    'presented its award to Kofa Ltd')."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")]
    return found + [
        g for c in trigger.children if c.lower_ == "to" and c.dep_ in ("prep", "dative") for g in c.children
    ]


def recipients(ctx, sentence, trigger, passive: bool = False):
    """'presented X with', 'awarded X the prize', 'to X' (of a passive verb, only 'to X': 'X was
    crowned the Company of the Year' names no recipient in its object)."""
    found = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "dative") and not passive:
            found.append(child)
        if child.lower_ in ("to", "upon", "on") and child.dep_ in ("prep", "dative"):  # 'bestowed upon X'
            found += [t for c in child.children if c.dep_ == "pobj" for t in coordinated(c)]
    given = [t for t in found if (m := sentence.mention_at(t)) is not None and m.type == "award"]
    named = [n for t in found if t not in given for n in named_after(sentence, t)]  # 'to three companies: A, B'
    entities = [ctx.entity_of(sentence, t) for t in named]  # 'presented its X Award to Y'
    found = []
    for entity in entities:
        if entity is not None and entity.type in COMPANY_TYPES and entity not in found:
            found.append(entity)
    return found


def _given_to_a_group(sentence, trigger) -> bool:
    """'presented to 19 companies', 'given to winning projects': the recipients are a group that no
    name stands for."""
    recipients = [c for p in trigger.children if p.lower_ in ("to", "upon") for c in p.children if c.dep_ == "pobj"]
    return bool(recipients) and all(
        t.pos_ == "NOUN" and t.tag_ == "NNS" and all(sentence.mention_at(n) is None for n in named_after(sentence, t))
        for t in recipients
    )


def _conferring_awards(ctx, sentence, trigger):
    """'awarded twice by the Gulf CSR Awards': awards named as the agent confer themselves."""
    for agent in (sentence.mention_at(t) for t in agent_tokens(trigger)):
        if agent is not None and agent.type == "award":
            return ctx.entity(agent, "award")
    return None


def conferring_body(ctx, sentence, trigger, awards):
    """'from the Taiwan Ministry of Labor', 'by Exame magazine', 'IACI's Environmental Excellence Award'."""
    candidates = list(agent_tokens(trigger))
    heads = [a.span[-1] for a in awards if a.span[-1] != a.root]
    # "the EPA program's highest honor: the X Award": the noun the award's name is set beside
    described = [a.root.head for a in awards if a.root.dep_ == "appos" and a.root.head.pos_ == "NOUN"]
    for token in [trigger, *[a.root for a in awards], *heads, *described]:
        candidates += _body_words(token, trigger)
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_ in (
                "organise",
                "organize",
                "host",
                "present",
                "give",
                "confer",
                "run",
            ):
                organisers = [  # '..., organised by (the) X magazine'
                    sentence.mention_at(t) for agent in agent_tokens(child) for t in agent.subtree
                ]
                for mention in organisers:
                    if mention is not None and mention.type in COMPANY_TYPES + ("person",):
                        return ctx.entity(mention, "organization")

    clause = clause_span(trigger)
    for token in sentence.tokens:  # 'achieved the Gold award in the annual scheme run by X'
        inside = token.i in clause or token.dep_ == "relcl" and token.head.i in clause  # '..., which is run by X'
        if inside and token != trigger and token.lemma_.lower() in ORGANISER_VERBS:
            if token.dep_ in ("acl", "relcl", "pobj") and any(c.dep_ == "agent" for c in token.children):
                body = organiser_of(ctx, sentence, token)
                if body is not None:
                    return body
    deeper = [  # 'the X award in the large enterprise category from the Y Chamber'
        g
        for t in sentence.tokens
        if t.lower_ in ("from", "by") and t.dep_ in ("prep", "agent") and t.i in clause
        for g in t.children
        if g.dep_ == "pobj"
    ]
    for token in candidates + deeper:
        # 'CommonWealth magazine's ... Award': a name inside the possessor
        mention = body_in(sentence, token, (*COMPANY_TYPES, "award", "index"), awards)
        if mention is not None:
            return ctx.entity(mention, mention.type)
    return _announcer(ctx, sentence, trigger)


def _body_words(token, trigger) -> list:
    """The words below TOKEN that may name the conferring body: 'from / by X', 'X's award', 'named
    ... in Exame magazine's Guide' (the guide's publisher), 'at the CII's GreenCo Summit' (its host)."""
    found = []
    for child in token.children:
        if child.lower_ in ("from", "by") and child.dep_ in ("prep", "agent"):
            found += [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ == "in" and child.dep_ == "prep" and token == trigger:
            found += [c for c in child.children if c.dep_ == "pobj" and c.text[:1].isupper()]
        if child.dep_ == "poss":
            found.append(child)
        if child.lower_ == "at":
            occasions = [c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in OCCASION_NOUNS]
            found += [p for o in occasions for p in o.children if p.dep_ == "poss"]
    return found


def _announcer(ctx, sentence, trigger):
    """'The X Council announced that Y is one of six organisations to win ...': a body other than
    the release's company that announces the win confers it."""
    for verb in trigger.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ANNOUNCING_VERBS:
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                body = ctx.entity_of(sentence, subject)
                if body is not None and body is not ctx.main and body.type in ("organization", "agency"):
                    return body
    return None


ANNOUNCING_VERBS = ("announce", "reveal", "unveil")


def award_levels(sentence, trigger, award) -> list[str]:
    """Categories ('the Financial Services category'), each with the medal or tier the clause gives
    it ('took Gold in the Maritime category': "Gold, Maritime"); else a tier in the award's own name
    ('the Sustainability Report Gold Award') or a medal or tier next to it ('took Gold')."""
    listed = _listed_prizes(sentence.doc)
    if len(listed) > 1:
        return listed
    own = _own_clause(sentence, trigger)
    categories = _categories(sentence.doc, own)
    tier = _tier(sentence, award, own) or next(iter(_prize_taken(trigger, award)), None)
    if categories:
        return [f"{tier}, {category}" if tier and tier != category else category for category in categories]
    return [tier] if tier else _bracketed_category(sentence.doc, award) or _titled_winner(sentence, own)


TAKEN_PRIZE_NOUNS = ("commendation", "citation", "mention", "prize", "trophy", "plaque", "medal")


def _prize_taken(trigger, award) -> list[str]:
    """"received the Prime Minister's commendation at the X Awards": the prize the verb takes, at
    the awards named, is the level."""
    if not _at_venue(award.root) and not _at_venue(award.span[-1]):
        return []  # the parser may hang an adjective of the name ('Sustainable') outside it
    for prize in (c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in TAKEN_PRIZE_NOUNS):
        words = [t for t in prize.subtree if t.i <= prize.i and t.dep_ != "det"]
        return [trigger.doc[words[0].i : prize.i + 1].text]
    return []


def _bracketed_category(doc, award) -> list[str]:
    """"'Most Outstanding Company in Gender Inclusion' (Extractive Industry)": capitalised words in
    brackets right after the award's name (not an acronym, nor a year) are its category."""
    end = award.span.end + (award.span.end < len(doc) and doc[award.span.end].text in CLOSING_QUOTES)
    close = next((t.i for t in doc[end + 1 : end + 7] if t.text == ")"), None) if end < len(doc) else None
    if close is None or doc[end].text != "(":
        return []
    words = doc[end + 1 : close]
    if len(words) == 1 and (words[0].is_upper or words[0].like_num):
        return []
    return [words.text] if all(t.is_title or t.lower_ in ("and", "&", "of") for t in words) else []


def _titled_winner(sentence, own) -> list[str]:
    """'named the overall Supreme winner of the X Awards': the title the winner noun carries."""
    for token in sentence.doc:
        if token.lower_ == "winner" and token.pos_ in ("NOUN", "PROPN") and (own is None or token.i in own):
            titles = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
            if titles:  # 'the 2023 National Winner': as written
                return [" ".join(t.text for t in titles) + " " + token.text]
    return []


PRIZE_NOUNS = ("award", "prize", "medal", "trophy")
AWARD_HEADS = ("Award", "Awards", "Prize", "Prizes")


def _listed_prizes(doc) -> list[str]:
    """'won two awards at the X Awards: the Gold award in the Y category and the Silver award for
    Best Z': one level per listed prize, its tier with its category or title."""
    colon = next((t.i for t in doc if t.text == ":"), None)
    prizes = [
        t.i
        for t in (doc[colon + 1 :] if colon is not None else [])
        if t.lower_ in PRIZE_NOUNS and doc[t.i - 1].text in LEVEL_WORDS
    ]
    levels = []
    ends = [p - 1 for p in prizes[1:]] + [len(doc)] if prizes else []
    for i, end in zip(prizes, ends, strict=True):
        segment = doc[i:end]  # this prize up to the next one's tier
        detail = _categories(segment) or [
            " ".join(t.text for t in doc[p.i + 1 : min(p.right_edge.i + 1, end)] if t.pos_ != "DET")
            for p in doc[i].children
            if p.lower_ == "for" and p.dep_ == "prep"
        ]
        tier = doc[i - 1].text
        levels.append(f"{tier}, {detail[0]}" if detail and detail[0] else tier)
    return levels


def _categories(doc, within: set[int] | None = None) -> list[str]:
    """'the Financial Services category', 'the Innovation and Diversity categories' (two), 'the
    environmental category', "the category 'Water'", 'in the category of international
    contributions', in DOC (a Doc or a Span)."""
    found = []
    for token in doc:
        if within is not None and token.i not in within:
            continue  # another win's clause
        if token.tag_ == "NNS" and token.lemma_.lower() == "category" and _listed_categories(token):
            found += _listed_categories(token)
            continue
        if token.lemma_.lower() == "category" and token.i + 1 < len(token.doc):
            after = _category_after(token)
            if after:
                found.append(after)
                continue
        if token.lemma_.lower() == "category" and token.i > 0:
            words = [  # 'the Financial Services category', 'the food and drink category'
                t
                for t in token.doc[token.left_edge.i : token.i]
                if t.pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ") or t.text == "&"
            ]
            words = [t for t in words if t.lower_ not in CATEGORY_NOT_NAMES]
            name = " ".join(t.text for t in words).strip(" &").removesuffix(" and").strip()
            name = "" if name in ("and", "or") else name
            parts = name.split(" and ") if " and " in name and token.tag_ == "NNS" else [name]
            found += [part for part in parts if part]
    return found


CATEGORY_NOT_NAMES = ("same", "other", "new", "main", "annual", "this", "each", "every", "overall", "several")


def _listed_categories(token) -> list[str]:
    """'in two categories: Renewable Energy & Energy Efficiency; and Water, Waste & Resource
    Management': the names listed after the colon (split at semicolons when there are any)."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ":":
        return []
    end = next((t.i for t in doc[token.i + 2 :] if t.text == "." and t.i == len(doc) - 1), len(doc))
    text = doc[token.i + 2 : end].text
    parts = re.split(r"\s*;\s*(?:and\s+)?", text) if ";" in text else re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text)
    names = [p.strip(" .") for p in parts if p.strip(" .")]
    return names if len(names) > 1 and all(n[:1].isupper() and len(n.split()) <= 8 for n in names) else []


def _category_after(token) -> str | None:
    """The name a category noun is followed by: "the category 'Water'", 'the category of
    international contributions'."""
    doc = token.doc
    nxt = doc[token.i + 1]
    if nxt.lower_ == "of" and token.i + 2 < len(doc) and doc[token.i + 2].text in QUOTES:
        nxt = doc[token.i + 2]  # "the category of ‘Solar Program of the Year’"
    if nxt.text in QUOTES:
        title = quoted_title(doc, nxt.i)
        return title.text if title is not None else None
    if nxt.lower_ == "of" and nxt.dep_ == "prep":
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        if objects:
            phrase = doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
            if any(t.like_num or t.text in AWARD_HEADS for t in phrase):
                return None  # 'the Maritime category of the 2023 X Awards': the awards, no category name
            words = [t.text for t in phrase if t.pos_ != "DET"]
            return " ".join(words) or None
    return None


def _own_clause(sentence, trigger):
    """TRIGGER's own clause (token indices), when another win of the sentence has a clause of its own ('was
    named the overall winner of the X Awards and also won the award in the Y category'); else None."""
    clause = clause_span(trigger)
    others = [
        span.root
        for _r, span in patterns("award").matches(sentence.doc, "trigger")
        if span.root != trigger and span.root.i not in clause and span.root.pos_ == "VERB"
    ]
    return clause if others else None


def _tier(sentence, award, own=None) -> str | None:
    """'a Silver award', 'the Platinum level', 'Gold Medal' in the award's name, or 'took Gold' (in
    OWN, the trigger's own clause, where the sentence has two)."""
    doc = sentence.doc
    for mention in sentence.mentions:  # 'won the Gold Award at the Z Awards'
        if mention.span != award.span and _tier_award(mention) and (own is None or mention.span.start in own):
            return mention.label.split()[0]
    for token in sentence.tokens if own is None else [t for t in sentence.tokens if t.i in own]:
        if (
            token.text in ("award", "title", "level", "status", "distinction", "honor", "honour", "prize")
            and token.i > 0
            and doc[token.i - 1].text[:1].isupper()
            and not award.covers(token)
            and not award.covers(doc[token.i - 1])  # 'the Airline of the Year title': the award's own name
        ):
            words = [t.text for t in doc[token.left_edge.i : token.i] if t.text[:1].isupper() and t.pos_ != "DET"]
            if words:
                return " ".join(words)
    for _row, span in patterns("award").matches(doc, "level"):
        if own is not None and not all(i in own for i in range(span.start, span.end)):
            continue
        inside = award.span.start <= span.start and span.end <= award.span.end
        if inside and award.span[-1].text == "Awards":
            continue  # 'the Grocer Gold Awards': a ceremony's name, no tier
        first = next((t.i for t in award.span if t.pos_ != "DET" and not t.like_num), award.span.start)
        head = next((t for t in reversed(award.span) if not t.like_num), award.span[-1])
        if inside and len(span) == 1 and span.start == first and head.text in AWARD_HEADS:
            continue  # 'the Silver Heron Award': the first word of a name, no tier
        if inside and span.end < award.span.end or inside and len(award.span) > len(span):
            return doc[span.start : min(span.end + 1, award.span.end)].text if len(span) == 1 else span.text
        if not inside and not any(
            m.span.start <= span.start < m.span.end for m in sentence.mentions
        ):  # 'Kestrel Gold Mine': a name's word, no tier
            return span.text
    return None
