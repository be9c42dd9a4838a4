"""The ranking measured against situations judged by someone who knows the Amsterdam help
landscape (tests/data/judged-scenarios.yaml) and our own (tests/data/own-scenarios.yaml),
on the real results page with the seed data, in the afternoon and at night."""

from pathlib import Path

import pytest

from . import judging

SHARED_COPY = Path(__file__).parents[2] / "shared" / "ranking" / "judged-scenarios.yaml"
SCENARIOS = judging.load()


@pytest.mark.django_db
@pytest.mark.parametrize("moment", judging.MOMENTS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_judged_situation_passes(client, seeded, scenario, moment):
    page = judging.shown(client, scenario["answers"], judging.MOMENTS[moment])
    verdict = judging.judge(scenario, page.cards, moment, page.advice)
    assert verdict.problems == [], (page.cards[:5], page.advice)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_mean_ndcg_of_the_judged_situations_is_at_least_the_target(client, seeded, language):
    judged = judging.load(judging.SCENARIOS)
    verdicts = [
        judging.judge(scenario, judging.shown(client, scenario["answers"], at, language).cards)
        for scenario in judged
        for at in judging.MOMENTS.values()
    ]
    assert len(judged) == 16
    assert judging.mean_ndcg(verdicts) >= judging.TARGET_NDCG


def test_the_judge_fails_a_wrong_first_card_and_a_card_for_another_person():
    scenario = {"best": ["a"], "strong": ["b", "c"], "fine": ["d"], "wrong": ["x"]}
    assert judging.judge(scenario, ["a", "b", "c", "d"]).passed
    assert (
        judging.judge(scenario, ["b", "a", "c"]).problems
        == [
            "card 1 is b, not a best one",
            "card 2 is a, not best or strong",  # best counts as strong and up: this must not fail
        ][:1]
    )
    assert not judging.judge(scenario, ["a", "b", "d"]).passed  # fine in the first three
    assert not judging.judge(scenario, ["a", "b", "c", "d", "x"]).passed  # wrong anywhere
    assert judging.ndcg(["a", "b", "c", "d"], judging.grades(scenario)) == pytest.approx(1.0)
    advice = {"advice_first": ["dont-copy"], "advice_never": ["screenshots"]}
    assert judging.judge(advice, [], advice=["dont-copy", "report"]).passed
    assert not judging.judge(advice, [], advice=["report", "dont-copy"]).passed
    assert not judging.judge(advice, [], advice=["dont-copy", "screenshots"]).passed
    assert judging.ndcg(["d", "c", "b", "a"], judging.grades(scenario)) < 0.8


@pytest.mark.skipif(not SHARED_COPY.exists(), reason="../shared is not beside the checkout")
def test_the_judged_situations_are_a_faithful_copy_of_shared():
    ours = Path(judging.SCENARIOS).read_text("utf-8")
    assert ours == SHARED_COPY.read_text("utf-8"), "copy ../shared/ranking/ into tests/data/"
