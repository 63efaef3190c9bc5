"""Every supporter action answers a method it does not take with the same friendly 405 page, in the visitor's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "method, path, allow",
    [
        ("put", "/email-list/", "GET, HEAD, POST"),
        ("delete", "/es/email-list/thanks/", "GET, HEAD"),
        ("patch", "/email-list/confirm/not-a-token/", "GET, HEAD, POST"),
        ("post", "/services/demo-harlingen-public-clinic/", "GET, HEAD"),
        ("post", "/es/servicios/", "GET, HEAD"),
    ],
    ids=["list-signup", "list-thanks-es", "list-confirm", "service-page", "directory-es"],
)
def test_method_not_allowed_is_a_page_in_the_visitors_language(client, method, path, allow):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == allow
    text = response.content.decode()
    if path.startswith("/es/"):
        assert 'lang="es"' in text and "Not possible here" not in text
    else:
        assert "does not work that way" in text
