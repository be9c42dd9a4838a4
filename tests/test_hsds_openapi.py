"""The HSDS API's OpenAPI description: a valid OpenAPI 3.1 document, self-contained, plain JSON,
with every path of the API, and schemas that accept what they should and refuse what they
should not."""

import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from resources.hsds_openapi import openapi_document

API_ROOT = "https://example.org/api/hsds/"
LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_PAGE = "https://example.org/open-data/"

PATHS = {
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
    "/dataset.json",
    "/dataset.zip",
    "/openapi.json",
}

SERVICE_ID = "0a0b4d52-2c1b-4f1e-9b55-3e2a0c9d7a11"
LOCATION_ID = "7c3e2f60-9d0a-4c1e-8a3b-5b6f1d2e4c22"


@pytest.fixture
def document():
    return openapi_document(API_ROOT, {"name": LICENCE[0], "url": LICENCE[1]}, OPEN_DATA_PAGE)


def walk(value):
    """Every key and value in a JSON-like tree, depth first."""
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def test_is_a_valid_openapi_3_1_document(document):
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)
    validate(document)  # and recognised as 3.1 on its own


def test_has_exactly_the_api_paths_each_a_get_answering_json_or_the_zip(document):
    assert set(document["paths"]) == PATHS
    for name, item in document["paths"].items():
        kind = "application/zip" if name == "/dataset.zip" else "application/json"
        assert kind in item["get"]["responses"]["200"]["content"], name


def test_every_path_takes_lang_and_each_id_path_answers_404(document):
    parameters = document["components"]["parameters"]
    for name, item in document["paths"].items():
        taken = {parameters[p["$ref"].rsplit("/", 1)[1]]["name"] for p in item["parameters"]}
        assert "lang" in taken, name
        assert ("404" in item["get"]["responses"]) == name.endswith("{id}"), name
        assert {"400", "429"} <= set(item["get"]["responses"]), name


def test_refs_point_only_inside_the_document(document):
    refs = [node["$ref"] for node in walk(document) if isinstance(node, dict) and "$ref" in node]
    assert refs
    for target in refs:
        assert target.startswith("#/"), target
        node = document
        for part in target[2:].split("/"):
            node = node[part]  # KeyError: the target does not exist


def test_is_plain_json(document):
    assert json.loads(json.dumps(document)) == document
    for node in walk(document):
        assert node is None or type(node) in (dict, list, str, int, float, bool), type(node)


def test_servers_licence_and_contact_are_the_ones_given(document):
    assert document["servers"] == [{"url": "https://example.org/api/hsds"}]
    assert document["info"]["license"] == {"name": LICENCE[0], "url": LICENCE[1]}
    assert document["info"]["contact"] == {"url": OPEN_DATA_PAGE}
    assert document["externalDocs"]["url"] == "https://docs.openreferral.org/en/latest/"


def response_schema(document, path):
    """A validator of `path`'s 200 response, its $refs resolved inside the document."""
    schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return Draft202012Validator({**schema["schema"], "components": document["components"]})


def page(*contents):
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": list(contents),
    }


def test_schemas_accept_a_service_and_refuse_a_broken_one(document):
    service = {
        "id": SERVICE_ID,
        "name": "Luisterlijn",
        "status": "active",
        "organization": {"id": LOCATION_ID, "name": "Stichting", "description": "Helpt."},
        "schedules": [{"id": LOCATION_ID, "freq": "WEEKLY", "byday": "MO,TU"}],
        "service_at_locations": [
            {"id": LOCATION_ID, "location": {"id": LOCATION_ID, "addresses": []}}
        ],
        "extra": "allowed",
    }
    assert not list(response_schema(document, "/services/{id}").iter_errors(service))
    assert not list(response_schema(document, "/services").iter_errors(page(service)))

    for broken in (
        {key: value for key, value in service.items() if key != "name"},
        {**service, "status": "open"},
        {**service, "schedules": [{"id": LOCATION_ID, "wkst": "MONDAY"}]},
        {**service, "service_at_locations": [{"id": LOCATION_ID, "service": service}]},
    ):
        assert list(response_schema(document, "/services/{id}").iter_errors(broken))
    assert list(response_schema(document, "/services").iter_errors(page(service) | {"size": "1"}))
