"""The open data set in HSDS 3.0's tabular form: one CSV file per table, with the columns of
the specification's tables, in one zip file. Made from the same data set as the JSON
download (resources/hsds.py: dataset), so the two always agree."""

import csv
import io
import zipfile

# Each table's columns, in the specification's order (HSDS 3.0, the one-to-one fields).
TABLES = {
    "organizations": [
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "year_incorporated",
        "legal_status",
        "logo",
        "uri",
        "parent_organization_id",
    ],
    "services": [
        "id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
    ],
    "phones": [
        "id",
        "location_id",
        "service_id",
        "organization_id",
        "contact_id",
        "service_at_location_id",
        "number",
        "extension",
        "type",
        "description",
    ],
    "schedules": [
        "id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "timezone",
        "until",
        "count",
        "wkst",
        "freq",
        "interval",
        "byday",
        "byweekno",
        "bymonthday",
        "byyearday",
        "description",
        "opens_at",
        "closes_at",
        "schedule_link",
        "attending_type",
        "notes",
    ],
    "contacts": [
        "id",
        "organization_id",
        "service_id",
        "service_at_location_id",
        "location_id",
        "name",
        "title",
        "department",
        "email",
    ],
    "cost_options": [
        "id",
        "service_id",
        "valid_from",
        "valid_to",
        "option",
        "currency",
        "amount",
        "amount_description",
    ],
    "languages": ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
    "service_areas": [
        "id",
        "service_id",
        "name",
        "description",
        "extent",
        "extent_type",
        "uri",
    ],
    "attributes": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
    "service_at_locations": ["id", "service_id", "location_id", "description"],
    "locations": [
        "id",
        "location_type",
        "url",
        "organization_id",
        "name",
        "alternate_name",
        "description",
        "transportation",
        "latitude",
        "longitude",
        "external_identifier",
        "external_identifier_type",
    ],
    "addresses": [
        "id",
        "location_id",
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "taxonomies": ["id", "name", "description", "uri", "version"],
    "taxonomy_terms": [
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "language",
        "taxonomy_id",
        "term_uri",
    ],
}

# The lists inside a service that are tables of their own.
SERVICE_PARTS = [
    "phones",
    "schedules",
    "contacts",
    "cost_options",
    "languages",
    "service_areas",
    "attributes",
]


def rows(dataset):
    """{table: [row dicts]} from the nested data set."""
    tables = {name: [] for name in TABLES}
    tables["organizations"] = dataset["organizations"]
    tables["taxonomies"] = dataset["taxonomies"]
    tables["taxonomy_terms"] = dataset["taxonomy_terms"]
    for service in dataset["services"]:
        tables["services"].append(service)
        for part in SERVICE_PARTS:
            tables[part] += service.get(part, [])
    for place in dataset["service_at_locations"]:
        tables["service_at_locations"].append(place)
        tables["schedules"] += place.get("schedules", [])
        tables["locations"].append(place["location"])
        tables["addresses"] += place["location"].get("addresses", [])
    return tables


def zipped(dataset):
    """The zip file: one CSV (UTF-8, a header row) per table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, found in rows(dataset).items():
            text = io.StringIO()
            writer = csv.DictWriter(text, TABLES[table], extrasaction="ignore")
            writer.writeheader()
            writer.writerows(found)
            # A fixed date: the same data gives the same file (and the same ETag).
            archive.writestr(
                zipfile.ZipInfo(f"{table}.csv", (1980, 1, 1, 0, 0, 0)), text.getvalue()
            )
    return buffer.getvalue()
