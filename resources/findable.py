"""What search engines read of a page besides its text: its canonical address and its
addresses in the other languages (hreflang), the same rule for the pages' <head> and
/sitemap.xml (sitemaps.py). Plain functions of addresses.
"""

from django.conf import settings

X_DEFAULT = "x-default"


def x_default_url(urls):
    """The address for a visitor whose language the site does not have: the page in the
    default language (Dutch). Not "/", which chooses by the browser's language: it is
    the home page only, and a search engine's crawler, which asks for no language, gets
    Dutch there too. urls: {language code: address}."""
    return urls[settings.LANGUAGE_CODE]


def head_links(request, paths, current):
    """The canonical address of this page and its alternates, absolute (as search
    engines require) on the host and scheme of this request.

    paths: {language code: this page's path in that language, with its query string};
    current: the page's language. The canonical address is the page's own, with its
    query string: answers and filters are the content of the results and the list, and
    search engines take a canonical that differs from one of a page's hreflang
    addresses as a conflict."""
    urls = {code: request.build_absolute_uri(path) for code, path in paths.items()}
    return {
        "canonical": urls[current],
        "alternates": [*urls.items(), (X_DEFAULT, x_default_url(urls))],
    }
