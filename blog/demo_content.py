"""Demo blog posts, written from the content brief."""

import datetime

from blog.models import BlogIndexPage, BlogPage
from nnirr_site.core.demo_builders import ensure_page, paragraph


def build(home):
    blog = ensure_page(
        home,
        BlogIndexPage,
        "news",
        title="News",
        intro="News, statements and stories from the network and its members.",
        summary="The network's blog.",
    )
    ensure_page(
        blog,
        BlogPage,
        "our-new-website",
        title="Welcome to our new website",
        date=datetime.date(2021, 3, 1),
        summary="Our new site was made possible by the gift of a design studio and an artist's work.",
        body=[paragraph("We are glad to share a new home for the network's news, campaigns and resources.")],
    )
