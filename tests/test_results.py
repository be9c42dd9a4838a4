"""The questionnaire and its results, as a visitor uses them."""

from urllib.parse import urlencode

import pytest

from resources.models import Resource

from .conftest import AFTERNOON, NIGHT, RESULTS_QUERY, soup


def submit(client, page, button_text):
    """Tap an answer button: submit its form with the hidden answers and the button's value."""
    button = next(b for b in page.select("form.question button") if button_text in b.get_text())
    form = button.find_parent("form")
    pairs = [(field["name"], field["value"]) for field in form.select("input[type=hidden]")]
    pairs.append((button["name"], button["value"]))
    return client.get(form["action"] + "?" + urlencode(pairs))


def card_names(page):
    return [card.h2.get_text(strip=True) for card in page.select("article.card")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "home", "entry", "answers", "first", "second"),
    [
        (
            AFTERNOON,
            "/en/",
            "I am being bullied",
            ["Yes, someone is in danger now", "Threats", "12 to 17"],
            "112 (emergency number)",
            "De Kindertelefoon (child helpline)",
        ),
        (
            AFTERNOON,
            "/nl/",
            "Ik word gepest",
            ["Ja, iemand is nu in gevaar", "Bedreiging", "12 tot en met 17"],
            "112 (alarmnummer)",
            "De Kindertelefoon",
        ),
        # At night De Kindertelefoon (11:00 to 21:00) is closed: a line that answers first.
        (
            NIGHT,
            "/nl/",
            "Ik word gepest",
            ["Ja, iemand is nu in gevaar", "Bedreiging", "12 tot en met 17"],
            "112 (alarmnummer)",
            "113 Zelfmoordpreventie",
        ),
    ],
)
def test_four_taps_from_home_to_ranked_help(
    client, seeded, visit_at, moment, home, entry, answers, first, second
):
    visit_at(moment)
    page = soup(client.get(home))
    response = client.get(page.find("a", string=entry)["href"])  # tap 1
    for answer in answers:  # taps 2, 3 and 4
        response = submit(client, soup(response), answer)
    assert response.status_code == 200
    assert response.request["QUERY_STRING"] == RESULTS_QUERY
    names = card_names(soup(response))
    assert names[:2] == [first, second]


@pytest.mark.django_db
def test_each_question_shows_its_number_and_links_back_and_on(client, seeded):
    page = soup(client.get("/en/find-help/what/?danger=no&who=parent"))
    assert page.select_one(".step").get_text() == "Question 3 of 4"
    steps = {a.get_text(): a["href"] for a in page.select("nav.steps a")}
    assert steps["Back"] == "/en/find-help/who/?danger=no&who=parent"
    assert steps["Skip this question"] == "/en/find-help/age/?danger=no&who=parent"


def step_number(page):
    return page.select_one(".step").get_text()


@pytest.mark.django_db
def test_from_a_home_button_the_counter_counts_the_three_questions_asked(client, seeded):
    page = soup(client.get("/nl/"))
    page = soup(client.get(page.find("a", string="Ik ben ouder of verzorger")["href"]))
    assert step_number(page) == "Vraag 1 van 3"
    page = soup(submit(client, page, "Nee"))
    assert (step_number(page), page.h1.get_text()) == (
        "Vraag 2 van 3",
        "Wat gebeurt er met je kind?",
    )
    back = soup(client.get(page.find("a", string="Terug")["href"]))
    assert (step_number(back), back.h1.get_text()) == (
        "Vraag 1 van 3",
        "Is je kind of iemand anders nu in gevaar?",
    )
    page = soup(submit(client, page, "Buitensluiten"))
    assert (step_number(page), page.h1.get_text()) == ("Vraag 3 van 3", "Hoe oud is je kind?")
    response = submit(client, page, "12 tot en met 17")
    assert response.status_code == 200
    # The results' address holds the answers only: it is what people share.
    assert response.request["QUERY_STRING"] == "danger=no&who=parent&what=exclusion&age=12-17"
    assert "niet begrepen" not in soup(response).get_text()


@pytest.mark.django_db
def test_from_the_start_button_the_counter_counts_all_four_questions(client, seeded):
    page = soup(client.get("/en/"))
    page = soup(client.get(page.find("a", string="Start: find help")["href"]))
    numbers = [step_number(page)]
    for answer in ["No", "I am being bullied", "Being left out"]:
        page = soup(submit(client, page, answer))
        numbers.append(step_number(page))
    assert numbers == ["Question 1 of 4", "Question 2 of 4", "Question 3 of 4", "Question 4 of 4"]
    assert page.h1.get_text() == "How old are you?"


@pytest.mark.django_db
def test_an_adult_is_not_asked_their_age(client, seeded):
    page = soup(client.get("/nl/"))
    page = soup(client.get(page.find("a", string="Ik ben volwassen en word gepest")["href"]))
    assert step_number(page) == "Vraag 1 van 2"
    page = soup(submit(client, page, "Nee"))
    assert (step_number(page), page.h1.get_text()) == ("Vraag 2 van 2", "Wat gebeurt er?")
    response = submit(client, page, "Schelden en vernederen")
    assert response.request["PATH_INFO"] == "/nl/hulp-zoeken/resultaten/"
    assert "18 of ouder" in soup(response).select_one(".summary").get_text()
    # Chosen on "Who are you?" instead, the age question drops out of the count then.
    page = soup(client.get("/en/find-help/who/?danger=no"))
    assert step_number(page) == "Question 2 of 4"
    page = soup(submit(client, page, "I am an adult and I am being bullied"))
    assert step_number(page) == "Question 3 of 3"
    assert page.select_one("form.question")["action"] == "/en/find-help/results/"


@pytest.mark.django_db
def test_skipping_every_question_still_gives_results(client, seeded):
    url = "/en/find-help/"
    for _ in range(4):
        page = soup(client.get(url))
        url = page.find("a", string="Skip this question")["href"]
    assert url == "/en/find-help/results/"
    assert len(card_names(soup(client.get(url)))) >= 5


@pytest.mark.django_db
def test_choosing_several_types_at_once(client, seeded):
    page = soup(client.get("/en/find-help/what/?who=parent"))
    several = page.find("a", string="More than one thing is happening? Choose several.")
    page = soup(client.get(several["href"]))
    form = page.select_one("form.question")
    assert form["action"] == "/en/find-help/age/"
    boxes = [box["value"] for box in form.select("input[type=checkbox]")]
    assert "fake-profile" in boxes and "images" in boxes
    hidden = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert hidden == {"who": "parent"}


@pytest.mark.django_db
def test_danger_answer_keeps_112_in_sight_on_later_questions(client, seeded):
    page = soup(client.get("/en/find-help/what/?danger=yes"))
    assert page.select_one(".alert a[href='tel:112']")
    page = soup(client.get("/nl/hulp-zoeken/wie/?danger=self-harm"))
    assert page.select_one(".alert a[href='tel:113']").get_text() == "Bel 113"
    assert not soup(client.get("/en/find-help/what/?danger=no")).select_one(".alert")


@pytest.mark.django_db
def test_results_cards_say_why_they_match_and_can_be_called(client, seeded):
    page = soup(client.get("/en/find-help/results/?who=parent&what=threats"))
    cards = {card.h2.get_text(strip=True): card for card in page.select("article.card")}
    helpwanted = cards["Helpwanted"]
    assert helpwanted.h2.a["href"] == "/en/all-help/helpwanted/"
    why = "Also helps with: threats · For parents and carers"
    assert helpwanted.select_one(".why").get_text() == why
    assert helpwanted.find("a", href="tel:+31202615275").get_text() == "Call 020-261 52 75"
    chat = next(a for a in helpwanted.select("a.btn") if a.get_text().startswith("Chat"))
    assert chat["href"] == "https://www.helpwanted.nl/" and chat["rel"] == ["noreferrer"]
    school_questions = cards["Ouders & Onderwijs (school questions for parents)"]
    assert school_questions.select_one(".why").get_text() == (
        "Answers parents' questions about school · For parents and carers"
    )


@pytest.mark.django_db
def test_results_show_advice_for_the_chosen_types(client, seeded):
    def advice_titles(query):
        page = soup(client.get("/en/find-help/results/?" + query))
        return [h3.get_text() for h3 in page.select("ol.advice h3")]

    general = advice_titles("who=young-person")
    advice = advice_titles("who=young-person&what=images")
    assert len(advice) > len(general) >= 3
    assert set(general) < set(advice)


@pytest.mark.django_db
def test_results_link_to_change_answers_and_to_the_directory(client, seeded):
    page = soup(client.get("/en/find-help/results/?" + RESULTS_QUERY))
    assert page.find("a", string="Change your answers")["href"] == "/en/find-help/?" + RESULTS_QUERY
    assert (
        page.find("a", string="See all help in one list")["href"]
        == "/en/all-help/?who=young-person&what=threats&age=12-17"
    )


@pytest.mark.django_db
def test_drafts_never_appear_in_results(client, seeded):
    page = client.get("/nl/hulp-zoeken/resultaten/?who=young-person").content.decode()
    assert "Meldknop" not in page and "UpTalk" not in page


def test_an_empty_match_still_shows_112_and_general_helplines(client, empty_db):
    def create(slug, hours="unknown", **fields):
        resource = Resource.objects.create(slug=slug, name_nl=slug, summary_nl="x", **fields)
        resource.contact_channels.create(kind="phone", address="0800-0432", hours=hours)

    create("112", kind="emergency", status="published", hours="always")
    create("kinderlijn", kind="helpline", status="published", max_age=11)
    create("concept", kind="helpline", status="draft")
    page = soup(client.get("/nl/hulp-zoeken/resultaten/?danger=no&age=18-plus"))
    # 112 is left out for danger=no and the child line by age: nothing matched.
    notes = [note.get_text() for note in page.select("main .note")]
    assert notes == ["Niets paste bij al je antwoorden. Deze lijnen helpen iedereen."]
    assert card_names(page) == ["112"]


def listing_audiences():
    """Slug -> the audiences a listing names (made for or also helps); empty: everyone."""
    return {
        resource.slug: {a.slug for a in resource.audiences.all()}
        | {a.slug for a in resource.also_for.all()}
        for resource in Resource.objects.published().prefetch_related("audiences", "also_for")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["young-person", "parent", "school-staff", "worried", "adult"])
def test_a_listing_not_for_an_audience_never_shows_in_its_results(client, seeded, who):
    names = listing_audiences()
    for danger in ("yes", "self-harm", "no"):
        for what in ("", "insults", "images", "exclusion", "hate"):
            page = soup(client.get(f"/en/find-help/results/?danger={danger}&who={who}&what={what}"))
            shown = [card["id"].removeprefix("r-") for card in page.select("article.card h2")]
            assert shown, (danger, what)
            strangers = [slug for slug in shown if names[slug] and who not in names[slug]]
            assert strangers == [], (danger, what)


@pytest.mark.django_db
def test_three_best_cards_then_more_help_folded_away_without_javascript(client, seeded):
    page = soup(client.get("/nl/hulp-zoeken/resultaten/?danger=no&who=adult&what=threats"))
    best = page.select_one("ol.cards.best")
    assert len(best.select("article.card")) == 3
    # The first card has the big call button, the others the normal one.
    calls = [card.select_one("a.call") for card in best.select("article.card")]
    assert "big" in calls[0]["class"] and "big" not in calls[1]["class"]
    more = page.select_one("details.more")
    assert more.summary.get_text(strip=True).startswith("Meer hulp")
    assert "open" not in more.attrs  # folded: <details> opens without any script
    assert len(more.select("article.card")) >= 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("en", "Nobody in danger now · I am a parent or carer · insults and put-downs · 12 to 17"),
        (
            "nl",
            "Niemand nu in gevaar · Ik ben ouder of verzorger · schelden en vernederen"
            " · 12 tot en met 17",
        ),
    ],
)
def test_results_sum_up_the_answers_with_a_link_to_change_them(client, seeded, language, summary):
    path = {"en": "/en/find-help/results/", "nl": "/nl/hulp-zoeken/resultaten/"}[language]
    page = soup(client.get(path + "?danger=no&who=parent&what=insults&age=12-17"))
    line = page.select_one("p.summary")
    change = line.find("a").extract()
    line.span.extract()  # "Your answers:" for screen readers
    assert line.get_text(strip=True) == summary
    assert change["href"].endswith("?danger=no&who=parent&what=insults&age=12-17")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "who", "age", "first_three"),
    [
        (AFTERNOON, "young-person", "12-17", ["113", "kindertelefoon", "112"]),
        (NIGHT, "young-person", "12-17", ["113", "112", "kindertelefoon"]),
        (AFTERNOON, "adult", "18-plus", ["113", "112"]),
    ],
)
def test_thinking_about_self_harm_puts_113_first_and_keeps_112_in_reach(
    client, seeded, visit_at, moment, who, age, first_three
):
    visit_at(moment)
    page = soup(client.get(f"/en/find-help/results/?danger=self-harm&who={who}&age={age}"))
    shown = [card["id"].removeprefix("r-") for card in page.select("article.card h2")]
    assert shown[: len(first_three)] == first_three
    assert "veilig-thuis" not in shown[:3]


@pytest.mark.django_db
def test_the_danger_question_offers_the_self_harm_answer(client, seeded):
    page = soup(client.get("/nl/hulp-zoeken/"))
    values = [button["value"] for button in page.select("form.question button")]
    assert values == ["yes", "self-harm", "no"]
