"""Tap-to-call and chat: every button dials the listed number (tel:) or opens the listed
chat over HTTPS, and is big enough to hit with a thumb."""

from resources.models import Resource

RESULTS = "/nl/hulp-zoeken/resultaten/?danger=yes&who=young-person&what=threats&age=12-17"
TOUCH_TARGET = 44  # CSS pixels


def assert_big_enough(link):
    box = link.bounding_box()
    assert box["height"] >= TOUCH_TARGET and box["width"] >= TOUCH_TARGET, (link, box)


def test_result_cards_call_and_chat_the_listed_contacts(site, open_page):
    page = open_page("phone")
    page.goto(site + RESULTS)
    cards = page.locator("article.card")
    assert cards.count() >= 4
    # "More help" is folded away: a tap on it opens it (a <details>, no script needed).
    folded = page.locator("details.more article.card").first
    assert not folded.is_visible()
    page.locator("details.more summary").click()
    assert folded.is_visible()
    checked_calls = checked_chats = 0
    for index in range(cards.count()):
        card = cards.nth(index)
        slug = card.get_attribute("aria-labelledby").removeprefix("r-")
        resource = Resource.objects.get(slug=slug)
        call = card.locator("a.call")
        if resource.phone:
            assert call.get_attribute("href") == resource.tel_href
            assert call.get_attribute("href").startswith("tel:")
            assert_big_enough(call)
            checked_calls += 1
        else:
            assert call.count() == 0
        chat = card.locator("ul.actions a", has_text="Chat")
        if resource.chat_url:
            assert chat.get_attribute("href") == resource.chat_url
            assert chat.get_attribute("href").startswith("https://")
            assert_big_enough(chat)
            checked_chats += 1
        else:
            assert chat.count() == 0
    assert checked_calls >= 3 and checked_chats >= 1

    first = cards.first
    assert first.locator("a.call").get_attribute("href") == "tel:112"
    kindertelefoon = page.locator("article.card[aria-labelledby='r-kindertelefoon']")
    assert kindertelefoon.locator("a.call").get_attribute("href") == "tel:+318000432"
    assert kindertelefoon.locator("ul.actions a", has_text="Chat").get_attribute("href") == (
        "https://www.kindertelefoon.nl/"
    )


def test_emergency_numbers_on_every_page_dial_112_and_the_kindertelefoon(site, open_page):
    page = open_page("phone")
    for path in ["/nl/", "/en/all-help/", "/nl/informatie/privacy/"]:
        page.goto(site + path)
        bar = page.locator("aside.emergency")
        assert bar.get_by_role("link", name="112", exact=True).get_attribute("href") == "tel:112"
        assert bar.get_by_role("link", name="0800-0432").get_attribute("href") == "tel:+318000432"


def test_resource_page_lists_every_channel_with_the_right_target(site, open_page):
    resource = Resource.objects.get(slug="kindertelefoon")
    page = open_page("phone")
    page.goto(f"{site}/en/all-help/kindertelefoon/")
    contact = page.locator("dl.contact")
    phone_links = contact.locator("a[href^='tel:']")
    assert [phone_links.nth(i).get_attribute("href") for i in range(phone_links.count())] == [
        resource.tel_href,
        resource.phone_alt_href,
    ]
    assert resource.tel_href == "tel:+318000432"
    chat = contact.get_by_role("link", name=resource.chat_url)
    assert chat.first.get_attribute("href") == "https://www.kindertelefoon.nl/"
    call_button = page.locator("ul.actions a.call")
    assert call_button.get_attribute("href") == "tel:+318000432"
    assert_big_enough(call_button)
