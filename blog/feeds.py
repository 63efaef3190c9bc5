"""RSS 2.0 and Atom feeds of a blog index's posts, built with Django's syndication framework.

A feed belongs to one ``BlogIndexPage`` (the index routes ``feed/rss/`` and
``feed/atom/`` to these classes), so it lists the posts of that index's
language only and links back to pages in that language. Every link is on the
site's address (``SITE_URL``, ``nnirr_site/core/site_url.py``): Django's
framework would put the requested host in front, and readers keep the links
(and the item ids made from them) for good.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from blog.taxonomy import Author, Topic, in_locale
from nnirr_site.core import site_url


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
        return site_url.absolute(obj, self.request)

    def feed_url(self, obj):
        return site_url.absolute(self.request.path)

    def description(self, obj):
        return obj.summary or obj.intro or obj.title

    subtitle = description

    def items(self, obj):
        posts = list(
            obj.get_posts()
            .select_related("topic")
            .prefetch_related("tagged_items__tag", "author_links__author")[: obj.FEED_SIZE]
        )
        # Authors (and topics) in the feed's language, looked up once for all posts.
        authors = in_locale([link.author for post in posts for link in post.author_links.all()], obj.locale_id, Author)
        topics = in_locale([post.topic for post in posts if post.topic], obj.locale_id, Topic)
        author_iter, topic_iter = iter(authors), iter(topics)
        for post in posts:
            post.feed_authors = [next(author_iter) for _link in post.author_links.all()]
            post.feed_topic = next(topic_iter) if post.topic else None
        return posts

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return site_url.absolute(item, self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        names = [author.name for author in item.feed_authors]
        return ", ".join(names) or None

    def item_categories(self, item):
        categories = [tagged.tag.name for tagged in item.tagged_items.all()]
        if item.feed_topic:
            categories.insert(0, item.feed_topic.name)
        return categories


class BlogAtomFeed(BlogRssFeed):
    """The same posts as an Atom 1.0 feed."""

    feed_type = Atom1Feed
