"""Pages as Chromium prints them: the PDF's text and number of pages, read with pypdf."""

import io
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Printed:
    text: str  # the text of every page, in order, with single spaces, no ligatures
    pages: int


def print_to_pdf(page, url, paper="A4"):
    """Opens `url` in the Playwright `page` and prints it on `paper` ("A4" or "Letter") as
    the browser's print dialog would: print stylesheet, no headers or footers of its own."""
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    # NFKC: the ligatures of the PDF's fonts ("ﬁ") back into letters.
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    text = unicodedata.normalize("NFKC", text)
    return Printed(text=text, pages=len(reader.pages))
