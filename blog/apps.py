"""App configuration for the blog."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Blog posts and their index."""

    name = "blog"
    verbose_name = "Blog"
    default_auto_field = "django.db.models.BigAutoField"
