"""The judged situations (tests/data/judged-scenarios.yaml, a copy of
../shared/ranking/judged-scenarios.yaml) measured on the real results page.

`make judge` prints, for each situation and moment of the day, the first three cards, pass
or fail, and the mean nDCG@5; tests/test_judged.py fails when any situation fails.
A situation passes when card 1 is graded best, cards 1-3 are best or strong, and no card
graded wrong is on the page. nDCG@5 uses gain 2^grade - 1 (off and wrong count 0).
"""

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode

import yaml
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from resources.hours import AMSTERDAM

DATA = Path(__file__).parent / "data"
SCENARIOS = DATA / "judged-scenarios.yaml"  # a copy of ../shared/ranking/, kept in step
OWN_SCENARIOS = DATA / "own-scenarios.yaml"  # ours: danger=self-harm, advice
GRADES = {"best": 3, "strong": 2, "fine": 1, "wrong": -1}
# A Wednesday afternoon (De Kindertelefoon open) and that night (closed): the time of day
# must not change a pass.
MOMENTS = {
    "15:00": datetime(2026, 11, 25, 15, 0, tzinfo=AMSTERDAM),
    "23:30": datetime(2026, 11, 25, 23, 30, tzinfo=AMSTERDAM),
}
TARGET_NDCG = 0.95


def load(*paths):
    """The situations of these files (default: both), each with "source": the file's name."""
    paths = paths or (SCENARIOS, OWN_SCENARIOS)
    return [
        {**scenario, "source": path.name}
        for path in paths
        for scenario in yaml.safe_load(path.read_text("utf-8"))
    ]


def grades(scenario):
    return {slug: GRADES[level] for level in GRADES for slug in scenario.get(level, [])}


def results_url(answers, language="nl"):
    with translation.override(language):
        return f"{reverse('resources:results')}?{urlencode(answers, doseq=True)}"


@dataclass(frozen=True)
class Shown:
    cards: list  # listing slugs, in order
    advice: list  # advice step slugs, in order


def shown(client, answers, moment, language="nl"):
    """The results page as a visitor at `moment` sees it (the page cache is emptied
    first: a page cached at another moment has other hours)."""
    cache.clear()
    # override: the page's language is switched back afterwards, as for any visitor
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        translation.override(language),
    ):
        response = client.get(results_url(answers, language))
    assert response.status_code == 200, response.status_code
    page = BeautifulSoup(response.content, "html.parser")
    return Shown(
        cards=[card["id"].removeprefix("r-") for card in page.select("article.card h2[id]")],
        advice=[step["id"].removeprefix("advice-") for step in page.select("ol.advice > li")],
    )


def ndcg(cards, graded, depth=5):
    def gain(grade):
        return 2 ** max(grade, 0) - 1

    found = sum(
        gain(graded.get(slug, 0)) / math.log2(i + 2) for i, slug in enumerate(cards[:depth])
    )
    ideal_grades = sorted((g for g in graded.values() if g > 0), reverse=True)[:depth]
    ideal = sum(gain(g) / math.log2(i + 2) for i, g in enumerate(ideal_grades))
    return found / ideal if ideal else 1.0


@dataclass
class Verdict:
    scenario: dict
    moment: str
    shown: Shown
    problems: list
    ndcg: float | None  # None: the situation grades no listings (advice only)

    @property
    def passed(self):
        return not self.problems


def judge(scenario, cards, moment="", advice=()):
    """The problems with what was shown, and the nDCG@5 of the cards."""
    graded = grades(scenario)
    problems = []
    if scenario.get("best"):
        if not cards or graded.get(cards[0], 0) != GRADES["best"]:
            problems.append(f"card 1 is {cards[0] if cards else 'missing'}, not a best one")
        for position, slug in enumerate(cards[1:3], start=2):
            if graded.get(slug, 0) < GRADES["strong"]:
                problems.append(f"card {position} is {slug}, not best or strong")
    problems.extend(f"{slug} is not for this person" for slug in cards if graded.get(slug) == -1)
    if "advice_first" in scenario and (not advice or advice[0] not in scenario["advice_first"]):
        problems.append(f"advice starts with {advice[0] if advice else 'nothing'}")
    problems.extend(
        f"advice {slug} is not for this person"
        for slug in scenario.get("advice_never", [])
        if slug in advice
    )
    score = ndcg(cards, graded) if scenario.get("best") else None
    return Verdict(scenario, moment, Shown(list(cards), list(advice)), problems, score)


def judge_all(scenarios, client=None):
    client = client or Client()
    verdicts = []
    for scenario in scenarios:
        for name, at in MOMENTS.items():
            page = shown(client, scenario["answers"], at)
            verdicts.append(judge(scenario, page.cards, name, page.advice))
    return verdicts


def mean_ndcg(verdicts):
    """Over the verdicts that grade listings."""
    scores = [v.ndcg for v in verdicts if v.ndcg is not None]
    return sum(scores) / len(scores) if scores else 1.0


def report(verdicts, write):
    """Each situation at each moment, then each file's count and mean; True when all pass
    and every mean reaches the target."""
    for v in verdicts:
        status = "pass" if v.passed else "FAIL"
        score = f"nDCG@5 {v.ndcg:.2f}" if v.ndcg is not None else "advice     "
        first = v.shown.cards[:3] if v.ndcg is not None else v.shown.advice[:3]
        write(f"{status}  {v.scenario['id']:<24} {v.moment}  {score}  " + ", ".join(first))
        for problem in v.problems:
            write(f"      {problem}")
    failed = {v.scenario["id"] for v in verdicts if not v.passed}
    ok = not failed
    for source in dict.fromkeys(v.scenario["source"] for v in verdicts):
        mine = [v for v in verdicts if v.scenario["source"] == source]
        ids = {v.scenario["id"] for v in mine}
        write(
            f"\n{source}: {len(ids - failed)} of {len(ids)} situations pass at every moment; "
            f"mean nDCG@5 {mean_ndcg(mine):.3f} (target {TARGET_NDCG})"
        )
        ok = ok and mean_ndcg(mine) >= TARGET_NDCG
    return ok


def main():
    """`make judge`: on the database the environment names (the Makefile makes a fresh one)."""
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpfinder.settings")
    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client may use the "testserver" host
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from tests.search import judging as search_judging

    scenarios = load(*(Path(name) for name in sys.argv[1:]))
    ok = report(judge_all(scenarios), print)
    print("\nSearch (tests/search/judged-queries.yaml, on the search page)\n")
    queries = search_judging.load()
    ok = search_judging.report(search_judging.judge_all(queries), print) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
