"""Which mail server replies end an email for good (5xx about the recipient or message) and which are retried."""

import smtplib

import pytest

from nnirr_site.background.mail_errors import describe, is_permanent


@pytest.mark.parametrize(
    "exc, permanent",
    [
        (smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"4.7.1 Greylisted")}), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (452, b"4.2.2 Mailbox full")}), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"5.1.1 No such user")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"x"), "b@example.org": (451, b"y")}), False),
        (smtplib.SMTPDataError(554, b"5.7.1 Message rejected"), True),
        (smtplib.SMTPDataError(421, b"4.3.0 Try later"), False),
        (smtplib.SMTPSenderRefused(553, b"our own sender is refused", "info@example.org"), False),
        (smtplib.SMTPAuthenticationError(535, b"bad login"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (ConnectionRefusedError(), False),
        (TimeoutError(), False),
    ],
)
def test_only_a_final_refusal_of_the_recipient_or_message_is_permanent(exc, permanent):
    assert is_permanent(exc) is permanent


def test_description_names_the_error_and_codes_never_the_address():
    exc = smtplib.SMTPRecipientsRefused({"sue@victim.example.org": (451, b"Greylisted")})
    assert describe(exc) == "SMTPRecipientsRefused 451"
    assert "victim" not in describe(exc)
    assert describe(smtplib.SMTPServerDisconnected("x")) == "SMTPServerDisconnected"
