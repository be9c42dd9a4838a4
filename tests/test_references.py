"""Staff name a listing in a page or an advice step with [[slug]]: visitors see its name,
linked to its page, and its current phone number as a tel: link. A reference to a listing
that does not exist or is a draft is refused on save; one to a listing that became a
draft or was deleted later shows as plain words."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from resources.markup import Listing, markdown, references_in
from resources.models import Advice, ContactChannel, Page, Resource

from .conftest import form_values, soup
from .test_admin_editing import open_change_form

HELP_PAGE = {"nl": "/nl/informatie/hulp-in-amsterdam/", "en": "/en/information/help-in-amsterdam/"}


def article(response):
    assert response.status_code == 200
    return soup(response).find("article")


def links(tag):
    return {a["href"]: a.get_text() for a in tag.find_all("a")}


def admin_form(client, model, obj):
    """The admin change form of a page or advice step, as {field: [values]}."""
    name = model._meta.model_name
    url = reverse(f"admin:resources_{name}_change", args=[obj.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    return url, form_values(soup(response).find("form", id=f"{name}_form"))


def errors_of(response, field):
    """The messages next to one field of an admin form."""
    row = soup(response).select_one(f".field-{field}")
    return [item.get_text() for item in row.select(".errorlist li")] if row else []


# ------------------------------------------------------------------ what visitors see


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "listing_page", "name", "words"),
    [
        (
            "nl",
            "/nl/alle-hulp/kindertelefoon/",
            "De Kindertelefoon",
            "De Kindertelefoon (0800-0432)",
        ),
        (
            "en",
            "/en/all-help/kindertelefoon/",
            "De Kindertelefoon",
            "De Kindertelefoon (child helpline, 0800-0432)",
        ),
    ],
)
def test_a_reference_shows_the_name_linked_to_its_page_and_the_number_as_a_tel_link(
    client, language, listing_page, name, words
):
    page = article(client.get(HELP_PAGE[language]))
    found = links(page)
    assert found[listing_page] == name
    assert found["tel:+318000432"] == "0800-0432"
    assert words in page.get_text()
    assert "[[" not in page.get_text()


@pytest.mark.django_db
def test_a_name_that_begins_with_its_number_shows_the_number_once(client):
    page = article(client.get(HELP_PAGE["nl"]))
    assert "113 Zelfmoordpreventie:" in page.get_text()
    assert links(page)["tel:113"] == "113"
    assert links(page)["/nl/alle-hulp/113/"] == "Zelfmoordpreventie"


@pytest.mark.django_db
def test_a_listing_without_a_phone_shows_its_name_linked_only(client):
    Page.objects.create(
        slug_nl="test",
        title_nl="Test",
        summary_nl="Test",
        body_nl="Lees meer bij [[offlimits]].",
        status="published",
    )
    page = article(client.get("/nl/informatie/test/"))
    assert links(page) == {"/nl/alle-hulp/offlimits/": "Offlimits"}
    assert "Lees meer bij Offlimits." in page.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_advice_steps_in_the_results_show_references(client, language):
    with translation.override(language):
        url = reverse("resources:results") + "?danger=no&who=parent&what=images&age=12-17"
    results = soup(client.get(url))
    advice = results.select_one("#advice-remove-images")
    assert advice is not None
    assert links(advice)[
        f"/{language}/{'alle-hulp' if language == 'nl' else 'all-help'}/helpwanted/"
    ]
    assert links(advice)["tel:+31202615275"] == "020-261 52 75"


@pytest.mark.django_db
def test_a_changed_number_is_on_the_cached_page_at_once(client, settings):
    assert settings.HELPFINDER_PAGE_CACHE_SECONDS > 0
    url = HELP_PAGE["nl"]
    assert "0800-0432" in article(client.get(url)).get_text()
    assert client.get(url).content == client.get(url).content  # from the page cache
    phone = ContactChannel.objects.get(resource__slug="kindertelefoon", address="0800-0432")
    phone.address = "0800-0450"
    phone.save()
    page = article(client.get(url))
    assert links(page)["tel:+318000450"] == "0800-0450"
    assert "0800-0432" not in page.get_text()


@pytest.mark.django_db
def test_a_listing_that_became_a_draft_shows_as_its_name_without_link_or_number(client):
    Resource.objects.filter(slug="helpwanted").update(status="draft")
    Resource.objects.get(slug="kindertelefoon").save()  # a save: the cached pages go stale
    page = article(client.get(HELP_PAGE["en"]))
    assert "/en/all-help/helpwanted/" not in links(page)
    assert "tel:+31202615275" not in links(page)
    assert "Helpwanted: call, or chat on" in page.get_text()


@pytest.mark.django_db
def test_a_deleted_listing_shows_as_plain_words(client):
    Resource.objects.get(slug="veilig-thuis").delete()
    page = article(client.get(HELP_PAGE["nl"]))
    assert not any("veilig-thuis" in href for href in links(page))
    assert "tel:+318002000" not in links(page)
    assert "veilig thuis: bel gratis, dag en nacht." in page.get_text()


@pytest.mark.django_db
def test_html_and_markdown_in_a_listing_name_are_shown_as_text(client):
    Resource.objects.filter(slug="kindertelefoon").update(
        name_nl='<script>alert("x")</script> **vet** [link](https://example.org/)'
    )
    Resource.objects.get(slug="helpwanted").save()  # the cached pages go stale
    page = article(client.get(HELP_PAGE["nl"]))
    assert page.find("script") is None and page.find("strong", string="vet") is None
    assert "https://example.org/" not in links(page)
    assert '<script>alert("x")</script> **vet** [link](https://example.org/)' in page.get_text()


def test_names_and_numbers_take_the_shape_of_the_name():
    listings = {
        "plain": Listing("Helpwanted", "/nl/h/", "020-261 52 75", True),
        "brackets": Listing("Politie (geen spoed)", "/nl/p/", "0900-8844", True),
        "number": Listing("112 (alarmnummer)", "/nl/112/", "112", True),
        "draft": Listing("Concept", "/nl/c/", "0800-0432", False),
    }
    html = markdown(
        "[[plain]]; [[brackets]]; [[number]]; [[draft]]; [[gone-away]]", lambda s: listings
    )
    assert html == (
        '<p><a href="/nl/h/">Helpwanted</a> (<a href="tel:+31202615275">020-261 52 75</a>); '
        '<a href="/nl/p/">Politie</a> (geen spoed, <a href="tel:+319008844">0900-8844</a>); '
        '<a href="tel:112">112</a> (<a href="/nl/112/">alarmnummer</a>); '
        "Concept; gone away</p>\n"
    )


def test_references_in_code_are_text_and_every_slug_is_looked_up_once():
    text = "[[a]], [[ b ]] and [[a]]; `[[c]]`\n\n    [[d]]"
    assert references_in(text) == ["a", "b"]
    asked = []
    markdown(text, lambda slugs: asked.append(slugs) or {})
    assert asked == [["a", "b"]]
    assert "<code>[[c]]</code>" in markdown(text)


# ------------------------------------------------------------------ what staff may save


@pytest.mark.django_db
def test_the_admin_refuses_a_reference_to_an_unknown_listing_on_its_language_tab(editor_client):
    page = Page.objects.get(slug_en="help-in-amsterdam")
    before = (page.body_nl, page.body_en, page.version)
    url, data = admin_form(editor_client, Page, page)
    data["body_en"] = [data["body_en"][0] + "\n\nCall [[kinder-telefoon]] or [[no such]]."]
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert errors_of(response, "body_nl") == []
    (error,) = errors_of(response, "body_en")
    assert "[[kinder-telefoon]], [[no such]]" in error
    assert "Check the spelling" in error
    page.refresh_from_db()
    assert (page.body_nl, page.body_en, page.version) == before


@pytest.mark.django_db
def test_the_admin_refuses_a_reference_to_a_draft_listing(editor_client):
    advice = Advice.objects.get(slug="remove-images")
    before = advice.body_nl
    url, data = admin_form(editor_client, Advice, advice)
    data["body_nl"] = [data["body_nl"][0] + "\n\nOf meld het via [[meldknop]]."]
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    (error,) = errors_of(response, "body_nl")
    assert "[[meldknop]] is a draft listing" in error and "Publish the listing first" in error
    advice.refresh_from_db()
    assert advice.body_nl == before


@pytest.mark.django_db
def test_the_admin_saves_a_reference_to_a_published_listing_and_says_how_to_write_one(
    editor_client, client
):
    page = Page.objects.get(slug_en="privacy")
    url, data = admin_form(editor_client, Page, page)
    form = soup(editor_client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    assert "[[kindertelefoon]]" in form.select_one(".field-body_en .help").get_text()
    data["body_en"] = ["Questions? Call [[kindertelefoon]]."]
    assert editor_client.post(url, data).status_code == 302
    assert links(article(client.get("/en/information/privacy/")))["tel:+318000432"] == "0800-0432"


@pytest.mark.django_db
def test_a_revert_to_a_text_that_names_a_listing_now_a_draft_is_refused(editor_client):
    page = Page.objects.get(slug_en="help-in-amsterdam")
    record = page.history.first()
    Resource.objects.filter(slug="helpwanted").update(status="draft")
    url = reverse("admin:resources_page_revert", args=[page.pk, record.history_id])
    confirm = soup(editor_client.get(url))
    response = editor_client.post(
        url, form_values(confirm.find("form", id="revert-form")), follow=True
    )
    error = soup(response).select_one(".messagelist .error").get_text()
    assert "[[helpwanted]]" in error
    assert Page.objects.get(pk=page.pk).version == page.version


@pytest.mark.django_db
def test_staff_are_told_which_texts_name_a_listing_they_make_a_draft(editor_client):
    resource = Resource.objects.get(slug="centrum-seksueel-geweld")
    url, data = open_change_form(editor_client, resource)
    data["status"] = ["draft"]
    response = editor_client.post(url, data, follow=True)
    message = soup(response).select_one(".messagelist .warning").get_text()
    assert "Hulp in Amsterdam" in message  # the admin speaks Dutch by default
    assert "Laat foto's en video's weghalen" in message


# ------------------------------------------------------------------ the seed content


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Page, Advice])
def test_the_seeded_texts_name_listings_with_references_that_all_resolve(model):
    objects = list(model.objects.all())
    for obj in objects:
        obj.check_references()  # each names a published listing that exists
    with_references = [obj for obj in objects if any(obj.references().values())]
    assert len(with_references) >= 5


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_seeded_pages_show_no_hand_written_listing_numbers_and_no_brackets(client, language):
    numbers = set(ContactChannel.objects.filter(kind="phone").values_list("address", flat=True))
    numbers -= {"0800-0113", "116 111"}  # second numbers of a listing: not what a reference shows
    for page in Page.objects.published():
        shown = article(client.get(page.url_in(language)))
        tels = {a.get_text() for a in shown.find_all("a", href=re.compile("^tel:"))}
        text = shown.get_text()
        assert "[[" not in text, page
        written = {n for n in numbers if n in text and n not in tels and len(n) > 3}
        assert written == set(), (page, written)
