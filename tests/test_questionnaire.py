"""The questionnaire is one list (resources/questionnaire.py): its URLs, its answers, its
age bands and its wording per audience all come from there."""

from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import translation

from resources import questionnaire
from resources.choices import AGES, AgeBand
from resources.triage import Answers, next_step, parse_answers

from .conftest import soup

AUDIENCES = ["young-person", "parent", "school-staff", "worried", "adult"]


def question_page(client, step, query=""):
    page = soup(client.get(reverse(f"resources:{step}") + query))
    hint = page.select_one("form.question p.hint")
    return page.h1.get_text(strip=True), hint.get_text(strip=True) if hint else ""


@pytest.mark.parametrize(
    ("language", "paths"),
    [
        (
            "nl",
            [
                "/nl/hulp-zoeken/",
                "/nl/hulp-zoeken/wie/",
                "/nl/hulp-zoeken/wat/",
                "/nl/hulp-zoeken/leeftijd/",
            ],
        ),
        (
            "en",
            ["/en/find-help/", "/en/find-help/who/", "/en/find-help/what/", "/en/find-help/age/"],
        ),
    ],
)
def test_each_question_keeps_its_address_in_both_languages(language, paths):
    with translation.override(language):
        assert [reverse(f"resources:{step}") for step in questionnaire.STEPS] == paths


def test_the_questions_come_in_the_order_of_the_url_contract():
    assert questionnaire.STEPS == ("danger", "who", "what", "age")
    assert next_step(Answers(), after="what") == "age"


def test_every_age_band_says_which_ages_it_covers_and_is_an_answer():
    assert set(AGES) == set(AgeBand)
    for band in AgeBand:
        youngest, oldest = band.ages
        assert youngest <= oldest
    offered = [answer.value for answer in questionnaire.get("age").answers]
    assert offered == ["under-12", "12-17", "18-plus"]
    assert parse_answers({"age": ["12-17"]}, [], []).age == "12-17"


@pytest.mark.django_db
def test_the_age_question_offers_the_age_bands_in_words(client, seeded):
    with translation.override("en"):
        page = soup(client.get(reverse("resources:age")))
    labels = [button.get_text(strip=True) for button in page.select("form.question button")]
    assert labels == ["Under 12", "12 to 17", "18 or older"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "who", "asked"),
    [
        ("nl", "young-person", "Hoe oud ben je?"),
        ("nl", "parent", "Hoe oud is je kind?"),
        ("nl", "school-staff", "Hoe oud is de leerling?"),
        ("nl", "worried", "Hoe oud is degene die gepest wordt?"),
        ("nl", "", "Hoe oud is degene die gepest wordt?"),
        ("en", "young-person", "How old are you?"),
        ("en", "adult", "How old are you?"),
        ("en", "parent", "How old is your child?"),
        ("en", "school-staff", "How old is the pupil?"),
        ("en", "", "How old is the person being bullied?"),
    ],
)
def test_the_age_question_is_asked_in_the_voice_of_who_answers(
    client, seeded, language, who, asked
):
    with translation.override(language):
        assert question_page(client, "age", f"?who={who}" if who else "")[0] == asked


def answer_hints(client, query):
    page = soup(client.get(reverse("resources:what") + query))
    return [hint.get_text(strip=True) for hint in page.select("form.question small")]


# Words that speak to the reader as the person being bullied.
SECOND_PERSON = {"nl": {"je", "jij", "jou", "jouw"}, "en": {"you", "your", "yours"}}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_answer_hints_speak_to_the_bullied_and_about_them_to_everyone_else(
    client, seeded, language
):
    with translation.override(language):
        for who in AUDIENCES + [""]:
            hints = answer_hints(client, f"?who={who}" if who else "")
            assert len(hints) == 7, who  # one under each kind of bullying
            words = {word.strip(".,()").lower() for hint in hints for word in hint.split()}
            if who in questionnaire.FOR_THEMSELVES:
                assert words & SECOND_PERSON[language], (who, hints)
            else:
                assert not words & SECOND_PERSON[language], (who, hints)
        assert (
            "Iemand wordt met opzet uit een groep of chat gehouden."
            in answer_hints(client, "?who=parent")
            or language == "en"
        )


@pytest.mark.django_db
def test_a_parent_is_not_told_they_are_kept_out_of_a_group(client, seeded):
    with translation.override("nl"):
        parent = answer_hints(client, "?who=parent")
        child = answer_hints(client, "?who=young-person")
    assert "Je wordt met opzet uit een groep of chat gehouden." in child
    assert "Je wordt met opzet uit een groep of chat gehouden." not in parent
    assert "Iemand wordt met opzet uit een groep of chat gehouden." in parent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "one_tap", "boxes"),
    [
        (
            "nl",
            "Tik op wat het beste past.",
            "Vink alles aan wat er gebeurt en tik dan op Volgende.",
        ),
        ("en", "Tap what fits best.", "Tick everything that is happening, then tap Next."),
    ],
)
def test_the_boxes_for_several_answers_do_not_ask_for_the_one_that_fits_best(
    client, seeded, language, one_tap, boxes
):
    with translation.override(language):
        assert question_page(client, "what")[1] == one_tap
        assert question_page(client, "what", "?several=1")[1] == boxes


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "who", "danger", "what"),
    [
        (
            "nl",
            "parent",
            "Is je kind of iemand anders nu in gevaar?",
            "Wat gebeurt er met je kind?",
        ),
        ("nl", "young-person", "Is iemand nu in gevaar?", "Wat gebeurt er?"),
        (
            "en",
            "school-staff",
            "Is a pupil or someone else in danger right now?",
            "What is happening to the pupil?",
        ),
    ],
)
def test_the_first_questions_speak_to_a_parent_or_teacher_who_started_from_home(
    client, seeded, language, who, danger, what
):
    with translation.override(language):
        assert question_page(client, "danger", f"?who={who}")[0] == danger
        assert question_page(client, "what", f"?who={who}&danger=no")[0] == what


@pytest.mark.django_db
def test_a_question_can_speak_to_some_audiences_in_their_own_words(client, seeded, monkeypatch):
    questions = tuple(
        replace(
            question,
            texts={"young-person": "How old are you?"},
            hints={"young-person": "Your age helps to find help that is meant for you."},
        )
        if question.step == "age"
        else question
        for question in questionnaire.QUESTIONS
    )
    monkeypatch.setattr(questionnaire, "QUESTIONS", questions)
    with translation.override("en"):
        assert question_page(client, "age", "?who=young-person") == (
            "How old are you?",
            "Your age helps to find help that is meant for you.",
        )
        assert question_page(client, "age", "?who=parent") == (
            "How old is the person being bullied?",
            "",
        )
        assert question_page(client, "age")[0] == "How old is the person being bullied?"
        assert question_page(client, "what", "?who=young-person")[0] == "What is happening?"
