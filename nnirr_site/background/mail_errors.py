"""Telling a mail server's temporary refusal from a final one (RFC 5321 reply codes).

A 4xx reply ("451 4.7.1 Greylisted", "452 mailbox full", "421 try later")
means: try again later. A 5xx reply about the recipient or the message
("550 no such user", "554 rejected") means: this email will never be
accepted, so it is recorded as undeliverable for staff to see. Everything
else (a refused connection, a timeout, a 5xx about our own sender or
login, which is a setup problem for the operator to fix) is retried.
"""

import smtplib


def reply_codes(exc):
    """The SMTP reply codes an exception carries (one per refused recipient for a refused RCPT)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return [code for code, _message in exc.recipients.values()]
    code = getattr(exc, "smtp_code", None)
    return [code] if isinstance(code, int) else []


def is_permanent(exc):
    """True when the server refused this recipient or message for good (every code 5xx)."""
    if not isinstance(exc, (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError)):
        return False
    codes = reply_codes(exc)
    return bool(codes) and all(500 <= code < 600 for code in codes)


def describe(exc):
    """A short description for staff and logs: the error's class and codes, never the address."""
    codes = reply_codes(exc)
    return f"{type(exc).__name__} {'/'.join(str(code) for code in codes)}".strip()[:200]
