"""'Send me news': how a supporter action (a petition, a sign-on letter) hands a confirmed opt-in to the email list.

An action that offers the box calls ``announce`` once, inside the transaction that confirms the
supporter's own action (so an opt-in is never lost nor announced for an unconfirmed one). The
email list app, when installed, receives ``wants_news`` and turns it into a sign-up request for
its default list: the supporter gets the list's own confirmation email and joins only through
its POST (double opt-in), with a consent record naming the page and form. The action apps import
nothing of the email list, and the email list nothing of them.

A receiver's failure must not undo the supporter's confirmation: receivers work in a savepoint
(``transaction.atomic``) and their errors are logged, not raised.
"""

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent with: email, first_name, language, source_url, source_form ("petition", "sign-on letter"), wording.
wants_news = Signal()


def announce(email, first_name, language, source_url, source_form, wording):
    """Tell the email list (if any) that a confirmed supporter asked for news; never raises."""
    for receiver, result in wants_news.send_robust(
        sender=None, email=email, first_name=first_name, language=language, source_url=source_url,
        source_form=source_form, wording=wording,
    ):
        if isinstance(result, Exception):
            logger.error("A 'send me news' opt-in from %s was not taken by %r: %r", source_form, receiver, result)

