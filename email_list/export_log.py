"""The one place the subscriber export writes its log entry: the core's write-once export log
(``supporter_actions.export_log``, through ``SubscriberExport``), like petition and letter exports."""

from email_list.models import SubscriberExport


def log_export(user, mailing_list, row_count, filters):
    """Write the log row of one CSV export (call it in the transaction that reads the rows)."""
    return SubscriberExport.record(user, row_count, list_name=mailing_list.name[:120], filters=filters[:300])
