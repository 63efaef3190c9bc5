"""Demo staff groups and the moderation workflow: editors submit, moderators publish.

``build(home)`` (called by ``load_demo_content``) makes sure the "Editors" group may add
and edit pages but not publish them, the "Moderators" group may also publish, both may use
images and documents, and the "Moderators approval" workflow covers every home page, so an
editor's "Publish" becomes "Submit for moderation". Running it again changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderators approval"
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def permission(app_label, model, codename):
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def ensure_group(name, home_pages):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin", "admin", "access_admin"))
    for page in home_pages:
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission("wagtailcore", "page", codename)
            )
    root_collection = Collection.get_first_root_node()
    for app_label, model, codenames in COLLECTION_PERMISSIONS:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app_label, model, codename)
            )
    return group


def ensure_workflow(moderators, home_pages):
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in home_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def build(home):
    home_pages = list(Page.objects.filter(translation_key=home.translation_key))
    ensure_group(EDITORS, home_pages)
    moderators = ensure_group(MODERATORS, home_pages)
    ensure_workflow(moderators, home_pages)
