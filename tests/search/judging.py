"""The judged queries (tests/search/judged-queries.yaml) measured on the real search page.

A query has a right answer first when the first result shown (listings come first, then
advice steps, then information pages) is one of its `right` answers, and in the first
three when any of the first three is; a query judged `nothing: true` is right when
nothing is found. No result the query judges `never` may be shown at all.
`make judge` prints each query and the figures; tests/search/test_judged_queries.py fails
below the targets.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import yaml
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from resources.languages import column
from resources.models import Page

QUERIES = Path(__file__).parent / "judged-queries.yaml"
TARGET_FIRST = 0.95
TARGET_TOP3 = 1.0


def load(path=QUERIES):
    return yaml.safe_load(Path(path).read_text("utf-8"))


def search_url(text, language):
    with translation.override(language):
        return f"{reverse('resources:search')}?{urlencode({'q': text})}"


def shown(client, text, language):
    """The results on the search page, in order: listing:<slug>, advice:<slug>,
    page:<Dutch slug>."""
    cache.clear()
    with translation.override(language):
        response = client.get(search_url(text, language))
        assert response.status_code == 200, response.status_code
        dutch = {page.slug: getattr(page, column("slug")) for page in Page.objects.all()}
    found = BeautifulSoup(response.content, "html.parser")
    return (
        [f"listing:{h2['id'].removeprefix('r-')}" for h2 in found.select("article.card h2[id]")]
        + [f"advice:{li['id'].removeprefix('advice-')}" for li in found.select("ol.advice > li")]
        + [
            f"page:{dutch[li['id'].removeprefix('page-')]}"
            for li in found.select(".found-pages li")
        ]
    )


@dataclass
class Verdict:
    query: dict
    shown: list

    @property
    def right_first(self):
        if self.query.get("nothing"):
            return not self.shown
        return bool(self.shown) and self.shown[0] in self.query["right"]

    @property
    def right_in_three(self):
        if self.query.get("nothing"):
            return not self.shown
        return any(result in self.query["right"] for result in self.shown[:3])

    @property
    def never_shown(self):
        return [result for result in self.shown if result in self.query.get("never", [])]


def judge_all(queries, client=None):
    client = client or Client()
    return [Verdict(query, shown(client, query["query"], query["language"])) for query in queries]


def figures(verdicts):
    """(share with a right answer first, share with one in the first three, number of
    queries that show a result they must not)."""
    count = len(verdicts) or 1
    return (
        sum(v.right_first for v in verdicts) / count,
        sum(v.right_in_three for v in verdicts) / count,
        sum(bool(v.never_shown) for v in verdicts),
    )


def report(verdicts, write):
    """Each query's first three results, then the figures; True when the targets are met."""
    for v in verdicts:
        status = "pass" if v.right_first and v.right_in_three and not v.never_shown else "FAIL"
        if v.right_in_three and not v.right_first and not v.never_shown:
            status = "2nd "
        query = f"[{v.query['language']}] {v.query['query']}"
        write(f"{status}  {query:<34} " + (", ".join(v.shown[:3]) or "(nothing)"))
        for result in v.never_shown:
            write(f"      {result} must not be shown")
    first, three, never = figures(verdicts)
    write(
        f"\njudged-queries.yaml: {len(verdicts)} queries; a right answer first {first:.0%} "
        f"(target {TARGET_FIRST:.0%}), in the first three {three:.0%} (target "
        f"{TARGET_TOP3:.0%}); queries showing a result they must not: {never}"
    )
    return first >= TARGET_FIRST and three >= TARGET_TOP3 and not never
