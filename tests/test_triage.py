"""The triage rules, on plain objects: no database, no HTTP."""

from datetime import time
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.utils import translation

from resources.hours import open_state
from resources.triage import Answers, next_step, parse_answers, rank

from .conftest import AFTERNOON, NIGHT

AUDIENCES = {
    "young-person": "young people being bullied",
    "parent": "parents and carers",
    "school-staff": "teachers and school staff",
    "worried": "people worried about someone",
    "adult": "adults being bullied",
}
TYPES = {
    "insults": "insults",
    "threats": "threats",
    "fake-profile": "fake profile",
    "exclusion": "being left out",
    "images": "photos shared",
    "personal-details": "personal details shared",
    "hate": "discrimination and hate",
}


EVERY_DAY_11_TO_21 = [(day, time(11), time(21)) for day in range(7)]


def resource(
    slug,
    kind="helpline",
    who=(),
    what=(),
    crisis=False,
    ages=(None, None),
    always=False,
    hours=(),
    **extra,
):
    """A listing as rank() sees it; `always`: open day and night; `hours`: its periods
    (neither: opening hours not known)."""
    values = {
        "slug": slug,
        "name": extra.pop("name", slug.title()),
        "kind": kind,
        "status": extra.pop("status", "published"),
        "is_crisis": crisis,
        "min_age": ages[0],
        "max_age": ages[1],
        "sort_weight": extra.pop("weight", 0),
        "audience_names": {slug: AUDIENCES[slug] for slug in who},
        "type_names": {slug: TYPES[slug] for slug in what},
        "open_state": lambda now: open_state(always, hours, now),
    }
    return SimpleNamespace(**values, **extra)


ALL_WHO = tuple(AUDIENCES)
CATALOGUE = [
    resource("112", kind="emergency", weight=100, always=True),
    resource(
        "kindertelefoon",
        who=("young-person", "worried"),
        crisis=True,
        ages=(8, 18),
        weight=90,
        hours=EVERY_DAY_11_TO_21,
    ),
    # Crisis lines rank high through the danger answer; among equal matches they come later.
    resource("113", who=ALL_WHO, crisis=True, weight=35, always=True),
    resource("veilig-thuis", kind="municipal", who=ALL_WHO, crisis=True, weight=35, always=True),
    resource("centrum-seksueel-geweld", what=("images",), crisis=True, weight=30, always=True),
    resource(
        "politie",
        kind="reporting",
        what=("insults", "threats", "fake-profile", "images", "personal-details"),
        weight=60,
    ),
    resource(
        "helpwanted",
        what=("insults", "threats", "fake-profile", "images", "personal-details"),
        weight=70,
    ),
    resource(
        "ouder-en-kindteams",
        kind="municipal",
        who=("young-person", "parent", "school-staff"),
        ages=(None, 18),
        weight=70,
    ),
    resource(
        "ouder-en-kindadviseur",
        kind="school",
        who=("parent", "school-staff"),
        ages=(4, 12),
        weight=60,
    ),
    resource(
        "hulp-op-school",
        kind="school",
        who=("young-person", "parent", "school-staff"),
        ages=(4, 18),
        weight=75,
    ),
    resource("ouders-en-onderwijs", kind="information", who=("parent",), weight=40),
    resource("school-en-veiligheid", kind="information", who=("school-staff",), weight=30),
    resource("meldpunt-discriminatie", kind="reporting", what=("hate",), weight=50),
    resource(
        "slachtofferhulp",
        kind="professional",
        what=("insults", "threats", "images", "personal-details"),
        weight=50,
    ),
    resource("meldknop", kind="reporting", who=("young-person",), status="draft", weight=999),
]


def slugs(answers, catalogue=CATALOGUE, now=AFTERNOON):
    return [match.resource.slug for match in rank(answers, catalogue, now)]


def test_14_year_old_threatened_and_in_danger_gets_112_first_and_kindertelefoon_soon():
    ranked = slugs(Answers(danger="yes", who="young-person", what=("threats",), age="12-17"))
    assert ranked[0] == "112"
    assert "kindertelefoon" in ranked[:3]
    # Crisis lines that fit come next; the one for sexual violence does not fit threats.
    assert ranked[1:4] == ["kindertelefoon", "113", "veilig-thuis"]
    assert ranked.index("centrum-seksueel-geweld") > ranked.index("helpwanted")


def test_at_night_a_child_in_danger_gets_the_crisis_lines_that_are_open_before_a_closed_one():
    answers = Answers(danger="yes", who="young-person", what=("threats",), age="12-17")
    ranked = slugs(answers, now=NIGHT)
    assert ranked[:4] == ["112", "113", "veilig-thuis", "kindertelefoon"]
    # Still a crisis line, and still above everything that is not one.
    with translation.override("en"):
        matches = {m.resource.slug: m for m in rank(answers, CATALOGUE, NIGHT)}
    assert matches["kindertelefoon"].reasons[0] == "crisis line"
    assert ranked.index("kindertelefoon") < ranked.index("hulp-op-school")


def test_a_crisis_line_without_known_hours_is_not_taken_for_closed():
    unknown = resource("unknown-hours", crisis=True, weight=99)
    catalogue = [*CATALOGUE, unknown]
    assert slugs(Answers(danger="yes"), catalogue, now=NIGHT)[:2] == ["112", "unknown-hours"]


def test_opening_hours_do_not_change_the_order_when_nobody_is_in_danger():
    answers = Answers(who="young-person", what=("threats",), age="12-17")
    assert slugs(answers, now=NIGHT) == slugs(answers, now=AFTERNOON)


def test_parent_of_an_excluded_child_gets_family_and_school_contacts_first():
    ranked = slugs(Answers(who="parent", what=("exclusion",), age="under-12"))
    assert ranked[:2] == ["hulp-op-school", "ouder-en-kindteams"]
    assert ranked[0] != "kindertelefoon"
    assert ranked.index("kindertelefoon") > ranked.index("ouders-en-onderwijs")


def test_teacher_gets_school_side_resources_first():
    ranked = slugs(Answers(who="school-staff"))
    assert ranked[:3] == ["hulp-op-school", "ouder-en-kindteams", "ouder-en-kindadviseur"]
    assert ranked.index("school-en-veiligheid") < ranked.index("kindertelefoon")


def test_adult_with_a_fake_profile_gets_helpwanted_and_police_not_kindertelefoon():
    ranked = slugs(Answers(who="adult", what=("fake-profile",), age="18-plus"))
    assert ranked[:2] == ["helpwanted", "politie"]
    assert "kindertelefoon" not in ranked


def test_drafts_never_appear():
    assert "meldknop" not in slugs(Answers(who="young-person"))
    assert "meldknop" not in slugs(Answers())


def test_resource_serving_at_most_one_year_of_the_age_group_is_left_out():
    # The adviser at primary school serves ages 4 to 12: only 12 of "12 to 17".
    assert "ouder-en-kindadviseur" not in slugs(Answers(who="parent", age="12-17"))
    assert "ouder-en-kindadviseur" in slugs(Answers(who="parent", age="under-12"))
    # Resources without an age range fit every age.
    assert "113" in slugs(Answers(age="18-plus"))


def test_no_danger_leaves_112_out_of_the_list():
    assert "112" not in slugs(Answers(danger="no"))
    assert "112" in slugs(Answers())


def test_not_sure_is_treated_as_no_particular_type():
    assert slugs(Answers(who="parent", what=("not-sure",))) == slugs(Answers(who="parent"))


def test_ties_are_broken_by_weight_then_name():
    tied = [
        resource("b", name="Bravo", weight=5),
        resource("a", name="alpha", weight=5),
        resource("c", name="Charlie", weight=9),
    ]
    assert slugs(Answers(), tied) == ["c", "a", "b"]


def test_reasons_say_why_a_resource_matches():
    with translation.override("en"):
        matches = rank(Answers(danger="yes", who="parent", what=("threats",)), CATALOGUE, AFTERNOON)
    by_slug = {match.resource.slug: match.reasons for match in matches}
    assert by_slug["112"] == ("call now if someone is in danger",)
    assert by_slug["veilig-thuis"] == ("crisis line", "for parents and carers")
    assert by_slug["helpwanted"] == ("fits threats",)
    assert by_slug["ouders-en-onderwijs"] == ("for parents and carers",)


def test_reasons_are_translated():
    with translation.override("nl"):
        matches = rank(Answers(danger="yes"), CATALOGUE, AFTERNOON)
    assert matches[0].reasons == ("bel nu als iemand in gevaar is",)


# ---------------------------------------------------------------- reading the answers

KNOWN = {"audiences": AUDIENCES, "bullying_types": TYPES}


def parse(query):
    return parse_answers(QueryDict(query), **KNOWN)


def test_answers_are_read_from_the_query_string():
    answers = parse("danger=yes&who=parent&what=threats&what=images&age=12-17")
    assert answers == Answers("yes", "parent", ("threats", "images"), "12-17")
    assert answers.ignored == ()


def test_unknown_values_are_left_out_and_named():
    answers = parse("danger=maybe&who=alien&what=threats&what=<script>&age=99")
    assert answers == Answers(what=("threats",))
    assert answers.ignored == ("danger", "who", "what", "age")


def test_a_second_different_answer_to_one_question_is_left_out():
    answers = parse("danger=no&danger=yes&who=parent&who=parent")
    assert (answers.danger, answers.who) == ("no", "parent")
    assert answers.ignored == ("danger",)


def test_repeated_types_count_once():
    assert parse("what=threats&what=threats").what == ("threats",)


def test_overlong_values_and_unknown_parameters_are_left_out():
    answers = parse("who=" + "parent" * 50 + "&utm_source=poster&" + "x" * 500 + "=1")
    assert answers == Answers()
    assert answers.ignored == ("who", "utm_source", "x" * 60)


@pytest.mark.parametrize(
    "query", ["%ff%fe=%00", "what=", "danger", "&&&", "age=12-17%00", "who[]=parent"]
)
def test_malformed_input_never_raises(query):
    answers = parse(query)
    assert answers.age is None and answers.who is None


def test_answers_round_trip_through_the_query_string():
    answers = Answers("yes", "parent", ("threats", "images"), "12-17")
    assert parse(answers.query_string()) == answers
    assert answers.query_string(without=("what",)) == "danger=yes&who=parent&age=12-17"


def test_next_step_skips_questions_already_answered():
    assert next_step(Answers(who="parent"), after="danger") == "what"
    assert next_step(Answers(), after="danger") == "who"
    assert next_step(Answers(age="12-17"), after="what") is None
