"""The open-data API: Open Referral HSDS 3.0, read-only, under /api/hsds/ (no language
prefix). What each object holds is resources/hsds.py; this module is the HTTP around it.

- Language: `?lang=nl|en`, else the Accept-Language header, else Dutch.
- Pages: `page` (from 1) and `per_page` (1 to MAX_PER_PAGE), with HSDS's page fields.
- Each response is built once per content version, language and address, and kept in the
  cache (resources/contentcache.py): an edit in the admin shows in the next response.
  Sent with `Cache-Control: public, no-cache`, an ETag and Last-Modified, so clients
  revalidate and get 304 while nothing changed.
- CORS: GET from any site; no cookies; rate limited per client (429 with Retry-After).
- Errors are JSON: {"status", "detail", "parameter"}: 400 for a bad parameter, 404 for an
  unknown id or address, 405 for anything but GET, HEAD and OPTIONS; never a 500 for bad
  input.
"""

import functools
import hashlib
import json
import uuid
from datetime import datetime, time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from helpfinder.privacy import address_key

from . import hsds, hsds_tables, search
from .contentcache import current_version
from .hsds_openapi import openapi_document
from .languages import codes
from .models import Audience, BullyingType, Resource

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# Parameters each kind of list takes; any other one is refused, so a typo is noticed.
COMMON = {"lang", "page", "per_page", "format", "search"}


class ApiError(Exception):
    """An answer that is not the data: its status, what is wrong (in the response's
    language) and the parameter at fault."""

    def __init__(self, status, detail, parameter=None):
        super().__init__(detail)
        self.status, self.detail, self.parameter = status, detail, parameter


def error_response(status, detail, parameter=None):
    body = {"status": status, "detail": str(detail)}
    if parameter:
        body["parameter"] = parameter
    return json_response(json.dumps(body).encode(), status=status)


def json_response(body, status=200):
    response = HttpResponse(body, status=status, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def language_of(request):
    """?lang= first, then Accept-Language, then Dutch. An unknown ?lang= is refused
    (check_lang) in the language of the header."""
    given = request.GET.get("lang")
    if given in codes():
        return given
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in codes():
            return code
    return settings.LANGUAGE_CODE


def check_lang(request):
    if request.GET.get("lang", codes()[0]) not in codes():
        raise ApiError(
            400, _("lang must be one of: %(codes)s.") % {"codes": ", ".join(codes())}, "lang"
        )


def check_parameters(request, allowed):
    """Refuses a parameter this address does not take (a typo would otherwise be ignored)
    and any format but JSON."""
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ApiError(
            400,
            _("Unknown parameter: %(name)s. This address takes: %(names)s.")
            % {"name": unknown[0], "names": ", ".join(sorted(allowed))},
            unknown[0],
        )
    if request.GET.get("format", "json") != "json":
        raise ApiError(400, _("Only format=json is offered."), "format")


def rate_limited(request):
    """Seconds to wait when this client asked too much, else None."""
    usage = get_usage(
        request,
        group="hsds-api",
        key=address_key,
        rate=settings.HELPFINDER_API_RATE,
        increment=True,
    )
    if usage and usage["should_limit"]:
        return max(1, int(usage["time_left"]))
    return None


def endpoint(parameters=(), file=None):
    """Wraps a view `build(request, language, links, **path) -> dict` with everything a
    response of the API needs (see the module's docstring). With `file` ("name-{language}.zip")
    the view gives a zip file's bytes, sent as a download of that name."""
    allowed = COMMON | set(parameters)

    def wrap(build):
        @functools.wraps(build)
        def view(request, **kwargs):
            language = language_of(request)
            with translation.override(language):
                return answer(request, language, kwargs)

        def answer(request, language, kwargs):
            if request.method == "OPTIONS":
                response = json_response(b"", status=204)
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "Accept-Language, If-None-Match"
                response["Access-Control-Max-Age"] = "86400"
                return response
            if request.method not in ("GET", "HEAD"):
                response = error_response(405, _("Only GET, HEAD and OPTIONS."))
                response["Allow"] = "GET, HEAD, OPTIONS"
                return response
            if wait := rate_limited(request):
                response = error_response(429, _("Too many requests: wait, then try again."))
                response["Retry-After"] = str(wait)
                return response
            try:
                check_parameters(request, allowed)
                check_lang(request)
                body, built, etag = cached_body(request, language, build, kwargs)
            except ApiError as error:
                return error_response(error.status, error.detail, error.parameter)
            response = json_response(body)
            if file:
                name = file.format(language=language)
                response["Content-Type"] = "application/zip"
                response["Content-Disposition"] = f'attachment; filename="{name}"'
            response["Content-Language"] = language
            response["Cache-Control"] = "public, no-cache"
            response["Last-Modified"] = http_date(built)
            patch_vary_headers(response, ["Accept-Language"])
            response["ETag"] = etag
            return response

        return view

    return wrap


def cached_body(request, language, build, kwargs):
    """The body of this address, the time it was built and its ETag: built once per
    content version and language, kept as long as public pages
    (HELPFINDER_PAGE_CACHE_SECONDS; 0: not kept)."""
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"hsds:{current_version()}:{language}:{address}"
    seconds = settings.HELPFINDER_PAGE_CACHE_SECONDS
    stored = cache.get(key) if seconds else None
    if stored is None:
        links = hsds.Links(request.build_absolute_uri(reverse("hsds:root")))
        data = build(request, language=language, links=links, **kwargs)
        if not isinstance(data, bytes):
            data = json.dumps(data, ensure_ascii=False).encode()
        stored = (
            data,
            timezone.now().timestamp(),
            quote_etag(hashlib.md5(data, usedforsecurity=False).hexdigest()),
        )
        if seconds:
            cache.set(key, stored, seconds)
    return stored


# ------------------------------------------------------------------------- parameters


def whole_number(request, name, default, lowest, highest):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lowest <= value <= highest:
        raise ApiError(
            400,
            _("%(name)s must be a whole number from %(lowest)s to %(highest)s.")
            % {"name": name, "lowest": lowest, "highest": highest},
            name,
        )
    return value


def boolean(request, name):
    raw = request.GET.get(name, "false").lower()
    if raw not in ("true", "false", "1", "0"):
        raise ApiError(400, _("%(name)s must be true or false.") % {"name": name}, name)
    return raw in ("true", "1")


def an_id(request, name):
    """A uuid parameter, or None when not given."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ApiError(400, _("%(name)s must be a uuid.") % {"name": name}, name) from None


def moment(request, name):
    """A date-time (ISO 8601; without a zone: Amsterdam time) or a date (its start)."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        found = parse_datetime(raw.strip().replace(" ", "+"))
        if found is None and (day := parse_date(raw.strip())):
            found = datetime.combine(day, time())
    except ValueError:
        found = None
    if found is None:
        raise ApiError(
            400,
            _("%(name)s must be a date-time like 2026-11-23T12:00:00Z or a date like 2026-11-23.")
            % {"name": name},
            name,
        )
    if timezone.is_naive(found):
        found = timezone.make_aware(found)
    return found


def page_of(request, items, to_dict):
    """The HSDS page of a list (a QuerySet or a list) for page and per_page."""
    number = whole_number(request, "page", 1, 1, 10**6)
    size = whole_number(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, -(-total // size))
    start = (number - 1) * size
    contents = [to_dict(item) for item in items[start : start + size]] if start < total else []
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def not_found(what):
    """`what`: the HSDS name of the kind of object (service, organization, ...)."""
    return ApiError(404, _("No %(what)s with this id.") % {"what": what})


def uuid_or_404(value, what):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise not_found(what) from None


# ----------------------------------------------------------------------------- views

SERVICE_FILTERS = {"taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"}


def filtered_services(request, language, full=True):
    """The published listings that pass the filters, in a fixed order (by relevance when
    searching, as the site's search ranks them); with what a full service or only its
    one-to-one fields need."""
    services = hsds.published_services() if full else hsds.service_summaries()
    if term := an_id(request, "taxonomy_term_id"):
        services = services.filter(pk__in=linked_to(term=term))
    if taxonomy := an_id(request, "taxonomy_id"):
        services = services.filter(pk__in=linked_to(taxonomy=taxonomy))
    if organization := an_id(request, "organization_id"):
        services = services.filter(organization__uuid=organization)
    if after := moment(request, "modified_after"):
        services = services.filter(updated_at__gte=after)
    text = request.GET.get("search", "").strip()
    if not text:
        return services.order_by(f"name_{language}", "pk")
    ranked = search.listing_ids(text, timezone.now())
    passed = set(services.filter(pk__in=ranked).values_list("pk", flat=True))
    return Ranked(services, [pk for pk in ranked if pk in passed])


class Ranked:
    """The listings a search found, best first: counted by their ids, read from the
    database a page at a time (page_of slices it)."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, ids

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, part):
        wanted = self.ids[part]
        by_id = {resource.pk: resource for resource in self.queryset.filter(pk__in=wanted)}
        return [by_id[pk] for pk in wanted]


def linked_to(term=None, taxonomy=None):
    """The ids of listings linked (at any level) to this term, or to any term of this
    taxonomy: a subquery, no query of its own."""
    audiences, types = Audience.objects.all(), BullyingType.objects.all()
    if term:
        audiences, types = audiences.filter(uuid=term), types.filter(uuid=term)
    if taxonomy != hsds.AUDIENCES and taxonomy is not None:
        audiences = audiences.none()
    if taxonomy != hsds.BULLYING_TYPES and taxonomy is not None:
        types = types.none()
    return Resource.objects.filter(
        Q(audiences__in=audiences)
        | Q(also_for__in=audiences)
        | Q(bullying_types__in=types)
        | Q(general_types__in=types)
    ).values("pk")


@endpoint()
def root(request, language, links):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": request.build_absolute_uri(open_data_page(language)),
        "openapi_url": links.root + "openapi.json",
        "language": language,
        "licence": hsds.licence(),
        "download_url": links.root + "dataset.json",
    }


def open_data_page(language):
    with translation.override(language):
        return reverse("resources:open_data")


@endpoint(SERVICE_FILTERS | {"full"})
def services(request, language, links):
    full = boolean(request, "full")
    found = filtered_services(request, language, full)
    make = hsds.service if full else hsds.service_summary
    return page_of(request, found, lambda resource: make(resource, language, links))


@endpoint()
def service(request, id, language, links):
    wanted = uuid_or_404(id, "service")
    resource = hsds.published_services().filter(uuid=wanted).first()
    if resource is None:
        raise not_found("service")
    return hsds.service(resource, language, links)


@endpoint({"full", "full_service"})
def organizations(request, language, links):
    full = boolean(request, "full") or boolean(request, "full_service")
    found = hsds.published_organizations()
    if text := request.GET.get("search", "").strip():
        found = found.filter(name__icontains=text)
    if not full:
        return page_of(request, found, lambda obj: hsds.organization(obj, language, links))
    page = page_of(request, found, lambda obj: obj)
    page["contents"] = hsds.with_services(page["contents"], language, links)
    return page


@endpoint({"full_service"})
def organization(request, id, language, links):
    wanted = uuid_or_404(id, "organization")
    obj = hsds.published_organizations().filter(uuid=wanted).first()
    if obj is None:
        raise not_found("organization")
    return hsds.with_services([obj], language, links)[0]


# `full` is taken as HSDS defines it; a service at a location is always given in full.
@endpoint(SERVICE_FILTERS | {"full"})
def service_at_locations(request, language, links):
    found = filtered_services(request, language, full=False)
    if isinstance(found, Ranked):
        wanted = set(found.ids)
    else:
        wanted = set(found.values_list("pk", flat=True))
    visits = [channel for channel in hsds.visits() if channel.resource_id in wanted]
    return page_of(
        request, visits, lambda channel: hsds.service_at_location(channel, language, links)
    )


@endpoint()
def service_at_location(request, id, language, links):
    wanted = uuid_or_404(id, "service_at_location")
    for channel in hsds.visits():
        if hsds.part_id(channel.resource.uuid, "visit", channel.address) == str(wanted):
            return hsds.service_at_location(channel, language, links)
    raise not_found("service_at_location")


@endpoint()
def taxonomies(request, language, links):
    found = hsds.taxonomies(links)
    if text := request.GET.get("search", "").strip().lower():
        found = [t for t in found if text in t["name"].lower()]
    return page_of(request, found, lambda taxonomy: taxonomy)


@endpoint()
def taxonomy(request, id, language, links):
    wanted = str(uuid_or_404(id, "taxonomy"))
    for found in hsds.taxonomies(links):
        if found["id"] == wanted:
            return found
    raise not_found("taxonomy")


@endpoint({"taxonomy_id", "parent_id", "top_only"})
def taxonomy_terms(request, language, links):
    wanted_taxonomy = an_id(request, "taxonomy_id")
    parent = an_id(request, "parent_id")
    boolean(request, "top_only")  # every term is at the top: checked, changes nothing
    found = [
        hsds.taxonomy_term(taxonomy, obj, language, links)
        for taxonomy, obj in hsds.terms()
        if wanted_taxonomy in (None, taxonomy) and parent is None
    ]
    if text := request.GET.get("search", "").strip().lower():
        found = [term for term in found if text in term["name"].lower()]
    return page_of(request, found, lambda term: term)


@endpoint()
def taxonomy_term(request, id, language, links):
    wanted = uuid_or_404(id, "taxonomy_term")
    for taxonomy, obj in hsds.terms():
        if obj.uuid == wanted:
            return hsds.taxonomy_term(taxonomy, obj, language, links)
    raise not_found("taxonomy_term")


@endpoint()
def dataset_json(request, language, links):
    return dataset(request, language, links)


def dataset(request, language, links):
    return hsds.dataset(language, links) | {"licence": hsds.licence()}


@endpoint(file="helpfinder-hsds-{language}.zip")
def dataset_tables(request, language, links):
    """The data set in HSDS's tabular form: a CSV file per table, zipped."""
    return hsds_tables.zipped(dataset(request, language, links))


@endpoint()
def openapi(request, language, links):
    return openapi_document(
        links.root, hsds.licence(), request.build_absolute_uri(open_data_page(language))
    )


def unknown_address(request, rest=""):
    with translation.override(language_of(request)):
        return error_response(404, _("No such address in this API. Start at /api/hsds/."))
