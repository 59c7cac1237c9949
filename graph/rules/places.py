"""located_in: an organization is based in, has sites in, or has jurisdiction over a place."""
from __future__ import annotations

import re

from ..extract import DocContext
from ..mentions import Mention
from ..sentences import Sentence

ORG_TYPES = ("company", "agency", "organization")


def extract(ctx: DocContext, sentence: Sentence) -> None:
    text = sentence.text
    mentions = ctx.mentions(sentence)
    places = [m for m in mentions if m.type == "place"]
    span = ctx.meta.dateline_span
    if span and sentence.start <= span[0] < sentence.end and ctx.main:
        ctx.add("located_in", sentence, ctx.main, ctx.entity(ctx.meta.place, "place"))
    for place in places:
        after = text[place.end:]
        # "Taiwan's Ministry of Labor", "One of Taiwan's biggest companies, TSMC"
        owner = re.match(r"['’]s\s+(?:(?:biggest|largest|leading|top|major|first|own)\s+)?", after)
        if owner:
            target = _mention_at(mentions, place.end + owner.end(), ORG_TYPES)
            if target is None:
                listed = re.match(r"(?:[\w-]+\s+){0,3}(?:companies|firms|corporations|manufacturers|enterprises|groups),\s+", after[owner.end():])
                if listed:
                    target = _mention_at(mentions, place.end + owner.end() + listed.end(), ORG_TYPES + (None,))
            if target is not None:
                _add(ctx, sentence, target.text, place.text)
    # "Taiwan Ministry of Labor", "Ministry of Industry of Thailand": an agency named with its country
    for mention in mentions:
        if mention.type == "agency":
            country, _ = ctx.entities.agency_place(mention.text)
            if country:
                _add(ctx, sentence, mention.text, country)
    # "SPC's manufacturing plants in England and Wales", "headquartered in Hsinchu"
    site_nouns = ctx.lexicon.rules["located_in"]["site_nouns"]
    seat = ctx.lexicon.rule("located_in", "seat_cues")
    for cue in re.finditer(rf"(?:['’]s|\bits|\bour|\btheir)\s+(?:[\w-]+\s+){{0,2}}(?:{site_nouns})\s+(?:in|at|across)\s+", text, re.I):
        for place in _place_list(places, text, cue.end()):
            subject = ctx.subject_for(sentence, before=cue.start() + 1)
            if subject:
                ctx.add("located_in", sentence, subject, ctx.entity(place.text, "place"))
    # "a Michigan-based supplier", "the Taipei-headquartered group"
    for seat_of in re.finditer(ctx.lexicon.rules["located_in"]["seat_adjective"], text):
        if ctx.finder.classify(seat_of.group(1)) in (None, "place"):
            subject = ctx.subject_for(sentence, before=seat_of.start())
            if subject:
                ctx.add("located_in", sentence, subject, ctx.entity(seat_of.group(1), "place"))
    for cue in seat.finditer(text):
        subject = ctx.subject_for(sentence, before=cue.start())
        # "based in Eindhoven": after a seat cue, a name the place list lacks is a place too
        unknown = _mention_at(mentions, cue.end() + 1, (None,))
        named = places if unknown is None else sorted(
            places + [Mention(unknown.start, unknown.end, unknown.text, "place")], key=lambda m: m.start)
        for place in _place_list(named, text, cue.end() + 1):
            if subject:
                ctx.add("located_in", sentence, subject, ctx.entity(place.text, "place"))


def _add(ctx, sentence, org_surface, place_surface):
    organization = ctx.entity(org_surface)
    if organization.type in ORG_TYPES:
        ctx.add("located_in", sentence, organization, ctx.entity(place_surface, "place"))


def _is_country_of(previous, place) -> bool:
    """'Kaohsiung, Taiwan': the country after a comma only says where the city is."""
    from ..lexicon import load_lexicon
    kinds = load_lexicon().place_types
    if previous.text not in kinds:  # "Jurong, Singapore": a town the list lacks, then where it is
        return place.text in kinds
    return kinds.get(place.text) in ("country", "region") and kinds.get(previous.text) in ("city", "region") \
        and kinds.get(previous.text) != kinds.get(place.text)


def _mention_at(mentions, position, types):
    return next((m for m in mentions if abs(m.start - position) <= 1 and m.type in types), None)


def _place_list(places, text, start):
    """Places listed from START on: 'England and Wales', 'Hsinchu, Tainan and Kaohsiung'."""
    position = start
    listed = []
    for place in places:
        if place.start < position - 1:
            continue
        gap = text[position:place.start]
        if listed and not re.fullmatch(r"\s*(?:,|and|&|,\s*and)?\s*(?:the\s+)?", gap):
            break
        if listed and re.fullmatch(r"\s*,\s*(?:the\s+)?", gap) and _is_country_of(listed[-1], place):
            break
        if not listed and not re.fullmatch(r"\s*(?:the\s+)?", gap):
            break
        listed.append(place)
        position = place.end
    return listed
