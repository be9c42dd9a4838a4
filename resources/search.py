"""One search for the whole site: listings, then advice steps, then information pages.

Every published listing, advice step, information page and kind of bullying is in one
textsearch.Index per language, built in each process once per content version (like the
ranking's candidates, contentcache.per_version), so a search costs no query of its own
and finds the same on SQLite and PostgreSQL. A staff edit (a new search word) raises the
content version: the next search uses a new index.

A query that names a kind of bullying ("naaktfoto", "groepsapp": its name or one of the
search words staff gave it) shows the listings the questions would give for that kind,
ranked by the triage (results.matches_for), and offers the questions with it answered.
"""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from . import triage
from .choices import ChannelKind
from .contentcache import per_version
from .languages import codes, column
from .markup import REFERENCE, markdown
from .models import Resource
from .phone import digits
from .results import matches_for
from .sitedata import advice_steps, candidates, published_pages, taxonomy
from .textsearch import Index, Stemmers

MAX_SEARCH_LENGTH = 100
LISTINGS_SHOWN = 10
OTHERS_SHOWN = 3  # advice steps, and information pages
# A kind of bullying is meant when its name or search words hold (nearly) every word.
TYPE_MATCH = 0.75
# Listings found through a kind of bullying count this much of the kind's match.
THROUGH_TYPE = 0.9
# A result much weaker than the best (a word in a long text, while another result has
# it in its title) is left out of the search page; the directory keeps every match.
CUTOFF = 0.5

# Field -> (reason, level): where a word counts most.
LISTING_FIELDS = {
    "name": ("name", 1.0),
    "search_words": ("words", 1.0),
    "best_at": ("summary", 0.6),
    "summary": ("summary", 0.6),
    "description": ("text", 0.4),
    "how_it_works": ("text", 0.4),
    "contact_note": ("text", 0.3),
}
TYPE_FIELDS = {
    "name": ("name", 1.0),
    "search_words": ("words", 1.0),
    "description": ("text", 0.4),
    "description_other": ("text", 0.4),
}
PAGE_FIELDS = {"title": ("title", 1.0), "summary": ("summary", 0.6), "body": ("text", 0.4)}
ADVICE_FIELDS = {"title": ("title", 1.0), "body": ("text", 0.4)}

REASONS = {
    "name": _("The name matches"),
    "words": _("A word people use for it"),
    "phone": _("The phone number matches"),
    "summary": _("Found in the summary"),
    "title": _("The title matches"),
    "text": _("Found in the text"),
}


@dataclass
class SiteIndex:
    index: Index
    entries: dict  # ("advice" | "page", pk) -> the advice step or the Page
    types: dict  # slug -> BullyingType


@dataclass(frozen=True)
class Result:
    """One result: a listing (a Candidate, shown as a card), an advice step (shown whole,
    as on the results) or a Page (its title, linked, and summary); why it matched."""

    item: object
    reasons: tuple
    score: float


@dataclass
class Results:
    text: str
    listings: list = field(default_factory=list)
    all_listings: list = field(default_factory=list)  # every listing shown or not
    advice: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    types: list = field(default_factory=list)  # the kinds of bullying the query names
    corrections: dict = field(default_factory=dict)  # typed word -> word searched for

    def __bool__(self):
        return bool(self.listings or self.advice or self.pages)

    @property
    def first(self):
        for section in (self.listings, self.advice, self.pages):
            if section:
                return section[0]
        return None


def cut(text):
    return (text or "")[:MAX_SEARCH_LENGTH].strip()


def plain(text):
    """Markdown as words: references ([[slug]]) as the slug's words."""
    return strip_tags(markdown(REFERENCE.sub(lambda m: m.group(1).replace("-", " "), text)))


def translations(values, name):
    """(language, text) of a translated field, from {column: text}: the active language
    first, then each other language whose text differs (a name the same in English is
    the Dutch name, not a match in another language)."""
    own = get_language()
    ordered = [own] + [code for code in codes() if code != own]
    seen = set()
    for code in ordered:
        text = values.get(column(name, code)) or ""
        if text and text not in seen:
            seen.add(text)
            yield code, text


def add_fields(index, key, values, fields):
    """Each translated field, in every language, from {column: text}, to the index."""
    for name, (reason, level) in fields.items():
        for code, text in translations(values, name):
            index.add(key, reason, level, plain(text) if name == "body" else text, code)


def columns_of(obj, fields):
    return {
        column(name, code): getattr(obj, column(name, code)) for name in fields for code in codes()
    }


def build():
    """The index of everything the public can find, in the active language."""
    index = Index(get_language(), Stemmers(codes()))
    rows = (
        Resource.objects.published()
        .by_weight_and_name()
        .values("pk", *(column(name, code) for name in LISTING_FIELDS for code in codes()))
    )
    phones = {
        candidate.pk: [c.address for c in candidate.channels if c.kind == ChannelKind.PHONE]
        for candidate in candidates()
    }
    for row in rows.iterator(chunk_size=2000):
        key = ("listing", row["pk"])
        add_fields(index, key, row, LISTING_FIELDS)
        for number in phones.get(row["pk"], ()):
            index.add(key, "phone", 1.0, digits(number))
    types = {}
    for kind in taxonomy()["types"]:
        types[kind.slug] = kind
        add_fields(index, ("type", kind.slug), columns_of(kind, TYPE_FIELDS), TYPE_FIELDS)
    entries = {}
    for step in advice_steps():
        entries["advice", step.pk] = step
        add_fields(index, ("advice", step.pk), columns_of(step, ADVICE_FIELDS), ADVICE_FIELDS)
    for page in published_pages():
        entries["page", page.pk] = page
        add_fields(index, ("page", page.pk), columns_of(page, PAGE_FIELDS), PAGE_FIELDS)
    return SiteIndex(index, entries, types)


def site_index():
    return per_version("search", build)


def reason_for(hit):
    words = str(REASONS[hit.where.reason])
    if not hit.where.own:
        other = next(code for code in codes() if code != get_language())
        language = get_language_info(other)["name_translated"]
        words = _("%(reason)s, in %(language)s") % {"reason": words, "language": language}
    return words


def search(text, now, cutoff=CUTOFF):
    """Results for the words `text` at `now`: listings (those the named kinds of
    bullying give first), advice steps and information pages, best first."""
    found = Results(text=text)
    if not text:
        return found
    site = site_index()
    lookup = site.index.lookup(text)
    found.corrections = lookup.corrections
    hits = site.index.search(text, lookup)
    by_kind = {}
    for hit in hits:
        by_kind.setdefault(hit.doc[0], []).append(hit)
    type_hits = [
        hit
        for hit in by_kind.get("type", [])
        if hit.score >= TYPE_MATCH and hit.where.reason in ("name", "words")
    ]
    found.types = [site.types[hit.doc[1]] for hit in type_hits]
    listings = listing_results(by_kind.get("listing", []), type_hits, now)
    if not hits:
        return found
    keep = max([result.score for result in listings[:1]] + [hits[0].score]) * cutoff
    listings = [result for result in listings if result.score >= keep]
    found.all_listings = listings
    found.listings = listings[:LISTINGS_SHOWN]
    for kind, shown in (("advice", found.advice), ("page", found.pages)):
        for hit in by_kind.get(kind, [])[:OTHERS_SHOWN]:
            if hit.score >= keep:
                shown.append(Result(site.entries[hit.doc], (reason_for(hit),), hit.score))
    return found


def listing_results(hits, type_hits, now):
    """Listings whose name, search words or number match every word; then those the
    triage gives first for the kinds of bullying the query names; then the rest."""
    listed = {candidate.pk: candidate for candidate in candidates()}
    strong = [hit for hit in hits if hit.score >= TYPE_MATCH]
    results = [Result(listed[hit.doc[1]], (reason_for(hit),), hit.score) for hit in strong]
    seen = {result.item.pk for result in results}
    if type_hits:
        score = max(hit.score for hit in type_hits) * THROUGH_TYPE
        answers = triage.Answers(what=tuple(hit.doc[1] for hit in type_hits))
        matches, _fallback = matches_for(answers, now)
        for match in matches:
            if match.resource.pk not in seen:
                seen.add(match.resource.pk)
                results.append(Result(match.resource, match.reasons, score))
    for hit in hits:
        if hit.doc[1] not in seen and hit.doc[1] in listed:
            results.append(Result(listed[hit.doc[1]], (reason_for(hit),), hit.score))
    return results


def listing_ids(text, now):
    """Every listing that matches, best first (the directory's order for a search)."""
    return [result.item.pk for result in search(text, now, cutoff=0).all_listings]
