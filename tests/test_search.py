"""Site search (resources/search.py, resources/textsearch.py): people's words, typos,
word forms, the other language, kinds of bullying, the directory's search, bad input."""

import sys
import threading
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation

from resources import search
from resources.models import BullyingType, Resource
from resources.textsearch import Index, Stemmers, query_words

from .conftest import form_values, soup

SEARCH = {"nl": "/nl/zoeken/", "en": "/en/search/"}


def index_of(**docs):
    index = Index("nl", Stemmers(["nl", "en"]))
    for key, fields in docs.items():
        for reason, level, text, language in fields:
            index.add(key, reason, level, text, language)
    return index


def ranked(index, text):
    return index.search(text).first(set(index.documents()))


def first(index, text):
    docs = ranked(index, text)
    return docs[0] if docs else None


def test_a_word_finds_other_forms_of_it_in_dutch_and_english():
    index = index_of(
        pesten=[("text", 0.4, "Hulp bij pesten op school", "nl")],
        bullying=[("text", 0.4, "Help with bullying at school", "en")],
    )
    assert first(index, "gepest") == "pesten"
    assert first(index, "pesterij") == "pesten"
    assert first(index, "bullied") == "bullying"


def test_a_word_with_a_typo_finds_the_word_and_says_what_it_searched_for():
    index = index_of(
        kt=[("name", 1.0, "De Kindertelefoon", "nl")],
        hw=[("name", 1.0, "Helpwanted", "nl")],
    )
    assert first(index, "kindertelefon") == "kt"
    assert first(index, "helpwantd") == "hw"
    assert first(index, "politei") is None  # nothing close
    assert index.lookup("kindertelefon").corrections == {"kindertelefon": "kindertelefoon"}


def test_the_other_language_counts_but_less_than_the_visitors_own():
    index = index_of(
        police=[("name", 1.0, "Politie", "nl"), ("name", 1.0, "Police", "en")],
        text=[("text", 0.4, "Bel de police als het spoed is", "nl")],
    )
    ranking = index.search("police")
    hits = [ranking.hit(doc) for doc in ranking.first({"police", "text"})]
    assert [hit.doc for hit in hits] == ["police", "text"]
    assert hits[0].where.language == "en"
    assert hits[0].score == pytest.approx(0.8)


def test_accents_case_small_words_and_numbers_typed_in_groups():
    assert query_words("Wat is OKÉ?") == ["wat", "is", "oke"]
    assert query_words("bel 0800 0432") == ["bel", "08000432"]
    assert query_words("0800-0432") == ["08000432"]
    index = index_of(
        kt=[("phone", 1.0, "08000432", "nl"), ("name", 1.0, "De Kindertelefoon", "nl")],
        other=[("text", 0.4, "Wat is dit voor een tekst", "nl")],
    )
    assert first(index, "0800 0432") == "kt"
    assert first(index, "wat is de kindertelefoon") == "kt"


def test_a_document_that_matches_every_word_comes_before_one_that_matches_some():
    index = index_of(
        one=[("name", 1.0, "Hulp bij pesten", "nl")],
        both=[("text", 0.4, "Hulp bij pesten en bedreiging", "nl")],
    )
    assert first(index, "pesten") == "one"
    assert first(index, "pesten bedreiging") == "both"


def results_of(client, language, text):
    page = soup(client.get(f"{SEARCH[language]}?q={quote(text)}"))
    return page


def first_card(page):
    card = page.select_one("article.card h2 a")
    return card.get_text() if card else None


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("naaktfoto", "helpwanted"),
        ("kindertelefon", "kindertelefoon"),
        ("police", "politie-geen-spoed"),
        ("politie", "politie-geen-spoed"),
    ],
)
def test_the_four_queries_of_the_issue_find_the_right_help_first_in_both_languages(
    client, seeded, language, text, slug
):
    page = results_of(client, language, text)
    assert page.select_one("article.card h2")["id"] == f"r-{slug}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "offer"),
    [("nl", "Gaat het om buitensluiten?"), ("en", "Is this about being left out?")],
)
def test_whatsapp_finds_being_left_out_and_offers_the_questions_with_it_answered(
    client, seeded, language, offer
):
    page = results_of(client, language, "whatsapp")
    text = page.select_one(".offer").get_text(" ", strip=True)
    assert text.startswith(offer)
    link = page.select_one(".offer a")["href"]
    assert "what=exclusion" in link
    assert client.get(link).status_code == 200
    assert page.select("article.card")  # the listings for being left out


@pytest.mark.django_db
def test_a_typo_says_which_word_was_searched_for(client, seeded):
    page = results_of(client, "nl", "kindertelefon")
    assert "Ook gezocht naar: kindertelefoon" in page.select_one("main").get_text(" ")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_nonsense_finds_nothing_and_offers_the_questions_and_the_list(client, seeded, language):
    page = results_of(client, language, "qxzqxzq")
    assert not page.select("article.card, ol.advice, .found-pages")
    links = [a["href"] for a in page.select("main a")]
    with translation.override(language):
        assert reverse("resources:danger") in links
        assert reverse("resources:directory") in links


@pytest.mark.django_db
def test_each_result_says_why_it_matched_in_the_visitors_language(client, seeded):
    page = results_of(client, "nl", "police")
    card = page.select_one("article.card")
    assert card.select_one(".why").get_text() == "De naam komt overeen, in het Engels"
    advice = page.select_one("ol.advice > li .why").get_text()
    assert advice == "De titel komt overeen, in het Engels"


@pytest.mark.django_db
def test_advice_and_information_pages_are_found_after_the_listings(client, seeded):
    page = results_of(client, "nl", "bewijs bewaren")
    assert page.select("ol.advice > li")
    page = results_of(client, "nl", "privacy")
    assert page.select_one(".found-pages li a").get_text() == "Privacyverklaring"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, text", [("nl", "aangifte doen"), ("en", "report to the police")]
)
def test_advice_written_for_several_groups_is_shown_once(client, seeded, language, text):
    page = results_of(client, language, text)
    police = [li["id"] for li in page.select("ol.advice > li") if "police" in li["id"]]
    assert police == ["advice-help-report-to-police"]  # the first of its three versions


def test_when_the_search_says_who_is_asking_their_version_of_a_step_is_shown():
    def step(slug, title, audiences):
        return SimpleNamespace(slug=slug, title=title, audience_slugs=frozenset(audiences))

    steps = [
        step("help-report", "Doe aangifte", ["parent", "school-staff"]),
        step("report-young", "Doe aangifte", ["young-person"]),
        step("report-adult", "Doe aangifte", ["adult"]),
        step("block", "Blokkeer", []),
        step("talk-with-child", "Praat met je kind", ["parent"]),
    ]
    slugs = [s.slug for s in search.advice_shown(steps, "adult")]
    assert slugs == ["report-adult", "block"]
    assert [s.slug for s in search.advice_shown(steps, "")] == [
        "help-report",
        "block",
        "talk-with-child",
    ]


@pytest.mark.django_db
def test_every_page_links_to_the_search(client, seeded):
    for url in ["/nl/", "/en/all-help/", "/nl/alle-hulp/kindertelefoon/"]:
        link = soup(client.get(url)).select_one("a.to-search")
        assert link["href"] == (SEARCH["nl"] if url.startswith("/nl/") else SEARCH["en"])


@pytest.mark.django_db
def test_the_directory_search_puts_the_best_match_first_and_keeps_its_filters(client, seeded):
    page = soup(client.get("/nl/alle-hulp/?q=kindertelefon"))
    assert page.select_one("article.card h2")["id"] == "r-kindertelefoon"
    page = soup(client.get("/nl/alle-hulp/?q=politie&who=young-person"))
    slugs = [h2["id"] for h2 in page.select("article.card h2")]
    assert slugs and "r-politie-geen-spoed" in slugs
    assert "r-slachtofferhulp" not in slugs  # for adults only: the filter holds


@pytest.mark.django_db
def test_a_search_word_staff_add_in_the_admin_is_found_by_the_next_search(
    client, editor_client, settings
):
    assert settings.HELPFINDER_PAGE_CACHE_SECONDS > 0  # the page cache is on
    url = f"{SEARCH['nl']}?q=roddelaccount"
    assert not soup(client.get(url)).select(".offer")  # and now that page is cached
    kind = BullyingType.objects.get(slug="fake-profile")
    change = reverse("admin:resources_bullyingtype_change", args=[kind.pk])
    data = form_values(soup(editor_client.get(change)).find("form", id="bullyingtype_form"))
    data["search_words_nl"] = [data["search_words_nl"][0] + ", roddelaccount"]
    assert editor_client.post(change, data).status_code == 302
    offer = soup(client.get(url)).select_one(".offer")
    assert "nepprofiel of gehackt account" in offer.get_text()


@pytest.mark.django_db
def test_a_search_word_on_a_listing_puts_it_first(client, editor_client):
    url = f"{SEARCH['en']}?q=klikspaan"
    assert first_card(soup(client.get(url))) is None
    resource = Resource.objects.get(slug="ouders-en-onderwijs")
    resource.search_words_nl = "klikspaan"
    resource.save()
    assert first_card(soup(client.get(url))) == "Ouders & Onderwijs (school questions for parents)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    ['"><script>hf(1)</script>', "a" * 3000, "\u202e\u0000", "🙂" * 60, "' OR 1=1 --", "%%%"],
)
def test_any_search_text_answers_without_an_error_and_is_shown_escaped(client, seeded, text):
    response = client.get(SEARCH["nl"], {"q": text})
    assert response.status_code in (200, 400)
    assert b"<script>hf(1)" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text", "first", "not_shown"),
    [
        ("nl", "mijn kind wordt gepest op whatsapp", "hulp-op-school", "kindertelefoon"),
        ("en", "my pupil is left out of the group chat", "ouder-en-kindadviseur", "kindertelefoon"),
    ],
)
def test_a_sentence_that_says_who_is_asking_is_ranked_as_the_results_are_for_them(
    client, seeded, language, text, first, not_shown
):
    page = results_of(client, language, text)
    slugs = [h2["id"].removeprefix("r-") for h2 in page.select("article.card h2")]
    assert slugs[0] == first
    assert not_shown not in slugs  # a line for children, not for parents or teachers
    offer = page.select_one(".offer a")["href"]
    assert "who=" in offer and "what=exclusion" in offer  # the questions know both answers


@pytest.mark.django_db
def test_a_child_saying_kids_in_class_bully_them_is_not_taken_for_a_teacher(client, seeded):
    page = results_of(client, "en", "kids in my class call me names")
    slugs = [h2["id"].removeprefix("r-") for h2 in page.select("article.card h2")]
    assert slugs[0] == "kindertelefoon"


def test_searches_in_many_threads_at_once_find_what_one_search_finds():
    """gunicorn runs several threads per process on one index: the first searches sort its
    words while others read them, and the stemmers keep the word they work on."""
    words = [f"woord{n}" for n in range(3000)]
    queries = ["kindertelefon", "gepest", "pesterijen", "woord12", "bullied", "helpwantd"]

    def fresh_index():
        return index_of(
            kt=[("name", 1.0, "De Kindertelefoon", "nl")],
            hw=[("name", 1.0, "Helpwanted", "nl")],
            pesten=[("text", 0.4, "Hulp bij pesten op school " + " ".join(words), "nl")],
            bullying=[("text", 0.4, "Help with bullying at school", "en")],
        )

    expected = {query: ranked(fresh_index(), query) for query in queries}
    failures = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    try:
        for _round in range(10):
            index = fresh_index()
            start = threading.Barrier(8)

            def search(number, index=index, start=start):
                start.wait()
                for query in queries[number % 6 :] + queries[: number % 6]:
                    try:
                        found = ranked(index, query)
                    except Exception as error:  # noqa: BLE001 - any error is the failure
                        failures.append(f"{query}: {error!r}")
                    else:
                        if found != expected[query]:
                            failures.append(f"{query}: {found} instead of {expected[query]}")

            threads = [threading.Thread(target=search, args=(n,)) for n in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
