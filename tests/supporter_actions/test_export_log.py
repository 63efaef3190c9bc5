"""The export log rule, checked on every action's log: write-once in code, read-only in the admin."""

import uuid

import pytest
from django.db import models
from django.urls import reverse

from supporter_actions.export_log import ExportLogEntry, export_logs
from supporter_actions.log_admin import LOG_VIEWSETS
from tests.campaigns.petition_staff_helpers import login_as  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

LOGS = export_logs()


def required_values(model, **values):
    """``values`` plus a placeholder for every other required column of ``model``."""
    for field in model._meta.concrete_fields:
        if field.name in values or field.primary_key or field.null or field.has_default() or field.name == "user":
            continue
        if isinstance(field, models.UUIDField):
            values[field.name] = uuid.uuid4()
        elif isinstance(field, (models.IntegerField,)):
            values[field.name] = 1
        elif isinstance(field, models.CharField):
            values[field.name] = field.choices[0][0] if field.choices else "x"
    return values


def fill(model, **values):
    """A log row of ``model`` written directly (as a past export would have)."""
    return model.objects.create(**required_values(model, **values))


def test_every_action_has_a_log_and_each_log_has_a_read_only_admin():
    names = {model._meta.label for model in LOGS}
    assert {"petitions.SignatureExport", "letters.LetterExport"} <= names
    assert all(issubclass(model, ExportLogEntry) for model in LOGS)
    assert set(LOGS) <= set(LOG_VIEWSETS), "register each export log with read_only_log_viewset"


@pytest.mark.parametrize("model", LOGS, ids=lambda model: model._meta.label)
def test_rows_refuse_changes_and_deletion_in_code(model, django_user_model):
    user = django_user_model.objects.create_user(username="exporter", password="a-long-test-password-1")
    fields = {key: value for key, value in required_values(model).items() if key not in ("username", "row_count")}
    entry = model.record(user, 3, **fields)
    assert (entry.user, entry.username, entry.row_count) == (user, "exporter", 3)
    entry.row_count = 0
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    entry.refresh_from_db()
    assert entry.row_count == 3


@pytest.mark.parametrize("role", ["anonymous", "editor", "superuser"])
@pytest.mark.parametrize("model", LOGS, ids=lambda model: model._meta.label)
def test_admin_reads_the_log_and_nobody_adds_edits_or_deletes(model, role, login_as):  # noqa: F811
    entry = fill(model, username="exporter-x", row_count=7)
    name = LOG_VIEWSETS[model]
    client, _user = login_as(role)
    response = client.get(reverse(f"{name}:index"))
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        return
    if role == "superuser":
        assert response.status_code == 200 and b"exporter-x" in response.content
        assert client.get(reverse(f"{name}:inspect", args=[entry.pk])).status_code == 200
    else:
        assert response.status_code in (302, 403) and b"exporter-x" not in response.content
    for view, args in (("add", []), ("edit", [entry.pk]), ("delete", [entry.pk])):
        response = client.post(reverse(f"{name}:{view}", args=args), {"row_count": 0})
        assert response.status_code in (302, 403, 404)
    entry.refresh_from_db()
    assert entry.row_count == 7
