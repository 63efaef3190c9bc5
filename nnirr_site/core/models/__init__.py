"""Core models, split by concept and re-exported here."""

from .navigation import Menu, MenuItem
from .pages import BasePage, HomePage, HomePageFeaturedResource, SectionIndexPage, SitePageQuerySet, StandardPage
from .site_settings import Office, SiteSettings
from .take_action import TakeActionPage

__all__ = [
    "BasePage",
    "HomePage",
    "HomePageFeaturedResource",
    "Menu",
    "MenuItem",
    "Office",
    "SectionIndexPage",
    "SitePageQuerySet",
    "SiteSettings",
    "StandardPage",
    "TakeActionPage",
]
