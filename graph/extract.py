"""Text -> facts: parse a release's candidate sentences with spaCy and run every relation module.

Steps: sentences (rule-based, cheap) -> candidates (sentences that can hold a fact: ones with a
digit, a capitalised name after the first word, or a trigger word) -> title-case headlines recased
as the body writes their words -> `nlp.pipe` -> typed mentions and aliases -> the release's own
organization -> relation modules (graph/relations/, one per fact kind) -> one fact per (kind,
subject, object) with the qualifiers of all its mentions.
"""

from __future__ import annotations

import re
import sys

from .document import (
    DocContext,
    ParsedSentence,
    find_main,
    mark_names,
)
from .document_meta import read_meta
from .entities import DocumentEntities, MentionTyper
from .facts import Fact
from .language import candidate_words, end_of_release
from .lexicon import Lexicon, load_lexicon, normalize
from .nlp import parse
from .read import Release
from .sentences import ListedItem, Sentence, colon_list_items, listed_items, split_sentences
from .truecase import BodyCasing, is_title_case, truecase

HEADLINE_KINDS = {"award", "index_inclusion", "membership", "certification"}
LEAD_SENTENCES = 4  # always parsed: they name who the release is about


def extract(release: Release, lexicon: Lexicon | None = None) -> tuple[DocContext, list[Fact]]:
    """All stated facts of one release (inferred ones are added by the RDF builder)."""
    return extract_many([release], lexicon)[0]


def extract_many(releases: list[Release], lexicon: Lexicon | None = None) -> list[tuple[DocContext, list[Fact]]]:
    """Facts of several releases, their candidate sentences parsed in one `nlp.pipe` stream."""
    from .relations import RELATIONS, RELEASE_RULES

    lexicon = lexicon or load_lexicon()
    typer = MentionTyper(lexicon)
    plans = []
    texts = []
    for release in releases:
        sentences = body_sentences(release.text)
        meta = read_meta(release.text)
        dateline = meta.dateline_span[0] if meta.dateline_span else -1
        listed = colon_list_items(sentences)  # 'The winners are:' and the lines that name them
        chosen = [
            s
            for i, s in enumerate(sentences)
            if i < LEAD_SENTENCES or is_candidate(s.text) or s.start <= dateline < s.end or i in listed
        ]
        items = listed_items(release.text, sentences, listed, is_candidate)
        plans.append((release, meta, chosen, items))
        casing = BodyCasing(release.text) if any(is_title_case(s.text) for s in chosen) else None
        texts += [
            parse_form(truecase(s.text, casing) if casing and is_title_case(s.text) else s.text) for s in chosen
        ] + [parse_form(item.parse_text) for item in items]
    with parse_progress(len(set(texts))) as advance:
        docs = iter(parse(texts, progress=advance))
    results = []
    for release, meta, chosen, items in plans:
        entities = DocumentEntities(lexicon)
        parsed = []
        seen: set[str] = set()
        for sentence in chosen:
            doc = next(docs)
            if sentence.text in seen:
                continue  # a repeated sentence states nothing new; its first occurrence is the evidence
            seen.add(sentence.text)
            mentions = entities.learn_aliases(doc, typer.mentions(doc))
            parsed.append(ParsedSentence(sentence, doc, mentions))
        mark_names(parsed, lexicon.place_types)
        find_main(parsed, entities)
        ctx = DocContext(release, meta, lexicon, parsed, entities)
        for sentence in parsed:  # every name first, so a fact shows the fullest form the release wrote
            for mention in sentence.mentions:
                ctx.entity(mention)
        for sentence in parsed:
            for relation in RELATIONS:
                relation(ctx, sentence)
            ctx.remember(sentence)
        read_listed(ctx, typer, items, [next(docs) for _ in items])
        for rule in RELEASE_RULES:
            rule(ctx)
        headline = parsed[0] if parsed and meta.title and parsed[0].text == meta.title else None
        facts = merge_repeats(ctx.facts, headline.sentence.end if headline else 0)
        if headline:
            facts = drop_headline_restatements(facts, headline.sentence)
        results.append((ctx, facts))
    return results


def read_listed(ctx: DocContext, typer: MentionTyper, items: list[ListedItem], docs) -> None:
    """Each line listed under an opening line that stated nothing by itself, read with that line
    ('included in the following indices:' and '- FTSE4Good Index Series')."""
    from .relations import RELATIONS

    stated = {s.start for s in ctx.sentences if ctx.facts_of(s)}
    for item, doc in zip(items, docs):
        if item.opening.start not in stated:
            sentence = ParsedSentence(item.sentence, doc, typer.mentions(doc))
            for relation in RELATIONS:
                relation(ctx, sentence)


class parse_progress:
    """A progress bar on the terminal while a long input is parsed (thousands of sentences)."""

    def __init__(self, total: int, threshold: int = 2_000):
        self.enabled = total >= threshold and sys.stderr.isatty()
        self.total = total

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "parsing sentences",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.__enter__()
        task = self.bar.add_task("parse", total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc):
        if self.enabled:
            self.bar.__exit__(*exc)
        return False


def body_sentences(text: str) -> list[Sentence]:
    """The release's sentences up to trailing page furniture ('Related Posts', 'Media Contact', ...)."""
    marker = end_of_release().search(text)
    sentences = split_sentences(text[: marker.start()] if marker else text)
    return sentences


MISWRITTEN_ITS = re.compile(r"\bit['’]s(?= [A-Z][a-z])")


FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z)])\*\d{0,2}|[®©™]")  # 'RobecoSAM*1', 'Great Place to Work®': marks, no words


SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def parse_form(text: str) -> str:
    """TEXT as the parser should read it, of the same length (the sentence's offsets stay the
    text's): 'presented it's Environmental Excellence Award' is the possessive 'its', a common slip;
    a footnote or trademark sign glued to a word ('RobecoSAM*1', 'Work For®') is blank; words a
    web page set apart by runs of spaces ('Ferro  Alloy  Plant') are one space apart, the spaces
    saved moved to the end, because the parser reads a run of spaces as a word."""
    text = FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text).replace("\n", " ")  # a hard-wrapped line
    text = MISWRITTEN_ITS.sub("its ", text)
    packed = SPACE_RUN.sub(" ", text)
    return packed + " " * (len(text) - len(packed))


def is_candidate(text: str) -> bool:
    """Can this sentence hold a fact? It needs a trigger or cue word, a known name or a number."""
    return bool(candidate_words().search(text))


def drop_headline_restatements(facts: list[Fact], headline: Sentence) -> list[Fact]:
    """A headline restates the body in other words ('Distinguished Award' for the award the body
    names): its fact gives way to a body fact of the same kind and subject that does not contradict it."""

    def restated(fact: Fact) -> bool:
        return any(
            other is not fact
            and other.start > headline.end
            and other.kind == fact.kind
            and other.subject == fact.subject
            and (other.object == fact.object or fact.kind == "award")
            and other.qualifiers.get("year") in (None, fact.qualifiers.get("year"))
            and other.qualifiers.get("status") == fact.qualifiers.get("status")  # 'plans to renew' keeps 'holds'
            for other in facts
        )

    return [f for f in facts if f.start >= headline.end or f.kind not in HEADLINE_KINDS or not restated(f)]


def merge_repeats(facts: list[Fact], headline_end: int = 0) -> list[Fact]:
    """One fact per (kind, subject, object): a release often restates a fact; later mentions only
    fill qualifiers the first one lacked. The body's statement wins over the headline's."""
    merged: dict[tuple, Fact] = {}
    for fact in facts:
        key = (fact.kind, normalize(fact.subject), normalize(fact.object))
        if fact.kind == "metric":
            key += (str(fact.qualifiers.get("value")),)
        if fact.kind in ("index_inclusion", "award"):
            key += (str(fact.qualifiers.get("year")),)  # won in 2019 and 2018: two awards
        if fact.kind == "certification":
            key += (str(fact.qualifiers.get("status")),)  # held since 2006, renewed in March: two facts
        first = merged.get(key)
        level = fact.qualifiers.get("level")
        if first is not None and level and first.qualifiers.get("level") not in (None, level):
            key += (level,)  # 'awarded in both the X and the Y category': two awards
            first = merged.get(key)
        if first is None:
            merged[key] = fact
        elif first.start < headline_end <= fact.start:
            fact.qualifiers = {**first.qualifiers, **fact.qualifiers}
            merged[key] = fact
        else:
            for name, value in fact.qualifiers.items():
                first.qualifiers.setdefault(name, value)
    return _fold_undated(merged)


def _fold_undated(merged: dict[tuple, Fact]) -> list[Fact]:
    """An award or inclusion stated once with its year and once without is one fact, the dated one."""
    dated = {key[:3]: fact for key, fact in merged.items() if len(key) > 3 and key[3] != "None"}
    kept = []
    for key, fact in merged.items():
        if fact.kind in ("index_inclusion", "award") and key[3] == "None" and key[:3] in dated:
            for name, value in fact.qualifiers.items():
                dated[key[:3]].qualifiers.setdefault(name, value)
            continue
        kept.append(fact)
    return kept
