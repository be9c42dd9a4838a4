"""The OpenAPI 3.1 description of our read-only Open Referral HSDS 3.0 API (/api/hsds/).

Self-contained: every $ref points inside the document (#/components/...), so it validates
without a network and names no other site's schemas. The component schemas describe what our
API returns, a compact subset of HSDS 3.0; every object stays open to extra fields. The prose
is ours; the HSDS specification itself is linked from externalDocs.
"""

HSDS_DOCS = "https://docs.openreferral.org/en/latest/"
LANGUAGES = ["nl", "en"]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SERVICE_STATUSES = ["active", "inactive", "defunct", "temporarily closed"]


def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}


def schema_ref(name):
    return ref("schemas", name)


def string(description="", **keywords):
    """A string property; keywords add format, enum, examples and the like."""
    field = {"type": "string", **keywords}
    if description:
        field["description"] = description
    return field


def uuid(description=""):
    return string(description, format="uuid")


def number(description=""):
    field = {"type": "number"}
    if description:
        field["description"] = description
    return field


def array_of(name, description=""):
    field = {"type": "array", "items": schema_ref(name)}
    if description:
        field["description"] = description
    return field


def obj(description, properties, required=()):
    """An object schema, open to properties it does not name."""
    schema = {"type": "object", "description": description, "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def page_of(items):
    """A page of a list endpoint whose `contents` are `items` (a schema or a $ref)."""
    return {
        "allOf": [schema_ref("Page")],
        "properties": {"contents": {"type": "array", "items": items}},
    }


def schemas():
    service_summary = {
        "id": uuid(),
        "organization_id": uuid("The organization that provides the service."),
        "name": string(),
        "description": string(),
        "url": string(format="uri"),
        "email": string(format="email"),
        "status": string(enum=SERVICE_STATUSES),
        "application_process": string("How to get the service: the steps to take."),
        "fees_description": string(),
        "eligibility_description": string("Who the service is for."),
        "minimum_age": number("Youngest age served, in years."),
        "maximum_age": number("Oldest age served, in years."),
        "assured_date": string("When the listing was last checked.", format="date"),
        "last_modified": string(format="date-time"),
        "organization": schema_ref("OrganizationSummary"),
    }
    organization_summary = {
        "id": uuid(),
        "name": string(),
        "description": string(),
        "website": string(format="uri"),
        "uri": string("A persistent identifier of the organization.", format="uri"),
    }
    return {
        "ApiInfo": obj(
            "What this API is: its HSDS version, profile, language and licence.",
            {
                "version": string("The HSDS version.", enum=["3.0"]),
                "profile": string("Our open-data information page.", format="uri"),
                "openapi_url": string("This OpenAPI document.", format="uri"),
                "language": string("The language of this response.", enum=LANGUAGES),
                "licence": schema_ref("Licence"),
                "download_url": string("The whole data set in one file.", format="uri"),
            },
            required=[
                "version",
                "profile",
                "openapi_url",
                "language",
                "licence",
                "download_url",
            ],
        ),
        "Licence": obj(
            "The licence of the data.",
            {"name": string(), "url": string(format="uri")},
            required=["name", "url"],
        ),
        "Page": obj(
            "One page of a list. `contents` holds the items of this page.",
            {
                "total_items": {"type": "integer", "description": "Items on all pages."},
                "total_pages": {"type": "integer"},
                "page_number": {"type": "integer", "description": "This page, from 1."},
                "size": {"type": "integer", "description": "Items on this page."},
                "first_page": {"type": "boolean"},
                "last_page": {"type": "boolean"},
                "empty": {"type": "boolean", "description": "True when nothing matched."},
                "contents": {"type": "array"},
            },
            required=[
                "total_items",
                "total_pages",
                "page_number",
                "size",
                "first_page",
                "last_page",
                "empty",
                "contents",
            ],
        ),
        "Error": obj(
            "What went wrong.",
            {
                "status": {"type": "integer", "description": "The HTTP status code."},
                "detail": string("A human-readable explanation."),
                "parameter": string("The name of the parameter that was not accepted."),
            },
            required=["status", "detail"],
        ),
        "ServiceSummary": obj(
            "A service's own fields, without its related lists.",
            service_summary,
            required=["id", "name", "status"],
        ),
        "Service": {
            "description": "A service with everything related to it.",
            "allOf": [schema_ref("ServiceSummary")],
            "properties": {
                "phones": array_of("Phone"),
                "schedules": array_of("Schedule"),
                "service_areas": array_of("ServiceArea"),
                "service_at_locations": array_of("ServiceAtLocationInService"),
                "languages": array_of("Language", "Languages the service is offered in."),
                "cost_options": array_of("CostOption"),
                "contacts": array_of("Contact"),
                "attributes": array_of("Attribute", "The service's taxonomy terms."),
            },
        },
        "OrganizationSummary": obj(
            "An organization's own fields.",
            organization_summary,
            required=["id", "name", "description"],
        ),
        "Organization": {
            "description": "An organization with its published services.",
            "allOf": [schema_ref("OrganizationSummary")],
            "properties": {
                "services": {
                    "type": "array",
                    "items": {"anyOf": [schema_ref("Service"), schema_ref("ServiceSummary")]},
                },
            },
        },
        "Phone": obj(
            "A phone number of a service.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "number": string(),
                "type": string(examples=["voice", "text"]),
                "description": string(),
                "languages": array_of("Language", "Languages spoken on this line."),
            },
            required=["id", "number"],
        ),
        "Schedule": obj(
            "When a service is open or can be reached, in iCalendar terms.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "service_at_location_id": uuid(),
                "freq": string(enum=["WEEKLY", "MONTHLY"]),
                "wkst": string("The first day of the week.", enum=WEEKDAYS),
                "byday": string("Comma-separated days.", examples=["MO,TU,WE"]),
                "opens_at": string("Local time, HH:MM.", examples=["09:00"]),
                "closes_at": string("Local time, HH:MM.", examples=["17:00"]),
                "description": string(),
                "attending_type": string(),
                "schedule_link": string(format="uri"),
                "notes": string(),
            },
            required=["id"],
        ),
        "Language": obj(
            "A language a service or a phone line is offered in.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "phone_id": uuid(),
                "name": string(),
                "code": string("ISO 639 language code.", examples=["nl"]),
                "note": string(),
            },
            required=["id"],
        ),
        "CostOption": obj(
            "What a service costs.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "option": string(),
                "amount_description": string(),
                "amount": number(),
                "currency": string("ISO 4217 currency code.", examples=["EUR"]),
            },
            required=["id"],
        ),
        "Contact": obj(
            "A person or role to contact about a service.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "name": string(),
                "title": string(),
                "email": string(format="email"),
            },
            required=["id"],
        ),
        "ServiceArea": obj(
            "Where a service is available.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "name": string(),
                "description": string(),
                "extent_type": string(),
            },
            required=["id"],
        ),
        "Attribute": obj(
            "Links a service to a taxonomy term.",
            {
                "id": uuid(),
                "link_id": uuid("The linked object, here the service."),
                "link_type": string(),
                "link_entity": string(examples=["service"]),
                "taxonomy_term_id": uuid(),
                "value": string(),
                "taxonomy_term": schema_ref("TaxonomyTerm"),
            },
            required=["id", "taxonomy_term_id"],
        ),
        "Location": obj(
            "A place where a service is delivered, physical or virtual.",
            {
                "id": uuid(),
                "location_type": string(examples=["physical", "virtual"]),
                "name": string(),
                "description": string(),
                "addresses": array_of("Address"),
            },
            required=["id"],
        ),
        "Address": obj(
            "A postal or visiting address of a location.",
            {
                "id": uuid(),
                "location_id": uuid(),
                "address_1": string("Street and number."),
                "city": string(),
                "region": string(),
                "state_province": string(),
                "postal_code": string(),
                "country": string("ISO 3166-1 alpha-2 country code.", examples=["NL"]),
                "address_type": string(examples=["physical", "postal"]),
            },
            required=["id", "address_1", "city", "postal_code", "country", "address_type"],
        ),
        "ServiceAtLocation": obj(
            "A service as delivered at one location.",
            {
                "id": uuid(),
                "service_id": uuid(),
                "location_id": uuid(),
                "description": string(),
                "location": schema_ref("Location"),
                "service": schema_ref("ServiceSummary"),
            },
            required=["id"],
        ),
        "ServiceAtLocationInService": {
            "description": "A service at a location, nested in its service: no `service` again.",
            "allOf": [schema_ref("ServiceAtLocation")],
            "properties": {"service": False},
        },
        "Taxonomy": obj(
            "A classification that taxonomy terms belong to.",
            {
                "id": uuid(),
                "name": string(),
                "description": string(),
                "uri": string(format="uri"),
                "version": string(),
            },
            required=["id", "name", "description"],
        ),
        "TaxonomyTerm": obj(
            "A term used to classify services.",
            {
                "id": uuid(),
                "code": string(),
                "name": string(),
                "description": string(),
                "parent_id": uuid("The broader term; absent for a top-level term."),
                "taxonomy": string("The name of the taxonomy."),
                "taxonomy_id": uuid(),
                "language": string(enum=LANGUAGES),
                "term_uri": string(format="uri"),
                "taxonomy_detail": schema_ref("Taxonomy"),
            },
            required=["id", "name", "description"],
        ),
        "Dataset": obj(
            "Every published listing, in one language, in one file.",
            {
                "version": string("The HSDS version.", enum=["3.0"]),
                "language": string(enum=LANGUAGES),
                "generated": string("When this file was made.", format="date-time"),
                "licence": schema_ref("Licence"),
                "services": array_of("Service"),
                "organizations": array_of("Organization"),
                "taxonomies": array_of("Taxonomy"),
                "taxonomy_terms": array_of("TaxonomyTerm"),
                "service_at_locations": array_of("ServiceAtLocation"),
            },
            required=[
                "version",
                "language",
                "generated",
                "licence",
                "services",
                "organizations",
                "taxonomies",
                "taxonomy_terms",
                "service_at_locations",
            ],
        ),
    }


def query(name, description, schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def parameters():
    """Every parameter, by its key in components/parameters."""
    return {
        "lang": query(
            "lang",
            "The language of the response; wins over Accept-Language. Default: Dutch.",
            string(enum=LANGUAGES),
        ),
        "Accept-Language": {
            "name": "Accept-Language",
            "in": "header",
            "required": False,
            "description": "`en` for English; anything else gets Dutch.",
            "schema": string(),
        },
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "The identifier of the object.",
            "schema": uuid(),
        },
        "search": query("search", "Words to search for.", string()),
        "page": query(
            "page",
            "The page to return.",
            {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
        ),
        "per_page": query(
            "per_page",
            "How many items per page.",
            {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
        ),
        "taxonomy_term_id": query(
            "taxonomy_term_id", "Only services with this taxonomy term.", uuid()
        ),
        "taxonomy_id": query(
            "taxonomy_id", "Only services with a term from this taxonomy.", uuid()
        ),
        "organization_id": query("organization_id", "Only services of this organization.", uuid()),
        "parent_id": query("parent_id", "Only the terms directly under this term.", uuid()),
        "top_only": query("top_only", "Only terms without a parent.", {"type": "boolean"}),
        "modified_after": query(
            "modified_after",
            "Only what changed at or after this moment; a date (YYYY-MM-DD) is also accepted.",
            string(format="date-time"),
        ),
        "full_service": query(
            "full",
            "true: each item is a full Service instead of a summary.",
            {"type": "boolean", "default": False},
        ),
        "full_organization": query(
            "full",
            "true: each item is a full Organization, with its services.",
            {"type": "boolean", "default": False},
        ),
        "format": query(
            "format", "The response format; only JSON.", string(enum=["json"], default="json")
        ),
    }


def headers():
    return {
        "ETag": {
            "description": "Identifies this version of the response; send it back in "
            "If-None-Match to get 304 Not Modified while nothing changed.",
            "schema": string(),
        },
        "Last-Modified": {
            "description": "When this response was made, after the last change to the "
            "published data (an HTTP date).",
            "schema": string(examples=["Mon, 02 Jun 2025 10:00:00 GMT"]),
        },
        "Cache-Control": {
            "description": "How long the response may be cached.",
            "schema": string(),
        },
        "Retry-After": {
            "description": "Seconds to wait before asking again.",
            "schema": {"type": "integer", "minimum": 0},
        },
    }


def error(description, extra_headers=None):
    response = {
        "description": description,
        "content": {"application/json": {"schema": schema_ref("Error")}},
    }
    if extra_headers:
        response["headers"] = {name: ref("headers", name) for name in extra_headers}
    return response


def responses():
    return {
        "NotModified": {
            "description": "Not modified: the ETag sent in If-None-Match is still current.",
            "headers": {"ETag": ref("headers", "ETag")},
        },
        "BadRequest": error("A parameter was not accepted; `parameter` names it."),
        "NotFound": error("Nothing published has this id."),
        "TooManyRequests": error("Too many requests from this client.", ["Retry-After"]),
    }


CACHE_HEADERS = ("ETag", "Last-Modified", "Cache-Control")


def get(operation_id, summary, schema, by_id=False):
    """A GET operation whose 200 response is JSON of `schema`, with the shared error answers."""
    answers = {
        "200": {
            "description": summary,
            "headers": {name: ref("headers", name) for name in CACHE_HEADERS},
            "content": {"application/json": {"schema": schema}},
        },
        "304": ref("responses", "NotModified"),
        "400": ref("responses", "BadRequest"),
    }
    if by_id:
        answers["404"] = ref("responses", "NotFound")
    answers["429"] = ref("responses", "TooManyRequests")
    return {"operationId": operation_id, "summary": summary, "responses": answers}


def path(operation, query_parameters=(), by_id=False):
    """A path item: lang and Accept-Language on every path, the id on `{id}` paths."""
    names = ["lang", "Accept-Language", *(["id"] if by_id else []), *query_parameters]
    return {"parameters": [ref("parameters", name) for name in names], "get": operation}


LIST = ("search", "page", "per_page")
SERVICE_FILTERS = ("taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")


def paths():
    def either(full, summary):
        return {"anyOf": [schema_ref(full), schema_ref(summary)]}

    return {
        "/": path(get("getApiInfo", "About this API.", schema_ref("ApiInfo"))),
        "/services": path(
            get(
                "listServices", "Published services.", page_of(either("Service", "ServiceSummary"))
            ),
            (*LIST, *SERVICE_FILTERS, "full_service", "format"),
        ),
        "/services/{id}": path(
            get("getService", "One service, in full.", schema_ref("Service"), by_id=True),
            by_id=True,
        ),
        "/organizations": path(
            get(
                "listOrganizations",
                "Organizations with published services.",
                page_of(either("Organization", "OrganizationSummary")),
            ),
            (*LIST, "full_organization", "format"),
        ),
        "/organizations/{id}": path(
            get(
                "getOrganization",
                "One organization, with its services.",
                schema_ref("Organization"),
                by_id=True,
            ),
            by_id=True,
        ),
        "/service_at_locations": path(
            get(
                "listServiceAtLocations",
                "Published services at their locations.",
                page_of(schema_ref("ServiceAtLocation")),
            ),
            (*LIST, *SERVICE_FILTERS, "format"),
        ),
        "/service_at_locations/{id}": path(
            get(
                "getServiceAtLocation",
                "One service at a location, with the service and the location.",
                schema_ref("ServiceAtLocation"),
                by_id=True,
            ),
            by_id=True,
        ),
        "/taxonomies": path(
            get("listTaxonomies", "Taxonomies.", page_of(schema_ref("Taxonomy"))),
            (*LIST, "format"),
        ),
        "/taxonomies/{id}": path(
            get("getTaxonomy", "One taxonomy.", schema_ref("Taxonomy"), by_id=True), by_id=True
        ),
        "/taxonomy_terms": path(
            get("listTaxonomyTerms", "Taxonomy terms.", page_of(schema_ref("TaxonomyTerm"))),
            (*LIST, "taxonomy_id", "parent_id", "top_only", "format"),
        ),
        "/taxonomy_terms/{id}": path(
            get("getTaxonomyTerm", "One taxonomy term.", schema_ref("TaxonomyTerm"), by_id=True),
            by_id=True,
        ),
        "/dataset.json": path(
            get("getDataset", "The whole published data set.", schema_ref("Dataset"))
        ),
        "/dataset.zip": path(tables()),
        "/openapi.json": path(get("getOpenApi", "This API description.", {"type": "object"})),
    }


def tables():
    """The data set in HSDS's tabular form: a zip file of CSV files, one per table."""
    operation = get(
        "getDatasetTables",
        "The whole published data set as tables: one CSV file per HSDS table "
        "(services.csv, phones.csv, schedules.csv, ...), in a zip file.",
        {},
    )
    operation["responses"]["200"]["content"] = {
        "application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}
    }
    return operation


DESCRIPTION = """\
Help with cyberbullying in Amsterdam, as Open Referral HSDS 3.0 data. Read-only; only
published listings.

**Language.** Responses are in Dutch by default, in English with `Accept-Language: en` or
`?lang=en` (the parameter wins). A response is wholly in one language; the other language is
never mixed in.

**Limits.** Requests are rate limited per client: past the limit the answer is 429 Too Many
Requests, with a `Retry-After` header in seconds.

**Caching.** Responses carry `ETag` and `Last-Modified`; send the ETag back in `If-None-Match`
to get 304 Not Modified while nothing has changed.
"""


def openapi_document(api_root, licence, open_data_page):
    """The OpenAPI 3.1 description of the HSDS API, as a dict (served as JSON)."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "helpfinder: Amsterdam help with cyberbullying, as HSDS 3.0",
            "version": "1.0.0",
            "description": DESCRIPTION,
            "license": {"name": str(licence["name"]), "url": str(licence["url"])},
            "contact": {"url": str(open_data_page)},
        },
        "externalDocs": {
            "description": "The Open Referral Human Services Data Specification (HSDS) 3.0",
            "url": HSDS_DOCS,
        },
        "servers": [{"url": str(api_root).removesuffix("/")}],
        "paths": paths(),
        "components": {
            "schemas": schemas(),
            "parameters": parameters(),
            "headers": headers(),
            "responses": responses(),
        },
    }
