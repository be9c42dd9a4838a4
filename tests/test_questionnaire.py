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
@pytest.mark.parametrize("step", questionnaire.STEPS)
def test_every_audience_sees_the_same_words_today(client, seeded, step):
    with translation.override("en"):
        everyone = question_page(client, step)
        for who in AUDIENCES:
            assert question_page(client, step, f"?who={who}") == everyone


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
