"""Search measured against queries people type (tests/search/judged-queries.yaml), on the
real search page with the seed data, on the database the suite runs on (CI: SQLite and
PostgreSQL)."""

import pytest

from . import judging

QUERIES = judging.load()


def test_there_are_at_least_forty_judged_queries_in_both_languages():
    assert len(QUERIES) >= 40
    assert {query["language"] for query in QUERIES} == {"nl", "en"}
    for query in QUERIES:
        assert query.get("nothing") or query["right"], query["query"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES, ids=[f"{q['language']}:{q['query']}" for q in QUERIES])
def test_a_right_answer_is_in_the_first_three_and_nothing_misleading_is_shown(
    client, seeded, query
):
    verdict = judging.Verdict(query, judging.shown(client, query["query"], query["language"]))
    assert verdict.right_in_three, verdict.shown[:5]
    assert verdict.never_shown == [], verdict.shown


@pytest.mark.django_db
def test_a_right_answer_comes_first_for_nearly_every_query(client, seeded):
    verdicts = judging.judge_all(QUERIES, client)
    first, three, never = judging.figures(verdicts)
    wrong = [(v.query["query"], v.shown[:3]) for v in verdicts if not v.right_first]
    assert first >= judging.TARGET_FIRST, wrong
    assert three == judging.TARGET_TOP3
    assert never == 0


def test_the_judge_counts_a_right_answer_first_in_three_and_a_result_that_must_not_show():
    query = {"right": ["listing:a", "page:b"], "never": ["listing:x"]}
    assert judging.Verdict(query, ["listing:a", "listing:c"]).right_first
    second = judging.Verdict(query, ["listing:c", "page:b", "listing:x"])
    assert not second.right_first
    assert second.right_in_three
    assert second.never_shown == ["listing:x"]
    assert not judging.Verdict(
        query, ["listing:c", "listing:d", "listing:e", "page:b"]
    ).right_in_three
    nothing = {"nothing": True}
    assert judging.Verdict(nothing, []).right_first
    assert not judging.Verdict(nothing, ["listing:a"]).right_in_three
    assert judging.figures([second, judging.Verdict(query, ["page:b"])]) == (0.5, 1.0, 1)
