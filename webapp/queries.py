"""Every SPARQL query the explorer runs, in one place.

Values that come from requests fill ``$name`` placeholders only through ``model.sparql_term``,
which renders a checked IRI or an escaped string literal, so a crafted IRI or search string cannot
change a query. (Text, not pyoxigraph substitutions: the same queries must run on every backend
the app can sit on, the executor pool and remote SPARQL servers included.)
``{entities}`` is the entities graph of the store's base, filled in once per store.
"""
from __future__ import annotations

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

# All documents with title and date, for lists.
DOCUMENTS = PREFIXES + """
SELECT ?g ?doc ?id ?title ?date WHERE {
  GRAPH ?g { ?doc a esg:Release . OPTIONAL { ?doc dcterms:identifier ?id }
             OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:date ?date } }
} ORDER BY DESC(?date) ?id
"""

# One statement with its qualifiers and evidence ($st).
FACT = PREFIXES + """
SELECT ?st ?g ?kind ?s ?o ?year ?level ?status ?statusLabel ?rank ?consecutive ?since ?by ?loc ?value ?unit
       ?inferred ?derivedFrom ?doc ?exact ?start ?end WHERE {
  VALUES ?st { $st }
  GRAPH ?g {
    ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o .
    OPTIONAL { ?st esg:year ?year }
    OPTIONAL { ?st esg:level ?level }
    OPTIONAL { ?st esg:status ?status }
    OPTIONAL { ?st esg:rank ?rank }
    OPTIONAL { ?st esg:consecutiveYears ?consecutive }
    OPTIONAL { ?st esg:since ?since }
    OPTIONAL { ?st esg:conferredBy ?by }
    OPTIONAL { ?st esg:location ?loc }
    OPTIONAL { ?st esg:value ?value }
    OPTIONAL { ?st esg:unit ?unit }
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

STATS_FACTS = PREFIXES + """
SELECT ?kind (COUNT(?st) AS ?n) WHERE {
  GRAPH ?g { ?st esg:kind ?kind . FILTER NOT EXISTS { ?st esg:inferred true } }
} GROUP BY ?kind ORDER BY DESC(?n)
"""

STATS_ENTITIES = PREFIXES + """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <{entities}> { ?e rdf:type ?type } }
GROUP BY ?type ORDER BY DESC(?n)
"""

STATS_DOCUMENTS = PREFIXES + """
SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { GRAPH ?g { ?doc a esg:Release } }
"""

# Everything said about $iri, in any graph (resource pages); inbound links separately.
DESCRIBE_OUT = "SELECT ?p ?o ?g WHERE { GRAPH ?g { $iri ?p ?o } }"
DESCRIBE_IN = "SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p $iri } } LIMIT 500"
DESCRIBE_CONSTRUCT = "CONSTRUCT { $iri ?p ?o } WHERE { GRAPH ?g { $iri ?p ?o } }"

# Examples preloaded in the query page (title, query). They run against /sparql as written.
EXAMPLES = [
    ("Awards with conferring body and year", PREFIXES + """
SELECT ?companyLabel ?awardLabel ?year ?level ?bodyLabel ?sentence WHERE {
  GRAPH ?g {
    ?st a esg:AwardConferral ; esg:subject ?company ; esg:object ?award .
    FILTER NOT EXISTS { ?st esg:inferred true }
    OPTIONAL { ?st esg:year ?year } OPTIONAL { ?st esg:level ?level }
    OPTIONAL { ?st esg:conferredBy ?body }
    OPTIONAL { ?st esg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence }
  }
  GRAPH ?e { ?company rdfs:label ?companyLabel . ?award rdfs:label ?awardLabel .
             OPTIONAL { ?body rdfs:label ?bodyLabel } }
} ORDER BY DESC(?year) LIMIT 100
"""),
    ("Companies in DJSI (and other indices) by year", PREFIXES + """
SELECT ?companyLabel ?indexLabel ?year ?rank ?inferred WHERE {
  GRAPH ?g { ?st a esg:IndexInclusion ; esg:subject ?company ; esg:object ?index ; esg:year ?year .
             OPTIONAL { ?st esg:rank ?rank } OPTIONAL { ?st esg:inferred ?inferred } }
  GRAPH ?e { ?company rdfs:label ?companyLabel . ?index rdfs:label ?indexLabel }
} ORDER BY ?indexLabel ?year ?companyLabel LIMIT 200
"""),
    ("Certifications in progress", PREFIXES + """
SELECT ?companyLabel ?standardLabel ?sentence WHERE {
  GRAPH ?g { ?st a esg:Certification ; esg:subject ?company ; esg:object ?standard ;
             esg:status esg:status_in_progress .
             OPTIONAL { ?st esg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence } }
  GRAPH ?e { ?company rdfs:label ?companyLabel . ?standard rdfs:label ?standardLabel }
} LIMIT 100
"""),
    ("Facts with their evidence sentence", PREFIXES + """
SELECT ?kind ?subjectLabel ?objectLabel ?sentence ?document WHERE {
  GRAPH ?g { ?st esg:kind ?kind ; esg:subject ?s ; esg:object ?o ; prov:wasDerivedFrom ?document ;
             esg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence }
  GRAPH ?e { ?s rdfs:label ?subjectLabel . ?o rdfs:label ?objectLabel }
} LIMIT 100
"""),
    ("Neighbourhood as a graph (CONSTRUCT, open in graph view)", PREFIXES + """
CONSTRUCT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?s ?p ?o .
    FILTER(?p IN (esg:receivedAward, esg:certifiedTo, esg:pursuingCertification,
                  esg:plansCertification, org:memberOf, esg:includedIn,
                  esg:adoptsStandardsOf, esg:runsProgram, org:subOrganizationOf)) }
} LIMIT 200
"""),
]

EXISTS = "SELECT ?p WHERE { { GRAPH ?g { $iri ?p ?o } } UNION { GRAPH ?g { ?s ?p $iri } } } LIMIT 1"

# Triples in the whole dataset (all graphs).
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"

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
