"""Rule families, one module per fact kind, each a function ``(ctx, sentence) -> None`` that adds
facts through ``ctx.add``. Order matters only where a later family reads an earlier one's facts
(award levels and index streaks refer back to the fact of a previous sentence)."""
from . import adoption, awards, certifications, indices, memberships, metrics, organizations, places, programs

RULE_FAMILIES = [
    places.extract,
    organizations.extract,
    awards.extract,
    certifications.extract,
    memberships.extract,
    indices.extract,
    adoption.extract,
    programs.extract,
    metrics.extract,
]
