"""The one form of a supporter's email and network address that every action's abuse rules compare."""

import pytest
from django.core.exceptions import ValidationError

from supporter_actions.addresses import canonical_email, email_key, rate_limit_network


def test_canonical_email_and_key():
    assert canonical_email("  Ana.B+News@Exämple.ORG ") == "Ana.B+News@xn--exmple-cua.org"
    assert email_key("Ana.B+News@xn--exmple-cua.org") == "ana.b@xn--exmple-cua.org"
    assert email_key("A.N.A+x@GoogleMail.com") == "ana@gmail.com"
    assert email_key("+only@example.org") == "+only@example.org"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("\u017fue@victim.example.org", "lookalike"),  # ſ folds to "s"
        ("\u212aim@victim.example.org", "lookalike"),  # Kelvin sign folds to "k"
        ("pc@xn--ab.org", "invalid"),  # not valid punycode
        ("no-at-sign.example.org", "invalid"),
        ('"quoted"@example.org', "invalid"),
        ("a" * 250 + "@example.org", "too_long"),
    ],
)
def test_canonical_email_refuses(typed, code):
    with pytest.raises(ValidationError) as refused:
        canonical_email(typed)
    assert refused.value.code == code


def test_rate_limit_network():
    assert rate_limit_network("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64"
    assert rate_limit_network("::ffff:198.51.100.7") == "198.51.100.7"
    assert rate_limit_network("198.51.100.7") == "198.51.100.7"
    assert rate_limit_network("not an address") == ""
