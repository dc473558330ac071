"""The stored words the pages show (a body's status, an age group, a method, a consent,
a stage of an inquiry, a compared feature), marked for the catalogs so that the ``word``
filter of the templates shows each in the page's language. The database keeps them in
English, as the services and the API use them; only the page translates.

A word that is not here (or not in a catalog) is shown as it is stored.
"""

from __future__ import annotations

from tollbook.web.i18n import N_

#: Statuses of a body (:data:`tollbook.domain.body.STATUSES`).
BODY_STATUSES = (
    N_("recovered"),
    N_("stored"),
    N_("buried"),
    N_("identified"),
    N_("released"),
    N_("exhumed"),
)
#: Apparent age groups (:data:`tollbook.domain.body.AGE_GROUPS`).
AGE_GROUPS = (
    N_("child"),
    N_("adolescent"),
    N_("young adult"),
    N_("adult"),
    N_("older adult"),
    N_("elderly"),
)
#: How an identification was confirmed (:data:`tollbook.domain.body.METHODS`).
METHODS = (N_("visual"), N_("documents"), N_("fingerprints"), N_("dental"), N_("dna"))
#: What a family agreed to (:data:`tollbook.domain.missing.CONSENT_SCOPES`).
CONSENT_SCOPES = (N_("matching"), N_("sharing"))
#: What happened in an inquiry's history (services.registry.missing, case_life).
CASE_EVENTS = (
    N_("recorded"),
    N_("family told"),
    N_("note"),
    N_("found alive"),
    N_("identification revoked"),
    N_("handed to another liaison"),
    N_("body released"),
)
#: The features a body and a missing-person report are compared by (registry.matching).
MATCH_FEATURES = (
    N_("sex"),
    N_("age"),
    N_("height"),
    N_("dates"),
    N_("place"),
    N_("clothing"),
    N_("marks"),
    N_("effects"),
    N_("name"),
)
#: How a linkage run's model was had.
MODEL_ORIGINS = (N_("trained"), N_("reused"))
#: What a claim counts (:data:`tollbook.domain.claim.OUTCOMES`); the command line's toll
#: names its outcome with these too.
OUTCOMES = (N_("killed"), N_("injured"), N_("missing"), N_("buried"), N_("bodies_found"))
#: What a claim is (:mod:`tollbook.domain.claim`): its kind, scope and qualifier.
CLAIM_KINDS = (N_("official"), N_("estimate"), N_("observed"), N_("reported"))
CLAIM_SCOPES = (N_("incident"), N_("cumulative"))
QUALIFIERS = (
    N_("exact"),
    N_("at_least"),
    N_("more_than"),
    N_("about"),
    N_("up_to"),
    N_("range"),
    N_("vague"),
    N_("derived"),
)
#: A claim's review, and the filter of the claims page.
REVIEW_STATUSES = (N_("unreviewed"), N_("confirmed"), N_("edited"), N_("rejected"), N_("all"))
#: How far an incident's sources agree (:data:`tollbook.domain.incident.Grade`).
GRADES = (N_("single_source"), N_("corroborated"), N_("contested"))
#: Where a saved estimate is in its life.
ESTIMATE_STATUSES = (N_("draft"), N_("published"), N_("withdrawn"))
#: How close two records' field is, as linkage explains a link (the labels of the
#: comparison levels of :mod:`tollbook.link.model`, stored with each link in English).
LINKAGE_LEVELS = (
    N_("unknown (missing on one side)"),
    N_("same"),
    N_("different"),
    N_("similar"),
    N_("very similar"),
    N_("same spelling"),
    N_("same name (transliteration, feminine form)"),
    N_("same consonants"),
    N_("given and family name swapped"),
    N_("same name (any form or spelling)"),
    N_("same father's name"),
    N_("birth year unknown"),
    N_("same birth date"),
    N_("birth date one slip apart"),
    N_("birth year fits the age"),
    N_("birth year fits the age within a year"),
    N_("birth years 1 apart"),
    N_("birth years 2 or 3 apart"),
    N_("same day"),
    N_("within 3 days"),
    N_("within 10 days"),
    N_("same words"),
    N_("similar words"),
    N_("one slip apart"),
    N_("same list"),
    N_("different lists"),
)
