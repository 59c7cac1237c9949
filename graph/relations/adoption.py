"""standard_adoption: 'reported in accordance with the GRI Standards', 'aligned with TCFD', 'follows
the OECD Guidelines', 'incorporates standards from organizations such as X and Y'. A standard named
as certified in the same sentence is a certification, not an adoption."""

from __future__ import annotations

from ..document import DocContext, ParsedSentence
from .triggers import triggered

ADOPTABLE = ("standard", "organization", "initiative", "company")
BODY_PREPOSITIONS = ("from", "of", "by", "set", "issued", "developed", "published")


def extract(ctx: DocContext, sentence: ParsedSentence) -> None:
    certified = {f.object for f in ctx.facts_of(sentence) if f.kind == "certification"}
    for row, trigger, subjects, standards in triggered(ctx, sentence, "standard_adoption", ADOPTABLE):
        nominal = bool(row.get("body"))  # 'standards from X': X is a standard-setting body
        if nominal and not any(c.lower_ in BODY_PREPOSITIONS for c in trigger.children):
            continue  # 'a new standard' states nothing; 'standards from X' does
        for standard in standards:
            if standard.type == "company" and not nominal or standard.type == "initiative":
                continue  # 'standards from X' for a body; an initiative is joined or signed, not applied
            obj = ctx.entity(standard, standard.type)
            if obj.label in certified:
                continue
            for subject in subjects:
                ctx.add("standard_adoption", sentence, subject, obj)
