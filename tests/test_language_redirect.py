"""/ sends visitors to the Dutch or English site, from what their browser asks for."""


def test_root_redirects_to_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_root_redirects_to_english_when_the_browser_asks_for_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_prefers_dutch_when_the_browser_asks_for_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9,en;q=0.8")
    assert response["Location"] == "/nl/"
