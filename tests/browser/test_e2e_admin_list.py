"""The list of listings fits a 1280 px wide window in Dutch, with the seed data: an editor
sees every column (name to ways to get in touch) and the filters without scrolling sideways."""

from datetime import date

from resources.models import Resource

from .conftest import log_in

FITS = """() => {
    const page = document.scrollingElement;
    const results = document.querySelector('#changelist .results');
    return {
        page: [page.scrollWidth, page.clientWidth],
        results: [results.scrollWidth, results.clientWidth],
    };
}"""


def test_the_dutch_list_of_listings_fits_1280_pixels(site, open_page, editor):
    # As after some weeks of work: checked by staff with long names, one check overdue.
    editor.user.first_name, editor.user.last_name = "Fatima", "el Amrani-Vermeulen"
    editor.user.save()
    Resource.objects.filter(slug__in=["helpwanted", "slachtofferhulp"]).update(
        verified_by=editor.user
    )
    Resource.objects.filter(slug="slachtofferhulp").update(last_verified=date(2020, 1, 1))
    staff = open_page("desktop", locale="nl-NL")
    staff.set_viewport_size({"width": 1280, "height": 800})
    log_in(staff, site, editor)
    staff.goto(f"{site}/admin/resources/resource/")
    headings = staff.locator("#result_list thead th").all_inner_texts()
    assert [text.strip().lower() for text in headings[1:]] == [
        "naam",
        "soort",
        "status",
        "gegevens laatst gecontroleerd",
        "contactmogelijkheden",
    ]
    assert staff.get_by_text("2 zonder tijden").first.is_visible()  # Helpwanted
    assert staff.get_by_text("controle nodig").first.is_visible()  # Slachtofferhulp
    assert staff.locator("#changelist-filter").is_visible()

    widths = staff.evaluate(FITS)
    assert widths["page"][0] <= widths["page"][1], widths
    assert widths["results"][0] <= widths["results"][1], widths
    last_column = staff.locator("#result_list thead th").last.bounding_box()
    assert last_column["x"] + last_column["width"] <= 1280
    assert staff.recorder.errors == []
