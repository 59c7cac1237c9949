"""located_in: the dateline's place for the release's organization ('Kaohsiung, Taiwan. November
18, 2021.'), 'X is headquartered / based in Y', 'Y-based X', and an agency named with its country
('the Taiwan Ministry of Labor')."""

from __future__ import annotations

from ..clauses import is_negated, patterns
from ..document import COMPANY_TYPES, DocContext, ParsedSentence
from ..entities import Mention, clean_name
from ..language import has_company_suffix, language_data, self_reference_words, site_nouns
from ..lexicon import normalize
from .triggers import governed

OPERATING_VERBS = {"operate", "run", "own", "have", "open", "manage", "build"}
HOLDING_VERBS = {"include", "hold", "achieve", "obtain", "receive", "earn", "gain", "maintain"}  # ... at its sites
PLACING_PARTICIPLES = {"locate", "base", "situate", "spread"}  # 'its offices located in A, B and C'
DATELINE_MARKS = {"–", "—", "-", "--", ":", "(", "[", "/"}


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    if ctx.meta.dateline_span and ctx.main and sentence.start <= ctx.meta.dateline_span[0] < sentence.sentence.end:
        author = _dateline_author(ctx, sentence) or ctx.main
        ctx.add("located_in", sentence, author, ctx.entities.resolve(ctx.meta.place, "place"))
    elif ctx.main and sentence.sentence.index < 6:
        place = dateline_place(sentence)
        if place:
            ctx.add("located_in", sentence, ctx.main, ctx.entity(place, "place"))
    _nationality(ctx, sentence)
    _seats(ctx, sentence)
    _where_clauses(ctx, sentence)
    _labelled_seat(ctx, sentence)
    _sites(ctx, sentence)
    _only_one_in(ctx, sentence)
    _possessive_places(ctx, sentence)
    _place_after_name(ctx, sentence)
    _named_in_place(ctx, sentence)
    for mention in sentence.mentions:
        if mention.type == "agency":
            before = (
                sentence.mention_at(sentence.doc[mention.span.start - 2])
                if mention.span.start > 1 and sentence.doc[mention.span.start - 1].lower_ in ("'s", "’s")
                else None
            )
            place = (
                before.label
                if before is not None and before.type == "place"
                else _leading_place(ctx, clean_name(mention.text))
            )
            if place:
                ctx.add("located_in", sentence, ctx.entity(mention, "agency"), ctx.entities.resolve(place, "place"))


NAME_PLACE_FOLLOWERS = (",", "for", "and", ".", "with", "which", "that")


def _place_after_name(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Korvel Steel Ltd, Pune received the award', 'went to IIFL Home Finance Ltd, Gurgaon for its
    initiative': a place right after a company's full name and a comma is where it is."""
    doc = sentence.doc
    by_start = {m.span.start: m for m in sentence.mentions}
    for mention in sentence.mentions:
        place = by_start.get(mention.span.end + 1)
        if (
            mention.type != "company"
            or not has_company_suffix(mention.label)
            or mention.span.end >= len(doc)
            or doc[mention.span.end].text != ","
            or place is None
            or place.type != "place"
        ):
            continue
        after = doc[place.span.end] if place.span.end < len(doc) else None
        if after is None or after.lower_ in NAME_PLACE_FOLLOWERS or after.pos_ in ("VERB", "AUX"):
            ctx.add("located_in", sentence, ctx.entity(mention), ctx.entity(place, "place"))


PLACE_KIND_NOUNS = ("state", "city", "district", "province", "region", "county", "municipality", "town")


def _named_in_place(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Cagayan de Oro port in Misamis Oriental received ...', 'the Coimbatore Junction railway
    station in the state of Tamil Nadu', 'FNSF, a coffee farm in Brazil': a named site or company
    as the clause's subject, with 'in <place>' on its own name (or on the site noun it names, or its
    apposition), is there; a continent or region is only where it works."""
    nouns = site_nouns()
    for mention in sentence.mentions:
        if mention.type not in ("company", "facility", "site", "program") or (
            mention.type == "program" and mention.root.lemma_.lower() not in nouns
        ):
            continue  # a program only when a site names it ('the Korvel Junction railway station')
        anchors = [mention.root]
        if mention.root.dep_ == "compound" and mention.root.head.lemma_.lower() in nouns:
            anchors.append(mention.root.head)  # 'the Coimbatore Junction railway station in X'
        if anchors[-1].dep_ not in ("nsubj", "nsubjpass"):
            continue  # the clause's subject only: not 'at the Grand Hotel in Taipei', 'to make Vestas in Asia ...'
        anchors += [c for a in anchors for c in a.children if c.dep_ == "appos" and c.lemma_.lower() in nouns]
        for prep in (c for a in anchors for c in a.children if c.dep_ == "prep" and c.lower_ == "in"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if pobj.lemma_.lower() in PLACE_KIND_NOUNS:  # 'in the state of Tamil Nadu'
                    pobj = next((g for c in pobj.children if c.lower_ == "of" for g in c.children), pobj)
                place = sentence.mention_at(pobj)
                regional = place is not None and ctx.lexicon.place_types.get(place.label) == "world_region"
                if place is not None and place.type == "place" and not regional:
                    ctx.add("located_in", sentence, ctx.entity(mention), ctx.entity(place, "place"))


def _seats(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'X is headquartered / based in Y', 'Y-based X', 'X's Y-based unit'."""
    for row, span in patterns("located_in").matches(sentence.doc, "trigger"):
        trigger = span.root
        if "on_nouns" in row and trigger.head.lemma_.lower() not in row["on_nouns"]:
            continue  # 'a drug developed in Germany' says nothing of where a company is
        if is_negated(trigger) or trigger.lower_ == "based" and any(c.lower_ == "on" for c in trigger.children):
            continue  # 'recognizes companies based on their performance'
        places = governed(sentence, trigger, ("place",))
        if trigger.lower_.endswith(("-based", "-headquartered")):
            places = [m for m in sentence.mentions if m.type == "place" and m.span.end == trigger.i + 1] or places
        elif trigger.dep_ == "amod" or trigger.text in ("based", "headquartered"):
            places = [m for m in places if m.span.start >= trigger.i - 3] or places
        places = [p for p in places or _unknown_place(sentence, trigger) if not _address(p)]
        if not places:
            continue
        owner = _seat_owner(ctx, sentence, trigger)
        if owner == [None]:
            continue
        described = _site_before_of(trigger.head) if trigger.dep_ == "acl" else trigger.head
        named = _facility(ctx, sentence, described) or ctx.entity_of(sentence, described)
        subjects = (
            [named or _apposed(ctx, sentence, described)]
            if trigger.dep_ in ("amod", "acl")
            else owner or ctx.subjects(sentence, trigger)
        )
        if not any(subjects) and (_described_other(sentence, trigger.head) or _named_after(sentence, trigger.head)):
            continue  # 'MSCI Inc. is an American financial services provider based in New York'
        if not any(subjects) and trigger.dep_ in ("amod", "acl") and _a_thing(trigger.head):
            continue  # 'a partnership with a tree programme based in Kenya': the programme's place
        if not any(subjects) and trigger.dep_ == "acl" and trigger.head.tag_ == "NNS":
            continue  # 'the best 20 percent of companies headquartered in Europe': any such companies
        subjects = [s for s in subjects if s is not None] or ([ctx.main] if ctx.main else [])
        for subject in subjects:
            if subject.type in (*COMPANY_TYPES, "program"):
                ctx.add("located_in", sentence, subject, ctx.entity(places[0], "place"))


def _site_before_of(noun):
    """'Kesto Mine of the company, located in X': the parse hangs 'located' on the owner after 'of';
    where it is, is the site's."""
    site = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return site if site is not None and site.lemma_.lower() in site_nouns() else noun


def _apposed(ctx: DocContext, sentence: ParsedSentence, noun):
    """'CEO of Millennium Destinations, a Seoul-based organization': the name the described noun
    is in apposition to."""
    named = sentence.mention_at(noun.head) if noun.dep_ == "appos" else None
    if named is None or named.type not in (*COMPANY_TYPES, "facility"):
        return None
    return ctx.entity(named, "company" if noun.lemma_.lower() in BODY_NOUNS else None)


BODY_NOUNS = ("organization", "organisation", "company", "firm", "group", "agency", "association", "body")


def _a_thing(noun) -> bool:
    """'a tree programme', 'the fund': a common noun that names no organization (as 'the company',
    'a bank', 'the insurer' do) and no site."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and lemma not in self_reference_words()[1] and lemma not in site_nouns()


def _named_after(sentence: ParsedSentence, noun) -> bool:
    """'the Paris-based ratings platform, EcoVadis': the seat is that of the name in apposition, which
    is no company of the release's when the step before found none."""
    return any(c.dep_ == "appos" and sentence.mention_at(c) is not None for c in noun.children)


def _described_other(sentence: ParsedSentence, noun) -> bool:
    """'MSCI Inc. is a provider based in New York': the noun a seat is said of describes the copula's
    subject, a name of another kind than a company (a rater, an index, an award)."""
    if noun.dep_ != "attr":
        return False
    named = [sentence.mention_at(t) for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree]
    return any(m is not None and m.type not in COMPANY_TYPES for m in named)  # 'MSCI Inc.': MSCI


def _facility(ctx: DocContext, sentence: ParsedSentence, token):
    """'its Tallis solar farm, located in Queensland': a named facility is where it is, not its owner."""
    mention = sentence.mention_at(token)
    return ctx.entity(mention) if mention is not None and mention.type == "program" else None


def _possessive_places(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Norway's Halvik Energy ASA': the place whose company it is; 'named Kenya's Bank of the Year':
    the place whose title the company won."""
    for mention in sentence.mentions:
        if mention.type != "place" or mention.root.dep_ != "poss":
            continue
        owned = sentence.mention_at(mention.root.head)
        won = [  # 'X was named Kenya's Best Corporate Citizen': the title X won there
            f
            for f in ctx.facts_of(sentence)
            if f.kind == "award" and owned and normalize(f.object) == normalize(owned.label)
        ]
        for fact in won:
            winner = ctx.entities.resolve(fact.subject, fact.subject_type)
            ctx.add("located_in", sentence, winner, ctx.entity(mention, "place"))
        if not won and owned is not None and owned.type == "company" and owned is not mention:
            ctx.add("located_in", sentence, ctx.entity(owned), ctx.entity(mention, "place"))


def _labelled_seat(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Nakamura Denki Co., Ltd. (Head Office: Osaka; President: ...)': the place after the label
    is the seat of the company named last before it."""
    doc = sentence.doc
    for _row, span in patterns("located_in").matches(doc, "labelled_seat"):
        place = sentence.mention_at(doc[span.end]) if span.end < len(doc) else None
        if place is None or place.type != "place":
            continue
        owners = [m for m in sentence.mentions if m.type == "company" and m.span.end <= span.start]
        owner = ctx.entity(owners[-1]) if owners else ctx.main
        if owner is not None:
            ctx.add("located_in", sentence, owner, ctx.entity(place, "place"))


def _address(place: Mention) -> bool:
    """'located at 202 Halls Mill Road': a street address, no place a company is based in."""
    numbered = any(c.like_num for c in place.root.children) or place.span.start > 0 and place.span.doc[
        place.span.start - 1
    ].like_num
    return numbered or place.label.split()[-1] in language_data()["street_words"]


def _unknown_place(sentence: ParsedSentence, trigger) -> list[Mention]:
    """A proper noun NER did not tag where a place must be: 'based in Stavanger', 'the
    Stavanger-headquartered company' (token before the hyphen)."""
    doc = sentence.doc
    if trigger.i > 1 and doc[trigger.i - 1].text == "-" and doc[trigger.i - 2].pos_ == "PROPN":
        name, typed = doc[trigger.i - 2], sentence.mention_at(doc[trigger.i - 2])
        if typed is None or typed.type in ("person", "company") and len(typed.span) == 1:
            return [Mention(doc[name.i : name.i + 1], "place", name.text)]  # NER's guesses aside
        return []
    for prep in (c for c in trigger.children if c.lower_ == "in" and c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
            start = min([c.i for c in pobj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"], default=pobj.i)
            if not any(sentence.mention_at(t) for t in doc[start : pobj.i + 1]):
                return [Mention(doc[start : pobj.i + 1], "place", doc[start : pobj.i + 1].text)]
    return []


def _only_one_in(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'X is the only company in Turkey which ...', 'became the first bank in the UAE to join': the
    subject is one of the organizations in that place."""
    nouns = self_reference_words()[1] | {"company", "companies"}
    for token in sentence.tokens:
        counted = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one"
        if counted and token.head.head.dep_ == "attr":  # 'X is one of just 40 companies in Ghana that ...'
            attr = token.head.head
        else:
            attr = token
        if attr.dep_ != "attr" or token.lemma_.lower() not in nouns or is_negated(attr.head):
            continue
        places = [
            m
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for m in (sentence.mention_at(p) for p in prep.children if p.dep_ == "pobj")
            if m is not None and m.type == "place" and ctx.lexicon.place_types.get(m.label) != "world_region"
        ]  # 'the first bank in Africa to publish ...' ranks it in a continent, says not where it is
        for subject in ctx.subjects(sentence, attr.head) if places else []:
            if subject.type in COMPANY_TYPES:
                ctx.add("located_in", sentence, subject, ctx.entity(places[0], "place"))


def _where_clauses(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'the Lumen Valley region, where Holvia operates': a place that a relative clause opened by
    'where' says the organization operates or is based in."""
    verbs = {span[-1] for _, span in patterns("located_in").matches(sentence.doc, "where")}
    for verb in sorted(verbs, key=lambda t: t.i):
        if verb.dep_ != "relcl" or is_negated(verb):
            continue
        # the antecedent, or the name that modifies it ('the Lumen Valley area, where')
        place = next(
            (
                m
                for m in (sentence.mention_at(t) for t in (verb.head, *verb.head.lefts))
                if m is not None and m.type == "place"
            ),
            None,
        )
        if place is None:
            continue
        for subject in ctx.subjects(sentence, verb):
            if subject.type in COMPANY_TYPES:
                ctx.add("located_in", sentence, subject, ctx.entity(place, "place"))


def _sites(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Brackwell Rubber Ltd.'s plants in Scotland and Ireland', 'Brackwell operates mills in
    Chile and Peru': where a company's sites are."""
    nouns = site_nouns()
    for token in sentence.tokens:
        if token.lemma_.lower() not in nouns or token.pos_ != "NOUN":
            continue
        owner = _site_owner(ctx, sentence, token)
        if owner is None or owner.type not in COMPANY_TYPES:
            continue
        where = [token, token.head] if token.dep_ == "nsubj" and token.head.lemma_ == "be" else [token]
        named = any(c.pos_ == "PROPN" and c.dep_ != "poss" for c in token.lefts)
        if sentence.mention_at(token) is None and not named:  # a named site is where it is, not its owner
            where += [c for c in token.children if c.dep_ == "acl" and c.lemma_ in PLACING_PARTICIPLES]
        for prep in (c for t in where for c in t.children if c.lower_ in ("in", "across", "at") and c.dep_ == "prep"):
            for pobj in _place_objects(prep):
                # 'plants in Brazil and Chile', which the parser may coordinate with 'plants'
                misparsed = [c for c in prep.head.children if c.dep_ == "conj" and c.i > pobj.i]
                for place_token in (pobj, *pobj.conjuncts, *misparsed):
                    place = sentence.mention_at(place_token)
                    if place is not None and place.type == "place":
                        ctx.add("located_in", sentence, owner, ctx.entity(place, "place"))


def _site_owner(ctx: DocContext, sentence: ParsedSentence, token):
    """Whose site noun TOKEN is: its possessor, 'its/our', the release's own ('The shop in Corrow'),
    a company compound ('a Brackwell Co. factory in X'), the company whose 'portfolio, which includes
    sites in X' it is, or the subject that operates it or holds something at it."""
    owner = next((ctx.entity_of(sentence, c) for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts):
        return ctx.site(sentence, token) or owner  # 'Halvor Mining's Kesto mine in Finland': the mine is there
    if owner is not None:
        return owner
    if any(c.lower_ in ("its", "our", "their") for c in token.children):
        return ctx.main
    if token.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "the" for c in token.children):
        return ctx.main  # 'The shop in Corrow also achieved ...': the release's own site
    if any(c.lower_ == "whose" for c in token.children) and token.head.dep_ == "relcl":
        return ctx.entity_of(sentence, token.head.head)  # 'the insurer, whose offices are in X'
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        return ctx.entity_of(sentence, token.head.head)  # 'the operator, with operations in X'
    compound = [m for c in token.lefts if c.dep_ == "compound" and (m := sentence.mention_at(c)) is not None]
    if any(m.type == "company" for m in compound):
        return ctx.entity(next(m for m in compound if m.type == "company"))
    if compound:
        return None  # 'the United Nations headquarters in Geneva' is another body's
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "at":  # 'X has certification at plants in Y'
        verb = verb.head.head if verb.head.dep_ == "dobj" else verb.head
    elif token.dep_ != "dobj":
        return None
    if verb.lemma_ not in OPERATING_VERBS | HOLDING_VERBS or is_negated(verb):
        return None
    if verb.dep_ == "relcl":  # 'its European portfolio, which includes sites in X'
        return _site_owner_of_noun(ctx, sentence, verb.head)
    return next(iter(ctx.subjects(sentence, verb)), None) if verb.pos_ in ("VERB", "AUX") else None


def _site_owner_of_noun(ctx: DocContext, sentence: ParsedSentence, noun):
    owner = next((ctx.entity_of(sentence, c) for c in noun.children if c.dep_ == "poss"), None)
    return owner or ctx.entity_of(sentence, noun)


def _place_objects(prep):
    """The objects of 'in X' (and of 'at 200 Park Street in Boston': an address's own 'in')."""
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        if prep.lower_ != "at":
            yield pobj
        for inner in (c for c in pobj.children if c.lower_ == "in" and c.dep_ == "prep"):
            yield from (g for g in inner.children if g.dep_ == "pobj")


def _dateline_author(ctx, sentence):
    """'OTTAWA, Dec. 16 – The Mining Association of Canada has recognized eight facilities ...': the
    body that acts in the dateline's sentence sent the release from there, not the companies it names."""
    position = ctx.sentences.index(sentence)
    lead = [sentence] if any(t.pos_ == "VERB" for t in sentence.tokens) else ctx.sentences[position : position + 2]
    for each in lead:  # the dateline's own sentence, or the lead the segmenter split from it
        for token in each.tokens:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
                named = each.mention_at(token)
                if named is not None and named.span.start > 0 and token.doc[named.span.start - 1].text == "/":
                    continue  # 'Seoul, September 7, 2017/Korea IT Times – X announced': the news source
                body = ctx.entity_of(each, token)
                if body is not None and body.type in COMPANY_TYPES and body is not ctx.main:
                    return body
    return None


def _seat_owner(ctx, sentence, trigger) -> list:
    """'the United Nations headquarters in New York', 'Acme's head office in Lyon': the seat is its
    owner's, named before the seat noun (a company's; [None] for a body's, which the release does not report on)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    owners = [ctx.entity_of(sentence, c) for c in trigger.children if c.dep_ in ("compound", "poss")]
    owners = [o for o in owners if o is not None and o.type != "place"]
    return [o if o.type == "company" or o is ctx.main else None for o in owners[:1]]


def dateline_place(sentence: ParsedSentence):
    """'JAKARTA – ...', 'KUALA LUMPUR, Jan 3 — ...', 'Dubai [UAE], July 5 (ANI/WAM): ...': a place
    at the start of a lead sentence, followed by a dash, a colon, a bracket or a date, or a place
    that is the release's first line."""
    doc = sentence.doc
    if sentence.sentence.index <= 1 and len(doc) == 2 and doc[0].pos_ == "PROPN" and doc[1].text == ".":
        return Mention(doc[0:1], "place", doc[0].text)  # 'Giessen.' on a line of its own before the lead
    for mention in sentence.mentions:
        if mention.type != "place" or mention.span.start > 6:
            continue
        after = doc[mention.span.end : mention.span.end + 3]
        if not len(after):
            continue
        if (
            after[0].text in DATELINE_MARKS
            or after[0].text == ","
            and len(after) > 1
            and (
                after[1].ent_type_ == "DATE"
                or after[1].ent_type_ == "GPE"
                and len(after) > 2
                and after[2].text in DATELINE_MARKS | {","}
            )
        ):
            before = doc[: mention.span.start]
            if all(t.ent_type_ == "DATE" or t.is_punct or t.like_num for t in before):
                return mention
    return None


def _regional(token, country: str) -> bool:
    """'North American', 'Latin American': a capitalised word before the nationality makes it a
    region's, unless the country's name opens with it ('South Korean')."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.is_title and before.ent_type_ == token.ent_type_ != "" and not (
        country.startswith(before.text + " ")
    )


def _nationality(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'The Mexican low-cost airline Volaris', 'one of Taiwan's biggest companies, TSMC': a
    nationality or country that modifies the noun naming the release's organization."""
    if ctx.main is None:
        return
    demonyms = language_data()["demonyms"]
    for token in sentence.tokens:
        country = demonyms.get(token.text)
        if token.ent_type_ == "GPE" and token.dep_ in ("poss", "compound") and token.text in ctx.lexicon.place_types:
            country = token.text
        named = sentence.mention_at(token)
        if (
            not country
            or _regional(token, country)
            or token.dep_ not in ("amod", "compound", "poss", "nmod")
            or named is not None
            and named.type == "company"
            and named.label.startswith(token.text + " ")
        ):
            continue  # 'Thai' in 'Thai Corvane Group PCL' is part of a name
        noun = token.head
        modified = sentence.mention_at(noun)
        if (
            modified is not None
            and modified.type == "company"
            and not modified.covers(token)
            and (modified.span.label_ == "ORG" or ctx.entity(modified) is ctx.main)  # no 'Malaysian Palm Oil'
        ):
            ctx.add("located_in", sentence, ctx.entity(modified), ctx.entities.resolve(country, "place"))
            continue  # 'Finnish airline Finnair': the nationality of the name it modifies
        if _describes_main(ctx, sentence, noun):
            ctx.add("located_in", sentence, ctx.main, ctx.entities.resolve(country, "place"))
            continue
        if noun.lemma_.lower() not in self_reference_words()[1] and noun.lemma_.lower() not in ("company", "companies"):
            continue
        named_by = [c for c in noun.children if c.dep_ == "appos"] + ([noun.head] if noun.dep_ == "compound" else [])
        apposed = [m for c in named_by if (m := sentence.mention_at(c)) is not None]
        # 'the Danish group Kestrel Holdings', 'by Romanian company Forte Tessia': that company's country
        if apposed and apposed[0].type == "company":
            ctx.add("located_in", sentence, ctx.entity(apposed[0]), ctx.entities.resolve(country, "place"))
            continue
        named = [ctx.entity_of(sentence, t) for t in (noun, *noun.children, noun.head) if t != token]
        if any(e is ctx.main for e in named) or _said_of_main(ctx, sentence, noun):
            ctx.add("located_in", sentence, ctx.main, ctx.entities.resolve(country, "place"))
    _country_of_main(ctx, sentence)


def _describes_main(ctx: DocContext, sentence: ParsedSentence, noun) -> bool:
    """'Helvar is a Swedish steelmaker', 'Tamaro Bank, Ecuador's largest lender,': a noun said of the
    release's organization, by a copula or an apposition."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return bool(subjects) and ctx.entity_of(sentence, subjects[0]) is ctx.main
    if noun.dep_ == "appos" and ctx.entity_of(sentence, noun.head) is ctx.main:
        return True
    return any(c.dep_ == "appos" and ctx.entity_of(sentence, c) is ctx.main for c in noun.children)


def _country_of_main(ctx: DocContext, sentence: ParsedSentence) -> None:
    """'Velora Airlines, the national carrier of Peru,', 'Meliá, the leading hotel company in Spain,',
    'Tamaro Bank, Ecuador's largest lender,', 'X is the only company from India': a country after
    'of' or 'from' (or 'in' after a ranking word), or owning the noun, said of the release's
    organization."""
    for mention in sentence.mentions:
        prep = mention.root.head
        if mention.type != "place" or ctx.lexicon.place_types.get(mention.label) != "country":
            continue
        ranked_in = prep.lower_ == "in" and _ranked(prep.head)  # 'Meliá, the leading hotel company in Spain'
        said_of_main = mention.root.dep_ == "pobj" and _describes_main(ctx, sentence, prep.head)
        # 'Korvel Bank, the UAE's largest bank,': the country whose noun it is
        owned_by_country = mention.root.dep_ == "poss" and _describes_main(ctx, sentence, prep)
        if said_of_main and (prep.lower_ in ("of", "from") or ranked_in) or owned_by_country:
            ctx.add("located_in", sentence, ctx.main, ctx.entity(mention, "place"))


RANKING_ADJECTIVES = {"leading", "first", "only", "top", "largest", "biggest", "oldest", "main"}


def _ranked(noun) -> bool:
    """'the leading hotel company', 'the largest bank': a noun that ranks its holder in a country."""
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RANKING_ADJECTIVES) for c in noun.children)


def _said_of_main(ctx: DocContext, sentence: ParsedSentence, noun) -> bool:
    """'the Mexican airline' as the subject, or 'it is amongst only five Indian companies': a
    clause above the noun whose subject is the release's organization."""
    if noun.dep_ == "nsubj" and any(c.lower_ == "the" for c in noun.children) and noun.tag_ == "NN":
        return True
    token = noun
    for _ in range(4):
        token = token.head
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c != noun]
        if subjects:
            return ctx.entity_of(sentence, subjects[0]) is ctx.main
        if token.head == token:
            break
    return False


def _leading_place(ctx, label: str) -> str | None:
    """The country or place an agency's name begins with ('Taiwan Ministry of Labor', 'Norwegian
    Environment Agency' -> Norway)."""
    words = label.split()
    demonyms = language_data()["demonyms"]
    for n in (3, 2, 1):
        lead = " ".join(words[:n])
        if len(words) > n and (lead in ctx.lexicon.place_types or lead in demonyms):
            return demonyms.get(lead, lead)
    return None


def drop_bystander_agencies(ctx: DocContext) -> None:
    """An agency's seat ('the Swedish Energy Agency': Sweden) is worth a fact where the agency takes
    part in one of the release's facts (it confers an award, certifies, is a unit of a ministry), not
    where it is only mentioned ('assisted by the Swedish Government')."""
    involved = {f.qualifiers.get("awarded_by") for f in ctx.facts} | {
        name for f in ctx.facts if f.kind != "located_in" for name in (f.subject, f.object)
    }
    ctx.facts[:] = [
        f for f in ctx.facts if f.kind != "located_in" or f.subject_type != "agency" or f.subject in involved
    ]

