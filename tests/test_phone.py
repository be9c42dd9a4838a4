import pytest
from django.core.exceptions import ValidationError

from resources.phone import tel_href, validate_phone


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("0800-0432", "tel:+318000432"),
        ("020-261 52 75", "tel:+31202615275"),
        ("0900-111 3 111", "tel:+319001113111"),
        ("112", "tel:112"),
        ("113", "tel:113"),
        ("116 111", "tel:116111"),
        ("14 020", "tel:14020"),
    ],
)
def test_links_dial_international_format_except_short_numbers(number, href):
    validate_phone(number)
    assert tel_href(number) == href


@pytest.mark.parametrize(
    "number", ["08000432", "0800 0432", "+31 800 0432", "020-26152", "0800-0432a", "911x", ""]
)
def test_numbers_outside_the_house_style_or_impossible_are_refused(number):
    with pytest.raises(ValidationError):
        validate_phone(number)


def test_no_number_gives_no_link():
    assert tel_href("") == ""
