"""The fact: one ESG statement of one document, with the sentence that states it.

This is the flat view of ../shared/corpus/FORMAT.md; the RDF builder turns facts into qualified
statements and direct edges, and the fact table is read back from the store the other way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .vocab import FACT_KINDS, QUALIFIERS


@dataclass
class Fact:
    document: str
    kind: str
    subject: str
    object: str
    evidence: str
    start: int  # character offsets of the evidence sentence in the document text
    end: int
    qualifiers: dict = field(default_factory=dict)
    subject_type: str = "company"
    object_type: str = "organization"
    subject_aliases: tuple[str, ...] = ()
    object_aliases: tuple[str, ...] = ()
    inferred: bool = False

    def __post_init__(self):
        if self.kind not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {self.kind!r}")

    def to_record(self) -> dict:
        """The FORMAT.md row: document, kind, subject, object, the kind's qualifiers, evidence."""
        record = {"document": self.document, "kind": self.kind,
                  "subject": self.subject, "object": self.object}
        for name in FACT_KINDS[self.kind].qualifiers:
            value = self.qualifiers.get(name)
            if value is not None:
                record[name] = value
        record["evidence"] = self.evidence
        return record

    @property
    def key(self) -> tuple:
        """What makes two facts the same fact (for de-duplication and stable IRIs)."""
        quals = tuple(sorted((k, str(v)) for k, v in self.qualifiers.items()))
        return (self.document, self.kind, self.subject.lower(), self.object.lower(), quals)


CSV_COLUMNS = ["document", "kind", "subject", "object", *QUALIFIERS, "evidence"]
