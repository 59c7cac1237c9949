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

# After the last sentence: rules of a kind that need the whole release's facts (each drops only its
# own kind's facts).
RELEASE_RULES = [adoption.drop_certified, metrics.drop_business_figures, places.drop_bystander_agencies]
