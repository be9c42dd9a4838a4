"""Staff-written Markdown on information pages and advice: safe HTML, no referrer."""

from resources.templatetags.helpfinder import markdown


def test_links_out_carry_no_referrer():
    html = markdown("See [Helpwanted](https://www.helpwanted.nl/).")
    assert '<a href="https://www.helpwanted.nl/" rel="noreferrer">Helpwanted</a>' in html


def test_html_written_by_staff_is_shown_as_text_not_run():
    html = markdown('<script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_are_not_made_into_links():
    html = markdown("[click](javascript:alert(1))")
    assert "href" not in html


def test_headings_and_lists():
    html = markdown("## Kop\n\n- een\n- twee")
    assert "<h2>Kop</h2>" in html and "<li>een</li>" in html
