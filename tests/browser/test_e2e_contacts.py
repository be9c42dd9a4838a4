"""Tap-to-call and chat: every button dials the listed number (tel:) or opens the listed
chat over HTTPS, says when the chat is on their website, and is big enough to hit with a
thumb."""

from resources.models import Resource

from ..conftest import AFTERNOON, NIGHT

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
        channels = Resource.objects.get(slug=slug).channels
        phones = [c for c in channels if c.kind == "phone"]
        call = card.locator("a.call")
        if phones:
            assert call.get_attribute("href") == phones[0].href
            assert call.get_attribute("href").startswith("tel:")
            assert_big_enough(call)
            checked_calls += 1
        else:
            assert call.count() == 0
        chat = card.locator("ul.actions a", has_text="Chat")
        chats = [c for c in channels if c.kind == "chat"]
        assert chat.count() == len(chats)
        for number, channel in enumerate(chats):
            link = chat.nth(number)
            assert link.get_attribute("href") == channel.address
            assert link.get_attribute("href").startswith("https://")
            assert ("via de website" in link.inner_text()) == channel.via_website
            assert_big_enough(link)
            checked_chats += 1
    assert checked_calls >= 3 and checked_chats >= 1

    first = cards.first
    assert first.locator("a.call").get_attribute("href") == "tel:112"
    kindertelefoon = page.locator("article.card[aria-labelledby='r-kindertelefoon']")
    assert kindertelefoon.locator("a.call").get_attribute("href") == "tel:+318000432"
    chat = kindertelefoon.locator("ul.actions a", has_text="Chat")
    assert chat.get_attribute("href").startswith("https://www.kindertelefoon.nl/")


def test_emergency_numbers_on_every_page_dial_112_and_a_line_open_now(site, open_page, visit_at):
    page = open_page("phone")
    for moment, line, number in [
        (AFTERNOON, "0800-0432", "tel:+318000432"),  # De Kindertelefoon
        (NIGHT, "113", "tel:113"),  # when it is closed: 113, day and night
    ]:
        visit_at(moment)
        for path in ["/nl/", "/en/all-help/", "/nl/informatie/privacyverklaring/"]:
            page.goto(site + path)
            bar = page.locator("aside.emergency")
            link = bar.get_by_role("link", name="112", exact=True)
            assert link.get_attribute("href") == "tel:112"
            assert bar.get_by_role("link", name=line, exact=True).get_attribute("href") == number


def test_resource_page_lists_every_channel_with_the_right_target(site, open_page):
    channels = Resource.objects.get(slug="kindertelefoon").channels
    page = open_page("phone")
    page.goto(f"{site}/en/all-help/kindertelefoon/")
    contact = page.locator("dl.contact")
    phone_links = contact.locator("a[href^='tel:']")
    assert [phone_links.nth(i).get_attribute("href") for i in range(phone_links.count())] == [
        channel.href for channel in channels if channel.kind == "phone"
    ]
    assert phone_links.first.get_attribute("href") == "tel:+318000432"
    chat = next(channel for channel in channels if channel.kind == "chat")
    link = contact.get_by_role("link", name=chat.address)
    assert link.first.get_attribute("href") == chat.address
    call_button = page.locator("ul.actions a.call")
    assert call_button.get_attribute("href") == "tel:+318000432"
    assert_big_enough(call_button)
