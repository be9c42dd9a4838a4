"""The public pages the benchmark and the load test ask for, by page type (needs Django
set up). Several URLs per type, in both languages, taken in turn."""

from urllib.parse import urlencode

from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from django.utils import translation

from resources.choices import AgeBand, Status
from resources.models import Audience, BullyingType, Resource

from .server import NewAnswers

# Answers people typically give (the four questions), as query strings.
TYPICAL_ANSWERS = [
    "danger=no&who=young-person&what=insults&age=12-17",
    "danger=yes&who=young-person&what=threats&age=12-17",
    "danger=no&who=parent&what=fake-profile&what=images&age=under-12",
    "danger=no&who=school-staff&what=exclusion&age=12-17",
    "danger=no&who=adult&what=hate&age=18-plus",
    "who=worried&what=not-sure",
]
SEARCHES = {"nl": ["pesten", "school ouders"], "en": ["bullying", "school parents"]}
# What people type in the site search (as in tests/search/judged-queries.yaml): a name, a
# typo, a kind of bullying in their own words, the other language, a number, a broad word
# (all 10,000 synthetic listings say "pesten"), a page, nonsense.
SITE_SEARCHES = {
    "nl": ["kindertelefon", "naaktfoto", "police", "0800 0432", "gepest", "wat is cyberpesten"],
    "en": ["helpwantd", "whatsapp group", "bullying at school", "qxzqxzq"],
}
LANGUAGES = ("nl", "en")


def url(name, language, query="", **kwargs):
    with translation.override(language):
        path = reverse(f"resources:{name}", kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


def home():
    return [url("home", language) for language in LANGUAGES]


def results():
    return [url("results", lang, answers) for answers in TYPICAL_ANSWERS for lang in LANGUAGES]


def new_answers():
    """Results with answers no request had before: the page cache never has the page."""
    return NewAnswers(
        paths=[url("results", language) for language in LANGUAGES],
        audiences=list(Audience.objects.values_list("slug", flat=True)),
        ages=AgeBand.values,
        types=list(BullyingType.objects.values_list("slug", flat=True)),
    )


def directory():
    return [url("directory", language) for language in LANGUAGES]


def directory_search():
    return [
        url("directory", language, f"q={words.replace(' ', '+')}")
        for language in LANGUAGES
        for words in SEARCHES[language]
    ]


def resource_pages(count=20):
    """Resource pages spread over the whole list."""
    slugs = list(
        Resource.objects.filter(status=Status.PUBLISHED)
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    step = max(1, len(slugs) // count)
    chosen = slugs[::step][:count]
    return [url("resource", LANGUAGES[n % 2], slug=slug) for n, slug in enumerate(chosen)]


def static_css():
    return [staticfiles_storage.url("css/site.css")]


def site_search():
    return [
        url("search", language, urlencode({"q": words}))
        for language, searches in SITE_SEARCHES.items()
        for words in searches
    ]


def api_services():
    """The open-data API's list of services, 50 a page, in both languages, two pages."""
    return [
        f"/api/hsds/services?per_page=50&page={page}&lang={language}"
        for language in LANGUAGES
        for page in (1, 2)
    ]


PAGE_TYPES = {
    "home": home,
    "results": results,
    "directory": directory,
    "directory + search": directory_search,
    "search": site_search,
    "API services": api_services,
    "resource page": resource_pages,
}
