"""Factories for test data: pages in the demo tree, users, images and documents."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from nnirr_site.core.models import StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user with a predictable password."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password-1")
    is_staff = True


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image."""

    title = factory.Sequence(lambda n: f"Test image {n}")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small generated document."""

    title = factory.Sequence(lambda n: f"Test document {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard content page; pass ``parent=`` to place it."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro = "An introduction."
