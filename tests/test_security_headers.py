"""Headers on every response, as the most trusted public-sector sites send them."""

import pytest

PAGES = [
    "/nl/",
    "/en/find-help/results/?danger=yes",
    "/nl/alle-hulp/kindertelefoon/",
    "/nl/bestaat-niet/",
    "/static/css/site.css",
    "/healthz",
    "/.well-known/security.txt",
    "/admin/login/",
    "/nl/alle-hulp/helpwanted/klopt-er-iets-niet/",
]


def csp(response):
    return dict(
        (part.split(" ", 1) + [""])[:2]
        for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
        if part
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_a_strict_content_security_policy(client, url):
    policy = csp(client.get(url))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in str(policy) and "unsafe-eval" not in str(policy)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_the_other_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]:
        assert feature in permissions
    if "/admin/" in url or "klopt-er-iets-niet" in url:
        assert response["Referrer-Policy"] == "same-origin"  # forms: see middleware.py
    else:
        assert response["Referrer-Policy"] == "no-referrer"
    if response.get("Content-Type", "").startswith("text/html"):
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_hsts_for_a_year_when_served_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000  # what production (DJANGO_HTTPS) sets
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/nl/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_security_txt_names_the_contact_from_settings(client, settings):
    settings.HELPFINDER_SECURITY_CONTACT = "mailto:security@amsterdam.example"
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Contact: mailto:security@amsterdam.example" in lines
    assert any(line.startswith("Expires: 20") for line in lines)
    assert "Canonical: http://testserver/.well-known/security.txt" in lines
