"""The "what you can do now" steps under the results, as the person asking reads them."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from resources.models import Audience

from .conftest import LANGUAGES, soup

AUDIENCES = ["young-person", "parent", "school-staff", "worried", "adult"]
TYPES = ["insults", "threats", "fake-profile", "exclusion", "images", "personal-details", "hate"]
AGES = [None, "under-12", "12-17", "18-plus"]

NEGATION = re.compile(r"\b(niet|nooit|geen|not|never|no)\b", re.IGNORECASE)
NUDE = re.compile(r"naakt|\bnude\b", re.IGNORECASE)
SCREENSHOT = re.compile(r"screenshot", re.IGNORECASE)
POLICE = re.compile(r"politie|police|aangifte|0900-8844", re.IGNORECASE)
PARENTS = re.compile(r"\bouders?\b|\bparents?\b", re.IGNORECASE)


def advice_steps(client, language, who=None, what=(), age=None):
    """The advice steps on the results page, in order: [(title, body text)]."""
    params = [("who", who)] if who else []
    params += [("what", slug) for slug in what]
    params += [("age", age)] if age else []
    with translation.override(language):
        url = reverse("resources:results") + "?" + urlencode(params)
    response = client.get(url)
    assert response.status_code == 200
    steps = []
    for step in soup(response).select("ol.advice > li"):
        title = step.h3.extract().get_text(strip=True)
        steps.append((title, step.get_text(" ", strip=True)))
    return steps


def sentences(steps):
    """Every sentence of every step (a question and its answer stay together)."""
    for title, body in steps:
        for text in (title, body):
            yield from (s for s in re.split(r"(?<=[.!])\s+", text) if s.strip())


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", ["parent", "school-staff"])
@pytest.mark.parametrize("age", ["12-17", "under-12", None])
def test_a_parent_or_teacher_with_a_nude_image_is_first_told_not_to_copy_it(
    client, seeded, language, who, age
):
    steps = advice_steps(client, language, who=who, what=["images"], age=age)
    title, body = steps[0]
    if language == "nl":
        assert title == "Niet kopiëren, bewaren of doorsturen"
        assert "Schrijf op wat je zag" in body and "politie" in body
    else:
        assert title.startswith("Do not copy, save or forward")
        assert "Write down what you saw" in body and "police" in body
    assert "Helpwanted" in body and "screenshot" in body  # "do not take a screenshot"
    # Nothing further down tells them to make screenshots after all.
    for sentence in sentences(steps):
        if SCREENSHOT.search(sentence):
            assert NEGATION.search(sentence), sentence


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", ["parent", "school-staff"])
def test_the_warning_about_the_image_still_comes_first_with_other_kinds_of_bullying(
    client, seeded, language, who
):
    steps = advice_steps(client, language, who=who, what=["threats", "images"], age="12-17")
    first = steps[0][0]
    assert first.startswith("Niet kopiëren" if language == "nl" else "Do not copy")
    assert len(steps) <= 7


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_parent_is_told_to_keep_evidence_when_no_image_is_involved(client, seeded, language):
    steps = advice_steps(client, language, who="parent", what=["threats"], age="12-17")
    told_to_screenshot = [s for s in sentences(steps) if SCREENSHOT.search(s)]
    assert any(not NEGATION.search(s) for s in told_to_screenshot)
    assert not any(title.startswith(("Niet kopiëren", "Do not copy")) for title, _ in steps)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", ["young-person", "worried"])
def test_keep_evidence_but_never_a_nude_image(client, seeded, language, who):
    steps = advice_steps(client, language, who=who, what=["images"], age="12-17")
    evidence = [s for s in sentences(steps) if SCREENSHOT.search(s) and not NEGATION.search(s)]
    assert evidence, "no step says to keep screenshots"
    about_nudes = [s for s in sentences(steps) if NUDE.search(s)]
    assert about_nudes
    for sentence in about_nudes:
        assert NEGATION.search(sentence), sentence
    never_keep = "bewaar" if language == "nl" else "keep"
    assert any(never_keep in s and re.search(r"nooit|never", s, re.I) for s in about_nudes)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_young_person_with_images_hears_of_helpwanted_and_the_police(client, seeded, language):
    steps = advice_steps(client, language, who="young-person", what=["images"], age="12-17")
    text = " ".join(title + " " + body for title, body in steps)
    assert "Helpwanted" in text and "020-261 52 75" in text
    assert "0900-8844" in text and "De Kindertelefoon" in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("what", [*TYPES, "not-sure"])
@pytest.mark.parametrize("age", ["18-plus", None])
def test_an_adult_is_never_sent_to_their_parents(client, seeded, language, what, age):
    steps = advice_steps(client, language, who="adult", what=[what], age=age)
    assert steps
    for title, body in steps:
        assert not PARENTS.search(title + " " + body), title
        assert "Kindertelefoon" not in body, title  # for ages 8 to 18


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_threatened_adult_is_told_about_the_police_and_victim_support(client, seeded, language):
    steps = advice_steps(client, language, who="adult", what=["threats"], age="18-plus")
    text = " ".join(title + " " + body for title, body in steps)
    assert "0900-8844" in text and "112" in text
    assert "Slachtofferhulp" in text and "0900-0101" in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("what", [["insults"], ["exclusion"], ["insults", "exclusion"]])
def test_a_child_under_12_is_sent_to_a_parent_or_teacher_not_the_police(
    client, seeded, language, what
):
    steps = advice_steps(client, language, who="young-person", what=what, age="under-12")
    title, body = steps[0]
    if language == "nl":
        assert "vader of moeder" in body and "juf" in body and "leraar" in body
    else:
        assert "parent" in body and "teacher" in body
    for title, body in steps:
        assert not POLICE.search(title + " " + body), title


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_teenager_who_is_threatened_is_told_about_the_police(client, seeded, language):
    steps = advice_steps(client, language, who="young-person", what=["threats"], age="12-17")
    police = [title for title, body in steps if POLICE.search(title)]
    assert len(police) == 1
    assert not POLICE.search(steps[0][0])  # telling someone comes first


@pytest.mark.django_db
def test_parents_and_teachers_each_get_their_own_role(client, seeded):
    parent = advice_steps(client, "nl", who="parent", what=["exclusion"], age="12-17")
    staff = advice_steps(client, "nl", who="school-staff", what=["exclusion"], age="12-17")
    parent_text = " ".join(title + " " + body for title, body in parent)
    staff_text = " ".join(title + " " + body for title, body in staff)
    assert parent[0][0] == "Praat rustig met je kind"
    assert "Pak de telefoon of laptop niet af als straf" in parent_text
    # The route for parents: the teacher first, then the school's contact for bullying, ...
    route = parent_text[parent_text.index("Begin bij de leraar") :]
    stops = ["aanspreekpunt pesten", "mentor", "vertrouwenspersoon", "zorgcoördinator"]
    assert [route.index(stop) for stop in stops] == sorted(route.index(stop) for stop in stops)
    assert staff[0][0] == "Praat rustig met de leerling"
    assert "pestprotocol" in staff_text and "aanspreekpunt pesten" in staff_text
    assert "Informeer de ouders" in staff_text
    assert "je kind" not in staff_text.replace("je kind of leerling", "")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_an_answer_to_who_only_the_steps_for_everyone_show(client, seeded, language):
    everyone = advice_steps(client, language, what=["images"])
    titles = [title for title, _ in everyone]
    assert len(titles) >= 2
    for who in AUDIENCES:
        own = {title for title, _ in advice_steps(client, language, who=who, what=["images"])}
        assert set(titles) <= own, who  # each of them also fits this visitor
    # and none of them speaks to one kind of visitor only
    parent = advice_steps(client, language, who="parent", what=["images"])
    young = advice_steps(client, language, who="young-person", what=["images"])
    assert parent[0][0] not in titles and young[0][0] not in titles


@pytest.mark.django_db
@pytest.mark.parametrize("who", AUDIENCES)
@pytest.mark.parametrize("what", ["insults", "threats", "images", "fake-profile", "not-sure"])
def test_every_visitor_gets_a_short_list_written_in_both_languages(client, seeded, who, what):
    for age in AGES:
        dutch = advice_steps(client, "nl", who=who, what=[what], age=age)
        english = advice_steps(client, "en", who=who, what=[what], age=age)
        assert 1 <= len(dutch) <= 7, (who, what, age, len(dutch))
        assert len(english) == len(dutch)
        for (title_nl, body_nl), (title_en, body_en) in zip(dutch, english, strict=True):
            assert title_nl and body_nl and title_en and body_en
            assert title_nl != title_en and body_nl != body_en  # translated, no fallback


@pytest.mark.django_db
def test_staff_see_and_filter_who_each_step_is_for(editor_client, seeded):
    def rows(query=""):
        """slug: [position, for whom, youngest age, oldest age] for each listed step."""
        page = soup(editor_client.get("/admin/resources/advice/" + query))
        listed = {}
        for row in page.select("#result_list tbody tr"):
            cells = [cell.get_text(strip=True) for cell in row.select("td")]
            listed[cells[1]] = cells[2:]
        return listed

    everything = rows()
    assert everything["dont-copy-image"] == [
        "5",
        "ouders en verzorgers, leraren en schoolpersoneel",
        "-",
        "-",
    ]
    assert everything["block-and-report"] == ["40", "Iedereen", "-", "-"]
    assert everything["report-to-police"] == ["70", "jongeren die gepest worden", "12", "-"]
    parent = Audience.objects.get(slug="parent")
    for_parents = rows(f"?audiences__id__exact={parent.pk}")
    assert "talk-with-child" in for_parents and "tell-someone" not in for_parents
    assert set(rows("?min_age=12")) == {"report-to-police"}
