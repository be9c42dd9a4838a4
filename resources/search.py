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
from .textsearch import Index, Stemmers, query_words

MAX_SEARCH_LENGTH = 100
LISTINGS_SHOWN = 10
OTHERS_SHOWN = 3  # advice steps, and information pages
# A kind of bullying is meant when its name or search words hold (nearly) every word, and
# a listing comes first when its name, search words or number do.
TYPE_MATCH = 0.75
# The score of listings found through a kind of bullying the query names.
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
    listed: dict  # pk -> the published listing as a card shows it (triage.Candidate)
    kinds: dict  # "listing", "type", "advice", "page" -> the set of such documents
    type_phrases: dict  # slug -> the words of its name and of each search word, as terms
    audience_phrases: dict  # slug -> the words of each of its search words, as typed


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
    listing_ids: list = field(default_factory=list)  # the listings, best first
    listing_count: int = 0  # how many listings there are to show, in all
    advice: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    types: list = field(default_factory=list)  # the kinds of bullying the query names
    who: str = ""  # the audience the query names ("mijn kind": parent), or ""
    corrections: dict = field(default_factory=dict)  # typed word -> word searched for

    def __bool__(self):
        return bool(self.listings or self.advice or self.pages)

    @property
    def type_slugs(self):
        return tuple(kind.slug for kind in self.types)


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
    listed = {candidate.pk: candidate for candidate in candidates()}
    for row in rows.iterator(chunk_size=2000):
        key = ("listing", row["pk"])
        add_fields(index, key, row, LISTING_FIELDS)
        for channel in listed[row["pk"]].channels:
            if channel.kind == ChannelKind.PHONE:
                index.add(key, "phone", 1.0, digits(channel.address))
    types = {}
    type_phrases = {}
    for kind in taxonomy()["types"]:
        types[kind.slug] = kind
        values = columns_of(kind, TYPE_FIELDS)
        add_fields(index, ("type", kind.slug), values, TYPE_FIELDS)
        type_phrases[kind.slug] = [
            index.phrase(phrase)
            for name in ("name", "search_words")
            for _code, text in translations(values, name)
            for phrase in text.split(",")
            if phrase.strip()
        ]
    audience_phrases = {
        audience.slug: [
            set(query_words(phrase))
            for _code, text in translations(columns_of(audience, ["search_words"]), "search_words")
            for phrase in text.split(",")
            if query_words(phrase)
        ]
        for audience in taxonomy()["audiences"]
    }
    entries = {}
    for step in advice_steps():
        entries["advice", step.pk] = step
        add_fields(index, ("advice", step.pk), columns_of(step, ADVICE_FIELDS), ADVICE_FIELDS)
    for page in published_pages():
        entries["page", page.pk] = page
        add_fields(index, ("page", page.pk), columns_of(page, PAGE_FIELDS), PAGE_FIELDS)
    kinds = {kind: set() for kind in ("listing", "type", "advice", "page")}
    for doc in index.documents():
        kinds[doc[0]].add(doc)
    return SiteIndex(index, entries, types, listed, kinds, type_phrases, audience_phrases)


def site_index():
    return per_version("search", build)


def reason_for(hit):
    words = str(REASONS[hit.where.reason])
    if hit.where.language != get_language():
        language = get_language_info(hit.where.language)["name_translated"]
        words = _("%(reason)s, in %(language)s") % {"reason": words, "language": language}
    return words


def search(text, now, everything=False):
    """Results for the words `text` at `now`: listings (those the named kinds of
    bullying give first), advice steps and information pages, best first. With
    `everything`, the ids of every listing that matches (the directory), not only the
    best few."""
    found = Results(text=text)
    if not text:
        return found
    site = site_index()
    lookup = site.index.lookup(text)
    found.corrections = lookup.corrections
    ranking = site.index.search(text, lookup)
    if not ranking:
        return found
    found.types = named_types(site, ranking, lookup)
    found.who = named_audience(site, text)
    listings = site.kinds["listing"]
    head, through = first_listings(ranking, listings, found, now)
    best = max([ranking.best] + [score for _reasons, score in through.values()])
    keep = 0.0 if everything else best * CUTOFF
    rest = ranking.first(
        listings,
        limit=None if everything else max(0, LISTINGS_SHOWN - len(head)),
        at_least=keep,
        leave_out=set(head),
    )
    found.listing_ids = [pk for _kind, pk in head + rest]
    found.listing_count = ranking.count(listings, keep) + sum(
        ranking.score(doc) < keep for doc in through
    )
    found.listings = [
        Result(site.listed[doc[1]], *through.get(doc) or text_match(ranking, doc))
        for doc in (head + rest)[:LISTINGS_SHOWN]
    ]
    advice = [site.entries[doc] for doc in ranking.first(site.kinds["advice"], at_least=keep)]
    for step in advice_shown(advice, found.who)[:OTHERS_SHOWN]:
        found.advice.append(Result(step, *text_match(ranking, ("advice", step.pk))))
    for doc in ranking.first(site.kinds["page"], OTHERS_SHOWN, at_least=keep):
        found.pages.append(Result(site.entries[doc], *text_match(ranking, doc)))
    return found


def advice_shown(steps, who):
    """The advice steps (best first) to show: one of each title (the same step is written
    for young people, for adults and for those who help them: "Doe aangifte bij de
    politie"), and when the query says who is asking, only steps written for them."""
    titles = set()
    kept = []
    for step in steps:
        if who and not triage.written_for(step, who):
            continue
        if step.title not in titles:
            titles.add(step.title)
            kept.append(step)
    return kept


def text_match(ranking, doc):
    """(why, score) of a result found by its words."""
    hit = ranking.hit(doc)
    return (reason_for(hit),), hit.score


def first_listings(ranking, listings, found, now):
    """The listings that come first: those whose name, search words or number match
    every word, then those the triage gives first for who the query says the visitor is
    and the kinds of bullying it names; and of the latter {doc: (the triage's reasons,
    score)}."""
    head = ranking.first(listings, at_least=TYPE_MATCH)
    through = {}
    if found.types or found.who:
        answers = triage.Answers(who=found.who or None, what=found.type_slugs)
        for match in triage_ranking(answers, now):
            doc = ("listing", match.resource.pk)
            if doc not in head:
                through[doc] = (match.reasons, THROUGH_TYPE)
    return head + list(through), through


def named_audience(site, text):
    """The first audience (in the staff's order) with a search word whose every word is
    in the query, as typed ("mijn kind wordt gepest": parent); "" if none."""
    typed = set(query_words(text))
    return next(
        (
            slug
            for slug, phrases in site.audience_phrases.items()
            if any(phrase <= typed for phrase in phrases)
        ),
        "",
    )


def named_types(site, ranking, lookup):
    """The kinds of bullying the query names: those whose name or search words hold
    (nearly) every word of the query ("nep account"), and those with a name or search
    word whose every word is in the query ("mijn kind wordt gepest op whatsapp")."""
    named = {
        hit.doc[1]
        for hit in map(ranking.hit, ranking.first(site.kinds["type"], at_least=TYPE_MATCH))
        if hit.where.reason in ("name", "words")
    }
    typed = lookup.terms()
    for slug, phrases in site.type_phrases.items():
        if any(all(forms & typed for forms in phrase) for phrase in phrases):
            named.add(slug)
    return [kind for slug, kind in site.types.items() if slug in named]


def triage_ranking(answers, now):
    """The listings the triage gives first for these answers (results.matches_for). One
    ranking per minute for each audience and set of kinds of bullying, in this process,
    shared by every search that names them ("nudes", "naaktfoto", "sexting"): what is
    open changes by the minute, as the page cache's pages do."""
    minute = int(now.timestamp() // 60)
    kept = per_version(f"search-triage:{answers.who}:{','.join(answers.what)}", dict)
    if kept.get("minute") != minute:
        matches, _fallback = matches_for(answers, now)
        kept.update(minute=minute, matches=matches)
    return kept["matches"]


def listing_ids(text, now):
    """Every listing that matches, best first (the directory's order for a search)."""
    return search(text, now, everything=True).listing_ids
