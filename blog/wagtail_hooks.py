"""Admin registrations for the blog's snippets: authors and topics, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blog.models import Author, Topic


class AuthorViewSet(SnippetViewSet):
    """Blog authors, listed with their role and language."""

    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "role", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "role", "locale"]
    search_fields = ["name", "role"]


class TopicViewSet(SnippetViewSet):
    """Blog topics, listed with their slug and language."""

    model = Topic
    icon = "folder-open-inverse"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "locale"]
    search_fields = ["name"]


class BlogSnippetsGroup(SnippetViewSetGroup):
    """One 'Blog' menu item holding authors and topics."""

    items = (AuthorViewSet, TopicViewSet)
    menu_icon = "doc-full"
    menu_label = _("Blog")
    menu_name = "blog"
    menu_order = 310


register_snippet(BlogSnippetsGroup)
