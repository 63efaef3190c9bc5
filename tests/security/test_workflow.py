"""Moderation: the demo groups' editors submit pages for moderation, moderators publish them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from nnirr_site.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def staff_client(django_user_model, client_class, otp_login, group_name):
    user = django_user_model.objects.create_user(username=group_name.lower(), password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return otp_login(client_class(), user)


@pytest.fixture
def editor(django_user_model, client, otp_login):
    return staff_client(django_user_model, client.__class__, otp_login, "Editors")


@pytest.fixture
def moderator(django_user_model, client, otp_login):
    return staff_client(django_user_model, client.__class__, otp_login, "Moderators")


def page_data(title, action):
    data = nested_form_data({"title": title, "slug": "moderated-page", "body": streamfield([])})
    data[action] = "1"
    return data


def test_demo_workflow_covers_both_home_pages():
    for home in HomePage.objects.filter(depth=2):
        workflow = home.get_workflow()
        assert workflow is not None and workflow.active
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_editor_publish_goes_to_moderation_and_moderator_publishes(editor, moderator):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    add_url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", home.pk])

    # An editor's "publish" does not publish: the page is saved as a draft.
    response = editor.post(add_url, page_data("Moderated page", "action-publish"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="moderated-page")
    assert not page.live

    # What the editor can do is submit it to the moderators.
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_data("Moderated page", "action-submit")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    # A moderator approves, which publishes it.
    response = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]), {}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def page_codenames(group_name, page):
    group = Group.objects.get(name=group_name)
    return set(group.page_permissions.filter(page=page).values_list("permission__codename", flat=True))


def test_editor_cannot_publish_but_moderator_can():
    for home in Page.objects.filter(depth=2):
        assert "publish_page" not in page_codenames("Editors", home)
        assert {"add_page", "change_page"} <= page_codenames("Editors", home)
        assert {"add_page", "change_page", "publish_page"} <= page_codenames("Moderators", home)
