"""Resource files download through Wagtail's document view with the right content type, never from /media/."""

import pytest

from resources.models import ResourcePage, ResourcePageDocument

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, b"".join(response.streaming_content)


def test_every_resource_file_downloads_through_the_document_view(client):
    links = ResourcePageDocument.objects.filter(page__live=True).select_related("document", "page")
    assert links.count() >= 15
    for link in links:
        document = link.document
        assert document.url == f"/documents/{document.id}/{document.filename}"
        response, body = download(client, document.url)
        if document.file_extension == "pdf":
            assert response["Content-Type"] == "application/pdf"
            assert body.startswith(b"%PDF")
        else:
            assert response["Content-Type"].startswith("text/plain")
        assert len(body) == document.get_file_size()


def test_resource_page_links_download_the_pdf(client):
    page = ResourcePage.objects.get(slug="guilty-by-immigration-status")
    html = client.get(page.url).content.decode()
    document = page.document_links.get().document
    assert f'href="{document.url}"' in html
    response, body = download(client, document.url)
    assert response["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF")


def test_sample_letter_is_a_plain_text_template(client):
    page = ResourcePage.objects.get(slug="sample-letters-to-officials")
    extensions = sorted(link.document.file_extension for link in page.document_links.select_related("document"))
    assert extensions == ["pdf", "txt"]
    letter = page.document_links.get(document__title="Sample letter to a city council member").document
    response, body = download(client, letter.url)
    assert response["Content-Type"].startswith("text/plain")
    assert body.startswith(b"Dear Council Member,")


def test_missing_document_is_404(client):
    assert client.get("/documents/999999/nothing.pdf").status_code == 404
