"""Text -> facts: runs every rule family over every sentence of a release.

The rule families live in graph/rules/, one module per fact kind; this module holds what they
share: the document context (release date, the release's own company, resolved entities), the one
fact builder, and the clean-up after all rules ran (merging repeats, inferred years).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document_meta import DocumentMeta, read_meta
from .facts import Fact
from .lexicon import Lexicon, load_lexicon, normalize
from .mentions import Mention, MentionFinder
from .read import Release
from .resolve import DocumentEntities, Entity
from .sentences import Sentence, split_sentences

YEAR_RE = re.compile(r"(?<![\d:/.\-])((?:19|20)\d\d)(?![\d%])")


@dataclass
class DocContext:
    """Everything a rule needs to know about the release it reads."""

    release: Release
    sentences: list[Sentence]
    meta: DocumentMeta
    lexicon: Lexicon
    finder: MentionFinder
    entities: DocumentEntities
    facts: list[Fact] = field(default_factory=list)

    @property
    def main(self) -> Entity | None:
        return self.entities.main

    def mentions(self, sentence: Sentence) -> list[Mention]:
        return self.entities.mentions[sentence.index]

    def year_of(self, text: str, *, default_to_release: bool = True) -> int | None:
        """The year a statement is tied to: one written in it (not a 'since' year), else the release year."""
        years = [int(y) for y in YEAR_RE.findall(text) if not re.search(rf"since\s+{y}", text, re.I)]
        if years:
            return years[0]
        return self.meta.year if default_to_release else None

    def subject_for(self, sentence: Sentence, before: int | None = None) -> Entity | None:
        """Who a company fact is about: a company named before the cue, else the release's company."""
        named = []
        for mention in self.mentions(sentence):
            if before is not None and mention.start >= before:
                break
            entity = self.entities.by_surface.get(normalize(mention.text))
            if entity is not None and entity is self.main:
                return self.main
            if entity is not None and entity.type == "company":  # a short form the release defined
                named.append(entity)
            elif mention.type == "company":
                entity = self.entities.resolve(mention.text, "company")
                if entity.type == "company":
                    named.append(entity)
        return named[0] if named else self.main

    def nearest_company(self, sentence: Sentence, before: int) -> Entity | None:
        """The company named last before a position ('X was selected ..., while Y was included in
        Z': Y for Z), or None when no company is named there."""
        found = None
        for mention in self.mentions(sentence):
            if mention.start >= before:
                break
            entity = self.entities.by_surface.get(normalize(mention.text))
            if entity is not None and entity.type == "company":
                found = entity
            elif mention.type == "company":
                found = self.entities.resolve(mention.text, "company")
        return found

    def entity(self, surface: str, type_hint: str | None = None) -> Entity:
        return self.entities.resolve(surface, type_hint)

    def add(self, kind: str, sentence: Sentence, subject: Entity, obj: Entity, **qualifiers) -> Fact | None:
        if subject is None or obj is None or normalize(subject.label) == normalize(obj.label):
            return None
        fact = Fact(
            document=self.release.doc_id, kind=kind, subject=subject.label, object=obj.label,
            evidence=sentence.text, start=sentence.start, end=sentence.end,
            qualifiers={k: v for k, v in qualifiers.items() if v is not None},
            subject_type=subject.type, object_type=obj.type,
            subject_aliases=tuple(sorted(subject.aliases)), object_aliases=tuple(sorted(obj.aliases)))
        self.facts.append(fact)
        return fact

    def last_fact(self, kind: str, within: Sentence, sentences_back: int = 3) -> Fact | None:
        for fact in reversed(self.facts):
            if fact.kind == kind and 0 <= within.start - fact.start and self._sentence_distance(fact, within) <= sentences_back:
                return fact
        return None

    def _sentence_distance(self, fact: Fact, sentence: Sentence) -> int:
        return sum(1 for s in self.sentences if fact.start <= s.start < sentence.start)


def extract(release: Release, lexicon: Lexicon | None = None) -> tuple[DocContext, list[Fact]]:
    """All stated facts of one release (inferred ones are added by the RDF builder)."""
    from .rules import RULE_FAMILIES

    lexicon = lexicon or load_lexicon()
    finder = MentionFinder(lexicon)
    sentences = body_sentences(release.text, lexicon)
    meta = read_meta(release.text)
    ctx = DocContext(release, sentences, meta, lexicon, finder,
                     DocumentEntities(release.text, sentences, finder, lexicon))
    for sentence in sentences:
        for family in RULE_FAMILIES:
            family(ctx, sentence)
    headline = sentences[0] if meta.title and sentences and sentences[0].text == meta.title else None
    facts = merge_repeats(ctx.facts, headline.end if headline else 0)
    if headline:
        facts = drop_headline_restatements(facts, headline)
    return ctx, facts


def body_sentences(text: str, lexicon: Lexicon) -> list[Sentence]:
    """The release's sentences up to trailing page furniture ('Related Posts', 'Media Contact', ...)."""
    marker = re.search(lexicon.rules["end_of_release_markers"], text, re.M | re.I)
    sentences = split_sentences(text)
    return [s for s in sentences if not marker or s.start < marker.start()]


def drop_headline_restatements(facts: list[Fact], headline: Sentence) -> list[Fact]:
    """A headline restates the body in other words ('Distinguished Award' for the award the body
    names): its fact gives way to a body fact of the same kind and subject that does not contradict it."""
    def restated(fact: Fact) -> bool:
        return any(other is not fact and other.start > headline.end and other.kind == fact.kind
                   and other.subject == fact.subject
                   and (other.object == fact.object or fact.kind == "award")
                   and other.qualifiers.get("year") in (None, fact.qualifiers.get("year"))
                   for other in facts)
    return [f for f in facts if f.start >= headline.end or f.kind not in HEADLINE_KINDS or not restated(f)]


HEADLINE_KINDS = {"award", "index_inclusion", "membership", "certification"}


def merge_repeats(facts: list[Fact], headline_end: int = 0) -> list[Fact]:
    """One fact per (kind, subject, object): a release often restates a fact; later mentions only
    fill qualifiers the first one lacked. The body's statement wins over the headline's."""
    merged: dict[tuple, Fact] = {}
    for fact in facts:
        key = (fact.kind, normalize(fact.subject), normalize(fact.object))
        if fact.kind == "metric":
            key += (str(fact.qualifiers.get("value")),)
        first = merged.get(key)
        if first is None:
            merged[key] = fact
        elif first.start < headline_end <= fact.start:
            fact.qualifiers = {**first.qualifiers, **fact.qualifiers}
            merged[key] = fact
        else:
            for name, value in fact.qualifiers.items():
                first.qualifiers.setdefault(name, value)
    return list(merged.values())
