"""Send or keep: the results and a listing carry their own address to copy, and e-mail and
WhatsApp links with that address under a general subject. Nothing else about the answers
goes with it, nothing is posted and no cookie is set."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import soup

PARENT_QUERY = "danger=no&who=parent&what=images&age=12-17"


def urls(language):
    with translation.override(language):
        return [
            reverse("resources:results") + "?" + PARENT_QUERY,
            reverse("resources:resource", kwargs={"slug": "kindertelefoon"}),
        ]


def shared_text(href):
    """The text an e-mail or WhatsApp link puts in the message."""
    query = parse_qs(urlsplit(href).query)
    return query.get("body", query.get("text"))[0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_address_to_share_is_this_page_in_full(client, seeded, language):
    for url in urls(language):
        response = client.get(url)
        share = soup(response).select_one("section.share")
        field = share.find("input", id="share-url")
        assert field["value"] == "http://testserver" + url
        assert field.has_attr("readonly")
        assert share.find("label", attrs={"for": "share-url"}).get_text(strip=True)
        assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_mail_and_whatsapp_carry_the_address_and_nothing_more(client, seeded, language):
    subject = {"nl": "Hulp bij online pesten in Amsterdam", "en": "Help with online bullying"}
    for url in urls(language):
        share = soup(client.get(url)).select_one("section.share")
        mail = share.find("a", href=lambda href: href.startswith("mailto:?"))
        whatsapp = share.find("a", href=lambda href: href.startswith("https://wa.me/?"))
        address = "http://testserver" + url
        for link in (mail, whatsapp):
            # A general subject, then the address: no answer spelled out in words.
            text = shared_text(link["href"])
            assert text.startswith(subject[language])
            assert text.endswith(": " + address)
            assert len(text) == text.index(":") + 2 + len(address)
        assert parse_qs(urlsplit(mail["href"]).query)["subject"][0].startswith(subject[language])
        assert whatsapp["rel"] == ["noreferrer"]


@pytest.mark.django_db
def test_the_share_buttons_that_need_javascript_are_hidden_without_it(client, seeded):
    share = soup(client.get(urls("en")[0])).select_one("section.share")
    for button in ("share-button", "print-button"):
        assert share.find("button", id=button).parent.has_attr("hidden")


@pytest.mark.django_db
def test_an_address_with_markup_in_it_is_shared_as_text(client, seeded):
    url = reverse("resources:results") + '?who="><script>alert(1)</script>'
    response = client.get(url)
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content
    field = soup(response).find("input", id="share-url")
    assert "<script>" not in field["value"] and "%3Cscript%3E" in field["value"]
