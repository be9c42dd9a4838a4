"""Any address and parameters under /api/hsds/, as a careless or hostile client sends
them: never a server error, and every answer is either valid HSDS or a JSON error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources.models import Audience, Resource

from .hsds_schemas import ITEM_SCHEMAS, OBJECT_OF, errors, page_errors

PARAMETERS = [
    "page",
    "per_page",
    "search",
    "lang",
    "full",
    "format",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "parent_id",
    "top_only",
    "minimal",
    "full_service",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**9), max_value=10**9).map(str),
    st.sampled_from(["true", "false", "nl", "en", "json", "2026-11-23", "2026-11-23T12:00Z"]),
    st.uuids().map(str),
)
SAFE = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")


@pytest.fixture
def seeded_ids(db):
    return [
        *(str(u) for u in Resource.objects.values_list("uuid", flat=True)[:5]),
        *(str(u) for u in Audience.objects.values_list("uuid", flat=True)[:2]),
    ]


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    collection=st.sampled_from(list(OBJECT_OF)),
    single=st.booleans(),
    raw_id=st.one_of(st.text(SAFE, min_size=1, max_size=40), st.uuids().map(str)),
    pick=st.integers(min_value=0, max_value=6),
    use_seeded=st.booleans(),
    query=st.dictionaries(
        st.one_of(st.sampled_from(PARAMETERS), st.text(SAFE, min_size=1, max_size=10)),
        VALUES,
        max_size=4,
    ),
)
def test_any_request_gets_valid_hsds_or_a_json_error(
    seeded_ids, collection, single, raw_id, pick, use_seeded, query
):
    client = Client(raise_request_exception=False)
    with_settings = pytest.MonkeyPatch()
    with_settings.setattr("django.conf.settings.HELPFINDER_API_RATE", "100000/m")
    try:
        path = f"/api/hsds/{collection}"
        if single:
            object_id = seeded_ids[pick % len(seeded_ids)] if use_seeded else raw_id
            path += "/" + object_id.replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
        response = client.get(path, query)
    finally:
        with_settings.undo()
    assert response.status_code in (200, 400, 404), (path, query, response.status_code)
    body = response.json()
    if response.status_code != 200:
        assert body["status"] == response.status_code and body["detail"]
        return
    if single:
        assert errors(ITEM_SCHEMAS[OBJECT_OF[collection]], body) == [], (path, query)
    else:
        full = query.get("full") in ("true", "1") and collection in ("services", "organizations")
        schema = ITEM_SCHEMAS[f"{collection}?full=true" if full else collection]
        assert page_errors(body, schema) == [], (path, query)
