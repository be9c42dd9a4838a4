"""Staff-written Markdown (information pages, advice) as safe HTML.

Staff name a listing with a reference, its slug in double square brackets:
[[kindertelefoon]]. It shows as the listing's name, linked to its page on this site, and
its first phone number as a tel: link: "De Kindertelefoon (0800-0432)". The name and
number come from the listing at the time the text is shown, so a changed number is
right everywhere. A reference to a listing the public cannot see (a draft, or one that
is gone) shows as plain words: its name, or else its slug. Saving a text with such a
reference is refused (models/content.py, ListingReferences).

This module has no database access: markdown() asks `lookup` for the listings of all
references in a text at once (ResourceQuerySet.referenced: one query).
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from .phone import tel_href

# Raw HTML in the text is shown as text, never run; markdown-it refuses javascript: links.
_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")

# [[slug]]: anything but brackets and line ends between the brackets, so that a typo such
# as [[kinder telefoon]] is a reference too, and refused on save, not shown with brackets.
REFERENCE = re.compile(r"\[\[([^\[\]\n]+)\]\]")
TOKEN = "listing_reference"


@dataclass(frozen=True)
class Listing:
    """What a reference shows of a listing, in the active language."""

    name: str
    url: str  # its page on this site
    number: str  # its first phone number as shown, "" if it has none
    published: bool

    @property
    def tel(self):
        return tel_href(self.number)


def _link_open(renderer, tokens, idx, options, env):
    token = tokens[idx]
    if (token.attrGet("href") or "").startswith(("http://", "https://")):
        token.attrSet("rel", "noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


def _reference_rule(state, silent):
    """Inline rule: [[slug]] at this position becomes a reference token."""
    if not state.src.startswith("[[", state.pos):
        return False
    found = REFERENCE.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push(TOKEN, "", 0)
        token.meta = {"slug": found[1].strip()}
        token.content = found[0]
    state.pos = found.end()
    return True


def _reference(renderer, tokens, idx, options, env):
    slug = tokens[idx].meta["slug"]
    return str(shown(slug, env.get("listings", {}).get(slug)))


def shown(slug, listing):
    """A reference as HTML: the name linked to the listing's page, and its number as a
    tel: link; plain words for a listing the public cannot see (never a link to a page
    that is not there). A reference cannot be inside a link's text: markdown-it does not
    nest links, so such a link stays text."""
    if listing is None or not listing.published:
        return escape(listing.name if listing else slug.replace("-", " "))
    name, number = listing.name, listing.number
    if not number:
        return linked(listing.url, name)
    if name.startswith(f"{number} "):
        # "113 Zelfmoordpreventie", "112 (alarmnummer)": the number is in the name already.
        rest = name.removeprefix(f"{number} ")
        before, after = ("(", ")") if rest.startswith("(") and rest.endswith(")") else ("", "")
        return format_html(
            "{} {}{}{}",
            linked(listing.tel, number),
            before,
            linked(listing.url, rest.removeprefix(before).removesuffix(after)),
            after,
        )
    number_link = linked(listing.tel, number)
    base, bracket, words = name.removesuffix(")").rpartition(" (")
    if name.endswith(")") and bracket and base:
        # The number joins the words in brackets, not in second brackets:
        # "Politie (geen spoed, 0900-8844)", the name before them linked.
        pattern = _("%(name)s (%(words)s, %(number)s)")
        parts = {"name": linked(listing.url, base), "words": escape(words)}
    else:
        pattern = _("%(name)s (%(number)s)")
        parts = {"name": linked(listing.url, name)}
    return mark_safe(escape(pattern) % {**parts, "number": number_link})


def linked(url, text):
    return format_html('<a href="{}">{}</a>', url, text)


_markdown.add_render_rule("link_open", _link_open)
_markdown.inline.ruler.before("link", TOKEN, _reference_rule)
_markdown.add_render_rule(TOKEN, _reference)


def references_in(text):
    """The slugs of the references in a Markdown text, in order, each once (a [[…]] in a
    code span or block is text, not a reference)."""
    return _slugs_once(_markdown.parse(text or ""))


def _slugs_once(tokens):
    return list(dict.fromkeys(_slugs(tokens)))


def _slugs(tokens):
    for token in tokens:
        if token.type == TOKEN:
            yield token.meta["slug"]
        if token.children:
            yield from _slugs(token.children)


def markdown(text, lookup=None):
    """Staff-written Markdown as safe HTML. `lookup(slugs)` gives the Listing of each
    referenced slug it knows, {slug: Listing}, for all references of the text at once;
    without it, references show as plain words."""
    tokens = _markdown.parse(text or "")
    slugs = _slugs_once(tokens)
    env = {"listings": lookup(slugs) if lookup and slugs else {}}
    return mark_safe(_markdown.renderer.render(tokens, _markdown.options, env))
