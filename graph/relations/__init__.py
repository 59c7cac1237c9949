"""Relation modules, one per fact kind: each reads its patterns (ontology/patterns/<kind>.jsonl)
and adds the facts one parsed sentence states. Run in this order for every candidate sentence."""

from . import adoption, awards, certifications, indices, memberships, metrics, organizations, places, programs

RELATIONS = [
    awards.extract,
    certifications.extract,
    memberships.extract,
    indices.extract,
    adoption.extract,
    programs.extract,
    organizations.extract,
    places.extract,
    metrics.extract,
]
