"""Pages and documents restricted to signed-in users need the second factor, not a password alone.

Issue 12, finding 10: an editor signed in with the password only could download a document
from a collection restricted to signed-in users, and open a page restricted likewise.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from nnirr_site.core.models import HomePage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"
SECRET = "Minutes of the closed board meeting"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def password_only(user):
    """A client signed in through the real sign-in form, before the second factor."""
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/pages/").status_code == 302  # the admin wants the second factor
    return client


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def restricted_page(restriction_type, **fields):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Board minutes", intro=SECRET)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name="Editors")])
    return page


@pytest.fixture
def restricted_document():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Minutes", collection=collection, file=ContentFile(SECRET.encode(), name="minutes.txt")
    )
    yield document
    document.file.delete(save=False)


def assert_sent_to(response, view, next_path):
    assert response.status_code == 302
    assert response["Location"].startswith(f"/admin/2fa/{view}/?next=")
    assert next_path.replace("/", "%2F") in response["Location"]
    assert "no-cache" in response["Cache-Control"]


def test_a_password_alone_does_not_download_a_restricted_document(editor, device, restricted_document):
    client = password_only(editor)
    response = client.get(restricted_document.url)
    assert_sent_to(response, "verify", restricted_document.url)
    assert SECRET.encode() not in response.content

    verified = client.post(response["Location"], {"code": current_code(device), "next": restricted_document.url})
    assert verified["Location"] == restricted_document.url
    download = client.get(restricted_document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == SECRET.encode()


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_a_password_alone_does_not_open_a_restricted_page(editor, device, restriction_type):
    page = restricted_page(restriction_type)
    client = password_only(editor)
    response = client.get(page.url)
    assert_sent_to(response, "verify", page.url)
    assert SECRET not in response.content.decode()

    client.post(response["Location"], {"code": current_code(device), "next": page.url})
    opened = client.get(page.url)
    assert opened.status_code == 200
    assert SECRET in opened.content.decode()


def test_staff_without_a_device_are_sent_to_enrol(editor):
    page = restricted_page(PageViewRestriction.LOGIN)
    assert_sent_to(password_only(editor).get(page.url), "setup", page.url)


def test_an_account_that_cannot_use_the_admin_is_sent_to_sign_in(django_user_model):
    user = django_user_model.objects.create_user(username="outsider", password=PASSWORD)
    page = restricted_page(PageViewRestriction.LOGIN)
    client = Client()
    client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    assert SECRET not in client.get(response["Location"]).content.decode()


def test_anonymous_visitors_and_password_restrictions_are_left_to_wagtail(editor):
    login_page = restricted_page(PageViewRestriction.LOGIN)
    anonymous = Client().get(login_page.url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/_util/login/")

    password_page = StandardPageFactory(parent=login_page.get_parent(), title="Shared", intro=SECRET)
    PageViewRestriction.objects.create(page=password_page, restriction_type="password", password="open-sesame")
    response = password_only(editor).get(password_page.url)
    assert response.status_code == 200  # Wagtail's password form, not the second factor
    assert SECRET not in response.content.decode()


def test_a_verified_session_opens_restricted_content_at_once(client, editor, otp_login, restricted_document):
    page = restricted_page(PageViewRestriction.LOGIN)
    otp_login(client, editor)
    assert SECRET in client.get(page.url).content.decode()
    assert client.get(restricted_document.url).status_code == 200


def test_public_pages_stay_in_the_page_cache(client, settings):
    """The check reads no session for visitors without one, so their pages do not vary on Cookie."""
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/about/")
    assert "cookie" not in first.get("Vary", "").lower()
    assert client.get("/about/")["X-Page-Cache"] == "hit"
