"""/sitemap.xml: every public page in every language, each with its alternates in the
other languages and x-default (django.contrib.sitemaps). Drafts never appear.

Django's i18n sitemap activates each language before it calls location(), so reverse()
and Page.get_absolute_url() give each language's own path words and slug.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .findable import X_DEFAULT, x_default_url
from .models import Page, Resource
from .posters import with_poster


class Translated(Sitemap):
    """A sitemap of pages in every language, with hreflang alternates.

    Django's own x-default (x_default = True) is the default language's address with
    its language prefix taken out (/informatie/…): that only exists on sites that serve
    the default language without a prefix. Here every page has its prefix (/nl/…), so
    x-default is the default language's address itself, as in the pages' <head>
    (findable.x_default_url)."""

    i18n = True
    alternates = True
    x_default = False  # added in get_urls, see the docstring

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            given = {link["lang_code"]: link["location"] for link in url["alternates"]}
            url["alternates"].append({"lang_code": X_DEFAULT, "location": x_default_url(given)})
        return urls


class Fixed(Translated):
    """The pages that are always there: home, the start of the questions, the list, the
    open data."""

    def items(self):
        return ["resources:home", "resources:danger", "resources:directory", "resources:open_data"]

    def location(self, item):
        return reverse(item)


class Listings(Translated):
    def items(self):
        return Resource.objects.published().order_by("slug")

    def lastmod(self, resource):
        return resource.updated_at


class InformationPages(Translated):
    def items(self):
        return Page.objects.published().order_by("position", "pk")

    def location(self, page):
        return page.get_absolute_url()  # in the language the sitemap activated

    def lastmod(self, page):
        return page.updated_at


class Posters(Translated):
    """The posters' index and each poster staff chose to offer (Audience.has_poster)."""

    def items(self):
        return ["", *(audience.slug for audience in with_poster())]

    def location(self, slug):
        if not slug:
            return reverse("resources:posters")
        return reverse("resources:poster", kwargs={"audience": slug})


SITEMAPS = {
    "pages": Fixed,
    "listings": Listings,
    "information": InformationPages,
    "posters": Posters,
}
