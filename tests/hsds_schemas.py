"""The Open Referral HSDS 3.0 JSON schemas (tests/data/hsds-3.0, copied from ../shared) as
validators, with their formats checked (uuid, date-time, uri, email); and which schema each
address of the API answers with."""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "data" / "hsds-3.0"


@functools.cache
def registry():
    """The schemas by file name: taxonomy_term.json refers to "taxonomy.json"."""
    return Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in SCHEMAS.glob("*.json")
        if path.name != "openapi.json"
    )


@functools.cache
def validator(name):
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def errors(name, instance):
    """What is wrong with `instance` by the schema `name`, in words; empty when valid."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(instance)
    ]


# The schema of one item of each list, and of each object by id.
ITEM_SCHEMAS = {
    "services": "compiled-service_list",
    "services?full=true": "compiled-service",
    "service": "compiled-service",
    "organizations": "compiled-organization",
    "organizations?full=true": "compiled-organization",
    "organization": "compiled-organization",
    "service_at_locations": "compiled-service_at_location",
    "service_at_location": "compiled-service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "taxonomy_term": "taxonomy_term",
}

# The lists (with `full=true` where it changes the items), and the object each one lists.
LISTS = [
    "services",
    "services?full=true",
    "organizations",
    "organizations?full=true",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
]
OBJECT_OF = {
    "services": "service",
    "organizations": "organization",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}

PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def page_errors(page, item_schema):
    """A page of a list: HSDS's page fields, and each item valid by its schema."""
    found = [
        f"{name} is not {kind.__name__}"
        for name, kind in PAGE_FIELDS.items()
        if not isinstance(page.get(name), kind)
    ]
    if found:
        return found
    return [problem for item in page["contents"] for problem in errors(item_schema, item)]
