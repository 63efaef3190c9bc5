"""The email list's data: lists, subscribers with their consent history, digests and their sends.

Split by concept (``lists``, ``subscribers``, ``digests``); everything is re-exported here.
"""

from email_list.models.digests import Digest, DigestItem, DigestSend, DigestStatus, SendState  # noqa: F401
from email_list.models.lists import MailingList  # noqa: F401
from email_list.models.subscribers import (  # noqa: F401
    ConsentAction,
    ConsentRecord,
    ListEmail,
    ListEmailKind,
    SignupRequest,
    Subscriber,
    SubscriberExport,
    Subscription,
    SubscriptionStatus,
)
