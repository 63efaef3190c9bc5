"""RSS 2.0 and Atom feeds of a blog index's posts, built with Django's syndication framework.

A feed belongs to one ``BlogIndexPage`` (the index routes ``feed/rss/`` and
``feed/atom/`` to these classes), so it lists the posts of that index's
language only and links back to pages in that language.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _


class BlogRssFeed(Feed):
    """The newest posts of one blog index as RSS 2.0."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, obj):
        return _("%(title)s · National Network for Immigrant and Refugee Rights") % {"title": obj.title}

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return obj.summary or obj.intro or obj.title

    subtitle = description

    def items(self, obj):
        return (
            obj.get_posts()
            .select_related("topic")
            .prefetch_related("tagged_items__tag", "author_links__author")[: obj.FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        names = [link.author.name for link in item.author_links.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        categories = [tagged.tag.name for tagged in item.tagged_items.all()]
        if item.topic:
            categories.insert(0, item.topic.name)
        return categories


class BlogAtomFeed(BlogRssFeed):
    """The same posts as an Atom 1.0 feed."""

    feed_type = Atom1Feed
