"""Blog index and posts. The snippets they use (authors, topics) are in ``taxonomy``, which the
feeds use too, so the arrows point one way: models → feeds → taxonomy.

Posts are tagged with free tags (django-taggit through ``BlogPageTag``) and
filed under one ``Topic``. The index lists them newest first, filters them by
tag or topic with GET parameters, and serves RSS and Atom feeds as routes of
its own (``RoutablePageMixin``), so each language's index has its own feeds at
``<index>/feed/rss/`` and ``<index>/feed/atom/`` without any project URL.
"""

import datetime

from django.db import connection, models
from django.db.models import Count, prefetch_related_objects
from django.db.models.functions import Lower
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog.feeds import BlogAtomFeed, BlogRssFeed
from blog.related_kinds import related_kinds
from blog.taxonomy import Author, Topic, in_locale
from nnirr_site.core import card_cache, page_ancestors, page_extras
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage, SectionIndexPage
from nnirr_site.core.page_sql import card_columns, specific_joins
from nnirr_site.core.view_restrictions import restrictions_exist
from nnirr_site.core.views import paginate

__all__ = ["Author", "Topic", "in_locale", "BlogPageTag", "BlogIndexPage", "BlogPage", "BlogPageAuthor", "BlogPageRelatedPost"]

MAX_FILTER_LENGTH = 100


class BlogPageTag(TaggedItemBase):
    """A tag on a blog post."""

    content_object = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogIndexPage(RoutablePageMixin, SectionIndexPage):
    """Under home: lists posts newest first, filters them by tag or topic, and serves the feeds."""

    PAGE_SIZE = 12
    FEED_SIZE = 20

    subpage_types = ["blog.BlogPage"]

    class Meta:
        verbose_name = _("blog index page")

    def get_posts(self):
        """Live, public posts of this index (so of its language), newest first."""
        return BlogPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        all_posts = self.get_posts()
        posts = all_posts
        tag_slug = request.GET.get("tag", "").strip()[:MAX_FILTER_LENGTH]
        topic_slug = request.GET.get("topic", "").strip()[:MAX_FILTER_LENGTH]
        active_tag = active_topic = None
        if tag_slug:
            active_tag = Tag.objects.filter(slug=tag_slug).first()
            posts = posts.filter(tags__slug=tag_slug)
        if topic_slug:
            active_topic = (
                Topic.objects.filter(slug=topic_slug).order_by(
                    models.Case(models.When(locale_id=self.locale_id, then=0), default=1)
                ).first()
            )
            if active_topic:
                posts = posts.filter(topic__translation_key=active_topic.translation_key)
            else:
                posts = posts.none()
        shown = paginate(request, posts.select_related("listing_image", "topic"), self.PAGE_SIZE)
        # The renditions only for cards not kept yet (nnirr_site/core/card_cache.py).
        shown.object_list = card_cache.prefetch_for_cards(list(shown.object_list), "listing_image__renditions")
        context.update(
            posts=shown,
            tag_slug=tag_slug,
            active_tag=active_tag,
            topic_slug=topic_slug,
            active_topic=active_topic,
            is_filtered=bool(tag_slug or topic_slug),
            blog_index=self,
        )
        # Every tag and topic with its number of posts: one hand-written query (``_counts_sql``; the ORM's two
        # aggregates where it does not apply). Not kept: keeping it saved 0.66 ms of 14.4 (5%; bench/run.py
        # fast_paths, BENCH_FAST_ONLY=page_extras BENCH_FAST_ROUNDS=24, 2026-11-27 09:43, load 1.2).
        context["tag_counts"], context["topic_counts"] = (
            self._counts_sql() or (list(self.tag_counts(all_posts)), list(self.topic_counts(all_posts))))
        return context

    def _counts_sql(self):
        """``tag_counts`` and ``topic_counts`` of this index's posts in one hand-written query, or None
        where it does not apply (a view restriction somewhere, or that fast path off: Wagtail's
        ``public()`` decides; an index not saved yet). The ORM's building of the two aggregate queries
        (the tags' with the posts as a subquery) cost about 3 ms of the index's first view after a post
        is published, where PostgreSQL answers both in well under 1 ms (in process, bench database,
        2026-11-27); ``tests/blog/test_post_extras_sql.py`` checks both ways agree.
        """
        if not self.pk or restrictions_exist():
            return None
        with connection.cursor() as cursor:
            cursor.execute(INDEX_COUNTS_SQL, [self.path + "%", self.depth + 1] * 2)
            rows = cursor.fetchall()
        tags = [{"tag__name": name, "tag__slug": slug, "count": count} for part, name, slug, count in rows if part == 0]
        topics = [{"topic__name": name, "topic__slug": slug, "count": count}
                  for part, name, slug, count in rows if part == 1]
        return tags, topics

    @staticmethod
    def tag_counts(posts):
        """Every tag used on ``posts`` with how many posts carry it, by name."""
        return (
            BlogPageTag.objects.filter(content_object__in=posts)
            .values("tag__name", "tag__slug")
            .annotate(count=Count("content_object", distinct=True))
            .order_by(Lower("tag__name"))
        )

    @staticmethod
    def topic_counts(posts):
        """Every topic used on ``posts`` with how many posts it has, by name."""
        return (
            posts.exclude(topic=None)
            .order_by()
            .values("topic__name", "topic__slug")
            .annotate(count=Count("pk"))
            .order_by(Lower("topic__name"))
        )

    @property
    def rss_url(self):
        return self.url + self.reverse_subpage("feed_rss")

    @property
    def atom_url(self):
        return self.url + self.reverse_subpage("feed_atom")

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):

        return BlogRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):

        return BlogAtomFeed(self)(request)


class BlogPage(BasePage):
    """Under the blog index: one post, with authors, a topic, tags and related posts."""

    RELATED_COUNT = 3

    date = models.DateField(_("post date"), default=datetime.date.today)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blog_pages",
        help_text=_("The one subject this post is filed under. Posts on the same topic are suggested as related."),
    )
    tags = ClusterTaggableManager(
        through=BlogPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("A few words readers can use to find similar posts, separated by commas."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), InlinePanel("author_links", label=_("Authors")), FieldPanel("topic"), FieldPanel("tags")],
            heading=_("About this post"),
        ),
        FieldPanel("summary"),
        FieldPanel(
            "listing_image",
            heading=_("Featured image"),
            help_text=_("Shown at the top of the post and on its card in listings. Landscape, at least 1200 pixels wide."),
        ),
        FieldPanel("body"),
        InlinePanel(
            "related_post_links",
            label=_("Related posts"),
            help_text=_("Leave empty to suggest the newest posts on the same topic automatically."),
            max_num=RELATED_COUNT,
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")

    def get_authors(self):
        """The post's authors in its language where a translation of the author exists."""
        authors = [link.author for link in self.author_links.select_related("author__photo") if link.author_id]
        return in_locale(authors, self.locale_id, Author)

    def _tag_list(self):
        """The post's tags. A draft's tag rows are in memory (a preview, the editor), and django-modelcluster
        reads their tags one query each; here all of them in one (a tag typed in the draft and not yet
        saved comes from memory)."""
        items = self.tagged_items.all()
        if not isinstance(items, FakeQuerySet):
            return list(self.tags.all())
        found = Tag.objects.in_bulk([item.tag_id for item in items if item.tag_id is not None])
        return [item.tag if item.tag_id is None else found[item.tag_id] for item in items
                if item.tag_id is None or item.tag_id in found]

    def get_topic(self):
        if self.topic is None:
            return None
        return in_locale([self.topic], self.locale_id, Topic)[0]

    def get_related_posts(self, chosen_ids=None):
        """Posts the editor chose; without any, the newest posts on the same topic. ``chosen_ids``: the
        chosen posts' ids when the caller has read them already."""
        # Most posts choose none: their ids first (a light query), the posts only when there are some.
        if chosen_ids is None:
            chosen_ids = [post_id for post_id in self.related_post_links.values_list("post_id", flat=True) if post_id]
        if chosen_ids:
            found = BlogPage.objects.filter(pk__in=chosen_ids, live=True).select_related("listing_image")
            by_pk = {post.pk: post for post in found.defer_streamfields()}
            chosen = [by_pk[post_id] for post_id in chosen_ids if post_id in by_pk]
        else:
            chosen = []
        if chosen:
            return in_locale(chosen, self.locale_id, BlogPage)[: self.RELATED_COUNT]
        if self.topic is None:
            return []
        return list(
            BlogPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topic__translation_key=self.topic.translation_key)
            .exclude(pk=self.pk)
            .order_by("-date", "-pk")
            .select_related("listing_image")
            .defer_streamfields()[: self.RELATED_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The parent from the ancestors the breadcrumbs read anyway (kept per parent page,
        # page_ancestors.py); as its own type without a query (the template needs its title and
        # addresses, all on the base page).
        parent = page_ancestors.ancestors(self)[-1]
        # Authors, topic, tags and the chosen posts: the post's own, kept under its live revision until an
        # author, topic or tag is saved (page_extras.py); the related posts, kept under its live revision
        # until a post on its topic (before or after) or a chosen post is published (related_kinds.py).
        authors, topic, tags, chosen_ids, chosen_keys = page_extras.remembered(
            request, self, "blog-post-own", self._own_extras, kinds=(), revision=True)
        related = page_extras.remembered(
            request, self, "blog-post-related", lambda: self._related(chosen_ids),
            kinds=related_kinds(topic.translation_key if topic else None, chosen_keys), revision=True)
        card_cache.prefetch_for_cards(related, "listing_image")  # only for cards not kept (card_cache.py)
        context.update(
            blog_index=parent.specific_deferred if parent.specific_class is BlogIndexPage else None,
            authors=authors,
            author_names=get_text_list([author.name for author in authors], gettext("and")),
            post_topic=topic,
            post_tags=tags,
            related_posts=related,
        )
        return context

    def _own_extras(self):
        """Authors, topic, tags, and the ids and translation keys of the posts the editor chose: what only
        the post decides."""
        own = self._own_sql()
        if own is None:
            chosen_ids = [post_id for post_id in self.related_post_links.values_list("post_id", flat=True) if post_id]
            keys = dict(Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key")) if chosen_ids else {}
            own = (self.get_authors(), self.get_topic(), self._tag_list(), chosen_ids,
                   [keys[post_id] for post_id in chosen_ids if post_id in keys])
        return own

    def _related(self, chosen_ids):
        """The related posts, given the chosen posts' ids (``_own_extras``)."""
        related = self._related_sql(chosen_ids)
        return self.get_related_posts(chosen_ids) if related is None else related

    def _extras_sql(self):
        """Authors, topic, tags and related posts by the hand-written queries, or None where they do not apply
        (``_own_sql``); the ORM's answer is ``get_authors``, ``get_topic``, ``tags`` and ``get_related_posts``."""
        own = self._own_sql()
        if own is None:
            return None
        authors, topic, tags, chosen_ids, _chosen_keys = own
        return authors, topic, tags, self._related(chosen_ids)

    def _own_sql(self):
        """``_own_extras`` in one hand-written query (its authors, topic, tags and chosen posts' ids) and
        one for the authors' photos if any have one, or None where that does not apply: a view
        restriction somewhere (or that fast path off: Wagtail's ``public()`` decides), a post not saved
        yet, or a preview's draft carrying its authors, tags or related posts in memory. The newest
        posts on its topic are the second hand-written query (``_related_sql``); posts whose editor chose
        related posts read those as before.

        The ORM's building of its five queries (authors with their photos, topic, tags, the chosen posts'
        ids, the posts on the topic) cost 6-8 ms of the first view after the post's own publish, where
        PostgreSQL answers each in well under 1 ms (in process, bench database, 2026-11-27);
        ``tests/blog/test_post_extras_sql.py`` checks both ways give the same answer.
        """
        relations = ("author_links", "tagged_items", "related_post_links")
        if not self.pk or restrictions_exist() or any(isinstance(getattr(self, name).all(), FakeQuerySet)
                                                      for name in relations):
            return None
        with connection.cursor() as cursor:
            cursor.execute(EXTRAS_SQL, [self.pk, self.topic_id, self.pk, self.pk])
            rows = cursor.fetchall()
        authors, topics, tags, chosen_ids, chosen_keys = [], [], [], [], []
        for part, _position, pk, translation_key, locale_id, name, text, photo_id in rows:
            if part == 0:
                authors.append(Author.from_db(None, ["id", "translation_key", "locale_id", "name", "role", "photo_id"],
                                              [pk, translation_key, locale_id, name, text, photo_id]))
            elif part == 1:
                topics.append(Topic.from_db(None, ["id", "translation_key", "locale_id", "name", "slug"],
                                            [pk, translation_key, locale_id, name, text]))
            elif part == 2:
                tags.append(Tag.from_db(None, ["id", "name", "slug"], [pk, name, text]))
            elif pk:
                chosen_ids.append(pk)
                chosen_keys.append(translation_key)
        photos = [author for author in authors if author.photo_id]
        if photos:
            prefetch_related_objects(photos, "photo")
        topic = in_locale(topics, self.locale_id, Topic)[0] if topics else None
        return in_locale(authors, self.locale_id, Author), topic, tags, chosen_ids, chosen_keys

    def _related_sql(self, chosen_ids):
        """The related posts with the newest on the topic read by one hand-written query; None (the ORM
        decides) while any page has a view restriction or for a post not saved yet."""
        if not self.pk or restrictions_exist():
            return None
        if chosen_ids:
            return self.get_related_posts(chosen_ids)
        if self.topic_id is None:
            return []
        return list(BlogPage.objects.raw(RELATED_ON_TOPIC_SQL.format(
            columns=card_columns(BlogPage), joins=specific_joins(BlogPage)),
            [self.locale_id, self.topic_id, self.pk, self.RELATED_COUNT]))


# ``BlogPage._extras_sql``: (part, position, id, translation_key, locale_id, name, role or slug, photo_id)
# rows: 0 the post's authors, 1 its topic, 2 its tags, 3 the posts its editor chose (id, translation key), each
# in the order the ORM reads them (the author and post links by sort order, the tags as added).
EXTRAS_SQL = """
    SELECT 0, link.sort_order, author.id, author.translation_key, author.locale_id, author.name, author.role,
        author.photo_id
    FROM blog_blogpageauthor link JOIN blog_author author ON author.id = link.author_id WHERE link.page_id = %s
    UNION ALL
    SELECT 1, 0, topic.id, topic.translation_key, topic.locale_id, topic.name, topic.slug, NULL
    FROM blog_topic topic WHERE topic.id = %s
    UNION ALL
    SELECT 2, tagged.id, tag.id, NULL, NULL, tag.name, tag.slug, NULL
    FROM blog_blogpagetag tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id WHERE tagged.content_object_id = %s
    UNION ALL
    SELECT 3, link.sort_order, link.post_id, chosen.translation_key, NULL, NULL, NULL, NULL
    FROM blog_blogpagerelatedpost link JOIN wagtailcore_page chosen ON chosen.id = link.post_id
    WHERE link.page_id = %s
    ORDER BY 1, 2"""
# ``BlogIndexPage._counts_sql``: (part, name, slug, count) rows, 0 every tag of the index's live posts
# (its children) with how many posts carry it, 1 every topic with its number of posts, each by name.
INDEX_COUNTS_SQL = """
    SELECT * FROM (
        SELECT 0 AS part, tag.name, tag.slug, COUNT(DISTINCT tagged.content_object_id) AS count
        FROM blog_blogpagetag tagged
        JOIN taggit_tag tag ON tag.id = tagged.tag_id
        JOIN blog_blogpage post ON post.page_ptr_id = tagged.content_object_id
        JOIN wagtailcore_page page ON page.id = post.page_ptr_id
        WHERE page.path LIKE %s AND page.depth = %s AND page.live
        GROUP BY tag.name, tag.slug
        UNION ALL
        SELECT 1, topic.name, topic.slug, COUNT(*)
        FROM blog_blogpage post
        JOIN wagtailcore_page page ON page.id = post.page_ptr_id
        JOIN blog_topic topic ON topic.id = post.topic_id
        WHERE page.path LIKE %s AND page.depth = %s AND page.live
        GROUP BY topic.name, topic.slug
    ) counts
    ORDER BY part, LOWER(name)"""
# ``get_related_posts`` without chosen posts: the newest live posts in the post's language on its topic
# in any language, but the post itself (``{columns}``: ``card_columns``, ``{joins}``: ``specific_joins``).
RELATED_ON_TOPIC_SQL = """
    SELECT {columns}
    FROM wagtailcore_page
    {joins}
    JOIN blog_topic topic ON topic.id = blog_blogpage.topic_id
    WHERE wagtailcore_page.live AND wagtailcore_page.locale_id = %s
        AND topic.translation_key = (SELECT translation_key FROM blog_topic WHERE id = %s)
        AND wagtailcore_page.id <> %s
    ORDER BY blog_blogpage.date DESC, wagtailcore_page.id DESC
    LIMIT %s"""


class BlogPageAuthor(Orderable):
    """One author of a post, in the order they are credited."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]


class BlogPageRelatedPost(Orderable):
    """A post an editor chose to suggest after this one."""

    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_post_links")
    post = models.ForeignKey(BlogPage, verbose_name=_("post"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("post", page_type="blog.BlogPage")]
