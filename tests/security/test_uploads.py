"""Uploads: documents limited to safe types and sizes; served by Wagtail's view as attachments unless PDF/text."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("name,content", [("page.html", HTML), ("page.htm", HTML), ("drawing.svg", SVG), ("feed.xml", b"<x/>"), ("a.js", b"1")])
def test_admin_refuses_dangerous_document_types(admin_client, name, content):
    before = get_document_model().objects.count()
    response = add_document(admin_client, name, content)
    assert response.status_code == 200  # the form again, with the error
    assert "is not allowed" in response.content.decode()
    assert get_document_model().objects.count() == before


@pytest.mark.parametrize("name,content", [("page.html", HTML), ("drawing.svg", SVG)])
def test_multiple_upload_refuses_dangerous_document_types(admin_client, name, content):
    before = get_document_model().objects.count()
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_document_model().objects.count() == before


def test_admin_accepts_a_pdf(admin_client):
    response = add_document(admin_client, "report.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="report.pdf").exists()


def test_admin_refuses_oversized_documents(admin_client):
    response = add_document(admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.filter(title="big.pdf").exists()


def test_upload_limits_are_set():
    assert not {"html", "htm", "svg", "xml", "js", "xhtml"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert "svg" not in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["avif", "gif", "jpg", "jpeg", "png", "webp"])
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


@pytest.mark.parametrize(
    "name,content,disposition",
    [("report.pdf", b"%PDF-1.4\n%%EOF\n", "inline"), ("notes.txt", b"hello", "inline"), ("sheet.csv", b"a,b", "attachment")],
)
def test_documents_are_served_by_wagtail_with_disposition_rules(client, name, content, disposition):
    document = get_document_model().objects.create(title=name, file=SimpleUploadedFile(name, content))
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    document.file.delete(save=False)


def test_admin_makes_no_gravatar_or_update_requests(admin_client, superuser):
    html = admin_client.get("/admin/").content.decode() + admin_client.get("/admin/account/").content.decode()
    assert "gravatar" not in html.lower()
    assert "releases.wagtail.io" not in html
