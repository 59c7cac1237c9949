"""Every SPARQL query the explorer runs, in one place.

Values that come from requests fill ``$name`` placeholders only through ``model.sparql_term``,
which renders a checked IRI or an escaped string literal, so a crafted IRI or search string cannot
change a query. (Text, not pyoxigraph substitutions: the same queries must run on every backend
the app can sit on, the executor pool and remote SPARQL servers included.)
``{entities}`` is the entities graph of the store's base, filled in once per store.
"""
from __future__ import annotations

from esgkg.graph.vocab import QUALIFIERS

PREFIXES = """\
PREFIX esg: <https://w3id.org/esgkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# Labels and aliases containing ?needle (lower case); ranking happens in Python.
SEARCH = PREFIXES + """
SELECT ?entity ?label ?name ?type WHERE {
  GRAPH <{entities}> {
    { ?entity rdfs:label ?name } UNION { ?entity skos:altLabel ?name }
    FILTER(CONTAINS(LCASE(STR(?name)), $needle))
    ?entity rdfs:label ?label .
    OPTIONAL { ?entity rdf:type ?type }
  }
}
"""

# Label, aliases and classes of a set of nodes (VALUES filled by the caller with <iri> terms only).
NODES = PREFIXES + """
SELECT ?node ?label ?alias ?type WHERE {
  VALUES ?node { {values} }
  OPTIONAL { GRAPH <{entities}> { ?node rdfs:label ?label } }
  OPTIONAL { GRAPH <{entities}> { ?node skos:altLabel ?alias } }
  OPTIONAL { GRAPH <{entities}> { ?node rdf:type ?type } }
}
"""

# Statements touching $focus as subject, object, conferring body or location: the light columns
# only, so a hub's thousands of statements rank quickly; EDGE_DETAILS adds years to those that
# will be shown (or to all, when filtering by year). Inferred statements come back with
# ?inferred true and are dropped by the caller. LATERAL makes Oxigraph look the optional parts up
# per statement instead of scanning every statement in the store and joining.
NEIGHBOURHOOD = PREFIXES + """
SELECT ?st ?g ?kind ?s ?o ?by ?loc ?inferred WHERE {
  { GRAPH ?g { ?st esg:subject $focus ; esg:kind ?kind ; esg:subject ?s ; esg:object ?o } }
  UNION { GRAPH ?g { ?st esg:object $focus ; esg:kind ?kind ; esg:subject ?s ; esg:object ?o } }
  UNION { GRAPH ?g { ?st esg:conferredBy $focus ; esg:kind ?kind ; esg:subject ?s ; esg:object ?o } }
  UNION { GRAPH ?g { ?st esg:location $focus ; esg:kind ?kind ; esg:subject ?s ; esg:object ?o } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:conferredBy ?by } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:location ?loc } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:inferred ?inferred } } }
}
"""

# Years of some statements (VALUES filled by the caller with <iri> terms only): stated year or
# since, inferred earlier years, and the document's date for statements without a year.
EDGE_DETAILS = PREFIXES + """
SELECT ?st ?year ?since ?date ?inferredYear WHERE {
  VALUES ?st { {values} }
  LATERAL { GRAPH ?g { ?st esg:kind ?kind } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:year ?year } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:since ?since } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st prov:wasDerivedFrom ?doc . ?doc dcterms:date ?date } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?inf prov:wasDerivedFrom ?st ; esg:inferred true ; esg:year ?inferredYear } } }
}
"""

# Every stated statement of one document graph ($g), same columns as NEIGHBOURHOOD.
DOCUMENT_STATEMENTS = PREFIXES + """
SELECT ?st ?g ?kind ?s ?o ?by ?loc ?year ?since ?date ?inferredYear ?start ?end ?exact WHERE {
  VALUES ?g { $g }
  GRAPH ?g {
    ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o .
    FILTER NOT EXISTS { ?st esg:inferred true }
    OPTIONAL { ?st esg:conferredBy ?by }
    OPTIONAL { ?st esg:location ?loc }
    OPTIONAL { ?st esg:year ?year }
    OPTIONAL { ?st esg:since ?since }
    OPTIONAL { ?st prov:wasDerivedFrom ?doc . ?doc dcterms:date ?date }
    OPTIONAL { ?inf prov:wasDerivedFrom ?st ; esg:inferred true ; esg:year ?inferredYear }
    OPTIONAL {
      ?st esg:evidence ?ev . ?ev oa:hasTarget ?target .
      ?target oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      OPTIONAL { ?target oa:hasSelector ?quote . ?quote a oa:TextQuoteSelector ; oa:exact ?exact }
    }
  }
}
"""

# One document's own description ($doc in graph $g).
DOCUMENT = PREFIXES + """
SELECT ?id ?title ?date ?text ?source ?place WHERE {
  GRAPH $g {
    $doc a esg:Release .
    OPTIONAL { $doc dcterms:identifier ?id }
    OPTIONAL { $doc dcterms:title ?title }
    OPTIONAL { $doc dcterms:date ?date }
    OPTIONAL { $doc schema:text ?text }
    OPTIONAL { $doc dcterms:source ?source }
    OPTIONAL { $doc schema:locationCreated ?place }
  }
} LIMIT 1
"""

# The documents list, newest first: dated releases by date (one pattern: sorting 10k dates takes
# 20 ms, joining them with the release type first 280 ms), then the undated ones.
DOCUMENTS_DATED = PREFIXES + """
SELECT ?g WHERE { GRAPH ?g { ?doc dcterms:date ?date } } ORDER BY DESC(?date)
"""
DOCUMENTS_UNDATED = PREFIXES + """
SELECT ?g WHERE { GRAPH ?g { ?doc a esg:Release FILTER NOT EXISTS { ?doc dcterms:date ?date } } }
"""
DOCUMENTS_COUNT = PREFIXES + """
SELECT (COUNT(?doc) AS ?n) (COUNT(?dated) AS ?dated) WHERE {
  { GRAPH ?g { ?doc a esg:Release } } UNION { GRAPH ?g { ?dated dcterms:date ?date } } }
"""
# Documents whose title or id contains $needle (lower case), or that state a fact about a company
# whose label does, newest first.
DOCUMENTS_MATCHING = PREFIXES + """
SELECT DISTINCT ?g ?date WHERE {
  { GRAPH ?g { ?doc a esg:Release ; dcterms:title ?title FILTER(CONTAINS(LCASE(STR(?title)), $needle)) } }
  UNION { GRAPH ?g { ?doc a esg:Release ; dcterms:identifier ?id FILTER(CONTAINS(LCASE(STR(?id)), $needle)) } }
  UNION { GRAPH <{entities}> { ?company a esg:Company ; rdfs:label ?name FILTER(CONTAINS(LCASE(STR(?name)), $needle)) }
          GRAPH ?g { ?st esg:subject ?company } }
  OPTIONAL { GRAPH ?g { ?doc a esg:Release ; dcterms:date ?date } }
} ORDER BY DESC(?date) ?g
"""
# Title, date, place and stated facts of some document graphs (VALUES filled with <iri> terms).
DOCUMENT_ROWS = PREFIXES + """
SELECT ?g ?id ?title ?date ?place ?placeLabel (COUNT(DISTINCT ?st) AS ?facts) WHERE {
  VALUES ?g { {values} }
  LATERAL { GRAPH ?g { ?doc a esg:Release } }
  LATERAL { OPTIONAL { GRAPH ?g { ?doc dcterms:identifier ?id } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?doc dcterms:title ?title } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?doc dcterms:date ?date } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?doc schema:locationCreated ?place }
                       GRAPH <{entities}> { ?place rdfs:label ?placeLabel } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:kind ?kind FILTER NOT EXISTS { ?st esg:inferred true } } } }
} GROUP BY ?g ?id ?title ?date ?place ?placeLabel
"""
# The companies some document graphs state facts about, with how many (the busiest is "the"
# company of a release).
DOCUMENT_COMPANIES = PREFIXES + """
SELECT ?g ?company ?name (COUNT(?st) AS ?n) WHERE {
  VALUES ?g { {values} }
  LATERAL { GRAPH ?g { ?st esg:subject ?company FILTER NOT EXISTS { ?st esg:inferred true } } }
  LATERAL { GRAPH <{entities}> { ?company a esg:Company ; rdfs:label ?name } }   # 6.6 s -> 16 ms
} GROUP BY ?g ?company ?name
"""
# Releases whose title or id contains $needle, for the site search.
SEARCH_DOCUMENTS = PREFIXES + """
SELECT ?g ?title WHERE {
  GRAPH ?g { ?doc a esg:Release ; dcterms:title ?title .
             OPTIONAL { ?doc dcterms:identifier ?id }
             FILTER(CONTAINS(LCASE(STR(?title)), $needle) || CONTAINS(LCASE(STR(?id)), $needle)) }
} LIMIT 50
"""

# One statement with its qualifiers and evidence ($st). A qualifier is bound to its name in the
# vocabulary (?year, ?awarded_by, ...): one OPTIONAL each, written from graph.vocab.QUALIFIERS, so
# a new qualifier needs no line here.
FACT = PREFIXES + """
SELECT ?st ?g ?kind ?s ?o """ + " ".join(f"?{name}" for name in QUALIFIERS) + """ ?statusLabel
       ?inferred ?derivedFrom ?doc ?exact ?start ?end WHERE {
  VALUES ?st { $st }
  GRAPH ?g {
    ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o .
""" + "".join(f"    OPTIONAL {{ ?st <{prop}> ?{name} }}\n" for name, (prop, _) in QUALIFIERS.items()) + """\
    OPTIONAL { ?st esg:inferred ?inferred }
    OPTIONAL { ?st prov:wasDerivedFrom ?derivedFrom }
    OPTIONAL {
      ?st esg:evidence ?ev . ?ev oa:hasTarget ?target .
      OPTIONAL { ?target oa:hasSource ?doc }
      OPTIONAL { ?target oa:hasSelector ?quote . ?quote a oa:TextQuoteSelector ; oa:exact ?exact }
      OPTIONAL { ?target oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
    }
  }
  OPTIONAL { ?status skos:prefLabel ?statusLabel }
} LIMIT 1
"""

# Years of the inferred statements derived from $st.
INFERRED_YEARS = PREFIXES + """
SELECT DISTINCT ?year WHERE { GRAPH ?g { ?inf prov:wasDerivedFrom $st ; esg:inferred true ; esg:year ?year } }
ORDER BY ?year
"""

# Everything said about $iri, in any graph (resource pages); inbound links separately.
DESCRIBE_OUT = "SELECT ?p ?o ?g WHERE { GRAPH ?g { $iri ?p ?o } }"
# Inbound links, a page at a time ({limit} and {offset} filled by the caller with integers), in
# the store's own order (sorting a hub's thousands of links costs seconds), and their count.
DESCRIBE_IN = "SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p $iri } } LIMIT {limit} OFFSET {offset}"
DESCRIBE_IN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p $iri } }"
DESCRIBE_CONSTRUCT = "CONSTRUCT { $iri ?p ?o } WHERE { GRAPH ?g { $iri ?p ?o } }"

EXISTS = "SELECT ?p WHERE { { GRAPH ?g { $iri ?p ?o } } UNION { GRAPH ?g { ?s ?p $iri } } } LIMIT 1"

# Busiest company and index, for the home page's example questions (chosen from the data).
TOP_ENTITY_OF_TYPE = PREFIXES + """
SELECT ?type ?entity (SAMPLE(?label) AS ?name) (COUNT(?st) AS ?n) WHERE {
  GRAPH ?g { { ?st esg:subject ?entity } UNION { ?st esg:object ?entity }
             FILTER NOT EXISTS { ?st esg:inferred true } }
  GRAPH <{entities}> { ?entity rdf:type ?type ; rdfs:label ?label }
  VALUES ?type { esg:Company esg:Index esg:Award }
} GROUP BY ?type ?entity ORDER BY DESC(?n) ?entity
"""

# Hubs (an index with thousands of member companies): count the direct neighbours, take one page
# of them in store order (DISTINCT with LIMIT streams and stops early; no sort of thousands), then
# fetch the statements between the focus and that page only.
HUB_COUNT = PREFIXES + """
SELECT (COUNT(DISTINCT ?n) AS ?count) WHERE {
  { GRAPH ?g { ?st esg:subject $focus ; esg:object ?n } } UNION { GRAPH ?g { ?st esg:object $focus ; esg:subject ?n } }
}
"""
HUB_PAGE = PREFIXES + """
SELECT DISTINCT ?n WHERE {
  { GRAPH ?g { ?st esg:subject $focus ; esg:object ?n } } UNION { GRAPH ?g { ?st esg:object $focus ; esg:subject ?n } }
} LIMIT {limit} OFFSET {offset}
"""
HUB_EDGES = PREFIXES + """
SELECT ?st ?g ?kind ?s ?o ?by ?loc ?inferred WHERE {
  VALUES ?n { {values} }
  LATERAL {      # from the neighbour's side: the hub's side would visit all its statements
    { GRAPH ?g { ?st esg:subject ?n ; esg:object ?o ; esg:kind ?kind } FILTER(?o = $focus) BIND(?n AS ?s) }
    UNION { GRAPH ?g { ?st esg:object ?n ; esg:subject ?s ; esg:kind ?kind } FILTER(?s = $focus) BIND(?n AS ?o) }
  }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:conferredBy ?by } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:location ?loc } } }
  LATERAL { OPTIONAL { GRAPH ?g { ?st esg:inferred ?inferred } } }
}
"""

# Labels of a set of nodes (VALUES filled by the caller with <iri> terms only).
LABELS = PREFIXES + """
SELECT ?node ?label WHERE { VALUES ?node { {values} } GRAPH <{entities}> { ?node rdfs:label ?label } }
"""

# The stated statement each inferred one of some statements was inferred from (VALUES filled by
# the caller with <iri> terms only): its sentence is the one a fact table row links to.
FACT_SOURCES = PREFIXES + """
SELECT ?st ?source WHERE {
  VALUES ?st { {values} }
  LATERAL { GRAPH ?g { ?st esg:inferred true ; prov:wasDerivedFrom ?source . ?source esg:kind ?kind } }
}
"""

# The dates of some document graphs (VALUES filled by the caller with <iri> terms only).
DOCUMENT_DATES = PREFIXES + """
SELECT ?g ?date WHERE { VALUES ?g { {values} } LATERAL { GRAPH ?g { ?doc a esg:Release ; dcterms:date ?date } } }
"""

# A hub's neighbours counted by fact kind (stated facts only), for its "neighbours by kind" list.
HUB_GROUPS = PREFIXES + """
SELECT ?kind (COUNT(DISTINCT ?n) AS ?count) WHERE {
  { GRAPH ?g { ?st esg:subject $focus ; esg:object ?n ; esg:kind ?kind } }
  UNION { GRAPH ?g { ?st esg:object $focus ; esg:subject ?n ; esg:kind ?kind } }
  MINUS { GRAPH ?g { ?st esg:inferred true } }
} GROUP BY ?kind
"""
