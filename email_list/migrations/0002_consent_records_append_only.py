"""The consent history is append-only in the database too: UPDATE and DELETE raise, from any client.

A future erasure command (a person asks to be forgotten) would set the transaction-local
``email_list.erasure`` to ``on`` first; nothing in the site does so today. TRUNCATE (the test
suite's flush) is not a row operation and is not stopped.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION email_list_consent_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('email_list.erasure', true) = 'on' AND TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'email_list_consentrecord is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER email_list_consent_append_only
    BEFORE UPDATE OR DELETE ON email_list_consentrecord
    FOR EACH ROW EXECUTE FUNCTION email_list_consent_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS email_list_consent_append_only ON email_list_consentrecord;
DROP FUNCTION IF EXISTS email_list_consent_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("email_list", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
