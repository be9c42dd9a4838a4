"""The triage rules, on plain objects: no database, no HTTP."""

from datetime import time
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.utils import translation

from resources.hours import open_state
from resources.triage import (
    FIRST_CONTACT,
    MADE_FOR,
    SPECIALIST,
    Answers,
    Band,
    next_step,
    parse_answers,
    rank,
)

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
    made=(),
    also=(),
    spec=(),
    general=(),
    route="first",
    crisis=False,
    crisis_only=False,
    self_harm=False,
    ages=(None, None),
    always=False,
    hours=(),
    **extra,
):
    """A listing as rank() sees it: made for / also helps (audience slugs), specialist /
    general (bullying type slugs); `always`: open day and night; `hours`: its periods
    (neither: opening hours not known)."""
    values = {
        "slug": slug,
        "name": extra.pop("name", slug.title()),
        "kind": kind,
        "status": extra.pop("status", "published"),
        "is_crisis": crisis or crisis_only,
        "crisis_only": crisis_only,
        "for_self_harm": self_harm,
        "route": route,
        "best_at": extra.pop("best_at", ""),
        "min_age": ages[0],
        "max_age": ages[1],
        "sort_weight": extra.pop("weight", 0),
        "audience_names": {slug: AUDIENCES[slug] for slug in made},
        "also_names": {slug: AUDIENCES[slug] for slug in also},
        "type_names": {slug: TYPES[slug] for slug in spec},
        "general_names": {slug: TYPES[slug] for slug in general},
        "open_state": lambda now: open_state(always, hours, now),
    }
    return SimpleNamespace(**values, **extra)


EVERY_DAY_11_TO_21 = [(day, time(11), time(21)) for day in range(7)]
YOUNG = ("young-person",)

# A small landscape, shaped like Amsterdam's: an emergency number, a child helpline with
# office hours, lines only for a crisis, a specialist, a school contact, a last resort.
CATALOGUE = [
    resource("112", kind="emergency", weight=100, always=True),
    resource(
        "kindertelefoon",
        made=YOUNG,
        also=("worried",),
        crisis=True,
        ages=(8, 18),
        weight=90,
        hours=EVERY_DAY_11_TO_21,
    ),
    resource("113", crisis_only=True, self_harm=True, weight=35, always=True),
    resource("veilig-thuis", kind="municipal", crisis_only=True, weight=35, always=True),
    resource(
        "helpwanted",
        made=("young-person", "parent", "adult"),
        also=("school-staff", "worried"),
        spec=("images", "fake-profile", "personal-details"),
        general=("insults", "threats"),
        weight=70,
        best_at="Gets nude photos removed from the internet",
    ),
    resource(
        "politie",
        kind="reporting",
        made=("adult",),
        also=("young-person", "parent", "school-staff", "worried"),
        spec=("threats", "images", "personal-details", "fake-profile"),
        general=("insults",),
        weight=60,
    ),
    resource("hulp-op-school", kind="school", made=YOUNG + ("parent",), ages=(4, 18), weight=75),
    resource("ouders-en-onderwijs", kind="information", made=("parent",), weight=40),
    resource(
        "vertrouwensinspecteur",
        kind="professional",
        made=YOUNG + ("parent",),
        spec=("threats", "images"),
        route="last",
        weight=95,
    ),
    resource("meldpunt-discriminatie", kind="reporting", spec=("hate",), weight=50),
    resource("meldknop", kind="reporting", made=YOUNG, status="draft", weight=999),
]


def slugs(answers, catalogue=CATALOGUE, now=AFTERNOON):
    return [match.resource.slug for match in rank(answers, catalogue, now)]


def test_a_specialist_made_for_the_visitor_comes_first():
    ranked = slugs(Answers(danger="no", who="young-person", what=("images",), age="12-17"))
    assert ranked[0] == "helpwanted"


def test_made_for_comes_before_also_helps_when_all_else_is_equal():
    pair = [
        resource("also", also=("parent",), weight=9),
        resource("made", made=("parent",), weight=1),
    ]
    assert slugs(Answers(who="parent"), pair) == ["made", "also"]


def test_a_specialist_comes_before_general_help_when_all_else_is_equal():
    pair = [
        resource("general", general=("threats",), weight=9),
        resource("specialist", spec=("threats",), weight=1),
    ]
    assert slugs(Answers(what=("threats",)), pair) == ["specialist", "general"]


def test_a_listing_for_other_audiences_is_never_in_the_results():
    # Ouders & Onderwijs is for parents: a young person or an adult never sees it.
    for who in ("young-person", "adult", "school-staff", "worried"):
        assert "ouders-en-onderwijs" not in slugs(Answers(who=who)), who
    assert "ouders-en-onderwijs" in slugs(Answers(who="parent"))
    # A listing that names no audience is for everyone.
    assert "meldpunt-discriminatie" in slugs(Answers(who="worried", what=("hate",)))


def test_a_listing_only_for_other_kinds_of_bullying_is_left_out():
    assert "meldpunt-discriminatie" not in slugs(Answers(what=("threats",)))
    assert "meldpunt-discriminatie" in slugs(Answers(what=("hate",)))
    # "Not sure" chooses no kind: nothing is left out for it.
    assert slugs(Answers(who="parent", what=("not-sure",))) == slugs(Answers(who="parent"))


def test_a_last_resort_never_leads_while_a_first_contact_fits():
    # The inspectorate has more weight and is a specialist, made for young people: still
    # after the school and the helplines.
    ranked = slugs(Answers(danger="no", who="young-person", what=("threats",), age="12-17"))
    first_contacts = ["kindertelefoon", "helpwanted", "politie", "hulp-op-school"]
    assert sorted(ranked[:4]) == sorted(first_contacts)
    assert ranked[4] == "vertrouwensinspecteur"


def test_lines_only_for_a_crisis_are_not_in_the_first_three_unless_someone_is_in_danger():
    for who in ("young-person", "parent", "adult", None):
        ranked = slugs(Answers(danger="no", who=who))
        assert not {"113", "veilig-thuis"} & set(ranked[:3]), (who, ranked)
    ranked = slugs(Answers(danger="yes", who="adult", age="18-plus"))
    assert ranked[:3] == ["112", "113", "veilig-thuis"]


def test_14_year_old_threatened_and_in_danger_gets_112_first_and_kindertelefoon_soon():
    ranked = slugs(Answers(danger="yes", who="young-person", what=("threats",), age="12-17"))
    assert ranked[:4] == ["112", "kindertelefoon", "113", "veilig-thuis"]


def test_at_night_a_child_in_danger_gets_the_crisis_lines_that_are_open_before_a_closed_one():
    answers = Answers(danger="yes", who="young-person", what=("threats",), age="12-17")
    ranked = slugs(answers, now=NIGHT)
    assert ranked[:4] == ["112", "113", "veilig-thuis", "kindertelefoon"]
    # Still a crisis line, and still above everything that is not one.
    assert ranked.index("kindertelefoon") < ranked.index("hulp-op-school")


def test_a_crisis_line_without_known_hours_is_not_taken_for_closed():
    unknown = resource("unknown-hours", crisis=True, weight=99)
    catalogue = [*CATALOGUE, unknown]
    assert slugs(Answers(danger="yes"), catalogue, now=NIGHT)[:2] == ["112", "unknown-hours"]


def test_thinking_of_self_harm_puts_113_first_then_the_kindertelefoon_then_112():
    answers = Answers(danger="self-harm", who="young-person", age="12-17")
    assert slugs(answers)[:3] == ["113", "kindertelefoon", "112"]
    # At night the Kindertelefoon is closed: 112 stays within reach, right after 113.
    assert slugs(answers, now=NIGHT)[:3] == ["113", "112", "kindertelefoon"]
    # An adult: 113, then 112; Veilig Thuis is not a line for this.
    ranked = slugs(Answers(danger="self-harm", who="adult", age="18-plus"))
    assert ranked[:2] == ["113", "112"]
    assert "veilig-thuis" not in ranked[:3]


def test_opening_hours_do_not_change_the_order_when_nobody_is_in_danger():
    answers = Answers(who="young-person", what=("threats",), age="12-17")
    assert slugs(answers, now=NIGHT) == slugs(answers, now=AFTERNOON)


def test_drafts_never_appear():
    assert "meldknop" not in slugs(Answers(who="young-person"))
    assert "meldknop" not in slugs(Answers())


def test_resource_serving_at_most_one_year_of_the_age_group_is_left_out():
    adviser = resource("ouder-en-kindadviseur", made=("parent",), ages=(4, 12))
    # The adviser at primary school serves ages 4 to 12: only 12 of "12 to 17".
    assert slugs(Answers(who="parent", age="12-17"), [adviser]) == []
    assert slugs(Answers(who="parent", age="under-12"), [adviser]) == ["ouder-en-kindadviseur"]
    assert "kindertelefoon" not in slugs(Answers(age="18-plus"))
    # Resources without an age range fit every age.
    assert "113" in slugs(Answers(age="18-plus"))


def test_no_danger_leaves_112_out_and_no_answer_puts_it_with_the_crisis_lines():
    assert "112" not in slugs(Answers(danger="no"))
    ranked = slugs(Answers())
    assert ranked[-3:] == ["112", "113", "veilig-thuis"]


def test_ties_are_broken_by_weight_then_name():
    tied = [
        resource("b", name="Bravo", weight=5),
        resource("a", name="alpha", weight=5),
        resource("c", name="Charlie", weight=9),
    ]
    assert slugs(Answers(), tied) == ["c", "a", "b"]


def test_reasons_say_why_in_plain_words():
    with translation.override("en"):
        matches = rank(
            Answers(danger="yes", who="young-person", what=("images",), age="12-17"),
            CATALOGUE,
            AFTERNOON,
        )
    by_slug = {match.resource.slug: match.reasons for match in matches}
    assert by_slug["112"] == ("Call now if someone is in danger",)
    assert by_slug["kindertelefoon"] == (
        "Crisis line",
        "For young people being bullied",
        "Ages 8 to 18",
    )
    assert by_slug["helpwanted"] == (
        "Gets nude photos removed from the internet",
        "For young people being bullied",
    )
    assert by_slug["politie"] == ("Knows all about: photos shared",)
    assert by_slug["vertrouwensinspecteur"][-1] == "If other help did not work"


def test_reasons_are_translated():
    with translation.override("nl"):
        matches = rank(Answers(danger="yes"), CATALOGUE, AFTERNOON)
    assert matches[0].reasons == ("Bel nu als iemand in gevaar is",)


def test_each_card_says_how_it_was_placed_for_staff():
    answers = Answers(danger="no", who="young-person", what=("images",), age="12-17")
    first = rank(answers, CATALOGUE, AFTERNOON)[0]
    assert (first.audience_level, first.type_level) == ("made for", "specialist")
    assert first.band == Band.REGULAR
    assert first.points == MADE_FOR + SPECIALIST + FIRST_CONTACT


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
