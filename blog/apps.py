"""App configuration for the blog."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save


class BlogConfig(AppConfig):
    """Blog posts and their index."""

    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Authors and topics are snippets, and saving one publishes no page: a post's kept authors and
        # topic (nnirr_site/core/page_extras.py) and whole cached pages (page_cache.py) must be read
        # afresh, so a renamed author shows at once.
        from nnirr_site.core.layout_cache import new_page_generation
        from blog.taxonomy import Author, Topic

        for model in (Author, Topic):
            for signal in (post_save, post_delete):
                signal.connect(new_page_generation, sender=model, dispatch_uid=f"blog-cache-{model.__name__}-{signal!r}")
        # A post published starts the kinds of its topic before and after (related_kinds.py): the related
        # posts of posts on other topics stay kept.
        from wagtail.signals import page_published

        from blog import related_kinds
        from blog.models import BlogPage

        pre_save.connect(related_kinds.remember_topic, sender=BlogPage, dispatch_uid="blog-related-topic-before")
        page_published.connect(related_kinds.post_published, sender=BlogPage, dispatch_uid="blog-related-published")
