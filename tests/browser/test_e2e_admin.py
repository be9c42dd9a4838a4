"""An editor logs in to the admin (password and authenticator code, as in production),
changes the English text of an information page in its English tab, saves, and sees the
change on the English home page; visitors see it at once, the Dutch text is untouched.
The admin works under the site's strict Content-Security-Policy."""

from resources.models import Page

from .conftest import log_in

OLD_EN = "Bullying through your phone or computer, the forms it can take, and grooming."
OLD_NL = "Pesten via je telefoon of computer, de vormen die het kan hebben, en grooming."
NEW_EN = "Bullying by phone, in apps and in games: what it looks like."


def test_editor_edits_the_english_tab_and_sees_the_change_on_en(site, open_page, editor):
    visitor = open_page("phone")
    visitor.goto(f"{site}/en/")
    assert visitor.get_by_text(OLD_EN).is_visible()  # and now the page is in the cache

    staff = open_page("desktop", locale="nl-NL")
    log_in(staff, site, editor)
    staff.goto(f"{site}/admin/resources/page/")
    with staff.expect_navigation():
        staff.get_by_role("link", name="Wat is cyberpesten?").click()

    english_tab = staff.locator("li[aria-controls='tab_id_summary_en']")
    dutch_field, english_field = staff.locator("#id_summary_nl"), staff.locator("#id_summary_en")
    assert dutch_field.is_visible() and not english_field.is_visible()
    english_tab.click()
    assert english_field.is_visible() and not dutch_field.is_visible()
    assert english_field.input_value() == OLD_EN
    english_field.fill(NEW_EN)
    with staff.expect_navigation():
        staff.locator("input[name=_save]").click()
    assert staff.locator(".messagelist .success").is_visible()
    assert Page.objects.get(slug_en="what-is-cyberbullying").summary_en == NEW_EN

    staff.goto(f"{site}/en/")
    assert staff.get_by_text(NEW_EN).is_visible()
    visitor.reload()
    assert visitor.get_by_text(NEW_EN).is_visible()
    assert not visitor.get_by_text(OLD_EN).count()
    visitor.goto(f"{site}/nl/")
    assert visitor.get_by_text(OLD_NL).is_visible()

    assert staff.recorder.csp_violations == []
    assert staff.recorder.errors == []
    assert visitor.recorder.csp_violations == []
