"""Staff-written Markdown (information pages, advice) as safe HTML."""

from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

# Raw HTML in the text is shown as text, never run; markdown-it refuses javascript: links.
_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")


def _link_open(renderer, tokens, idx, options, env):
    token = tokens[idx]
    if (token.attrGet("href") or "").startswith(("http://", "https://")):
        token.attrSet("rel", "noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


_markdown.add_render_rule("link_open", _link_open)


def markdown(text):
    """Staff-written Markdown as safe HTML."""
    return mark_safe(_markdown.render(text or ""))
