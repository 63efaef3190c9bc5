"""Which publishes can change a post's related posts: one page kind per topic (``layout_cache`` kinds).

A post's related posts (``BlogPage.get_related_posts``) are the posts its editor chose or, without any,
the newest live posts in its language on its topic (any translation of the topic). They were kept for
the blog post kind: every post published read them again on each post's next view, though a post on
another topic cannot enter or leave the list. They are kept now for these kinds only:

- ``topic_kind(key)`` for the post's topic (its ``translation_key``): started when a post is published
  whose topic before or after the publish has that key (``post_published``; the topic before is read as
  the post is saved, ``remember_topic``). Only such a post can enter the list, leave it, or change its
  place or what its card shows (its title, summary, image, date).
- a publish whose topic before is unknown (a signal sent without the save before it) starts the epoch
  instead: the safe answer, and one kind less for every post to read.
- the chosen posts' translation groups (``layout_cache.translations_kind``, started by the layout cache
  when any translation of one is published): a chosen post shown in the post's language is its
  translation where one is live.

Everything else that can change the list starts the layout cache's epoch, which every kind depends on:
a post unpublished, moved or deleted, a slug changed, a topic, image or view restriction saved. The
post's own publish reads its list again too (kept under its live revision: the chosen posts may change).
``tests/blog/test_related_kinds.py`` shows each change on the next request.
"""

from types import SimpleNamespace

from nnirr_site.core import layout_cache

_TOPIC_BEFORE = "_blog_topic_key_before_save"
_UNCHANGED = object()  # a save that does not write the topic (a draft saved): the topic after is the one before


def topic_kind(translation_key):
    """The page kind of the posts on the topic with ``translation_key`` (any language)."""
    return f"blog-topic:{translation_key}"


def related_kinds(topic_key, chosen_keys=()):
    """The kinds a post's related posts are kept for, given its topic's translation key (or None) and the
    translation keys of the posts its editor chose."""
    kinds = [topic_kind(topic_key)] if topic_key else []
    kinds += [layout_cache.translations_kind(SimpleNamespace(translation_key=key)) for key in chosen_keys]
    return tuple(kinds)


def _topic_key(model, page_id):
    return model._default_manager.filter(pk=page_id).values_list("topic__translation_key", flat=True).first()


def remember_topic(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of a post: note its topic as stored before this save (the live one, for a live post),
    so that its publish can start that topic's kind as well as the new one's (the post may leave that list)."""
    if raw or not instance.pk:
        before = None
    elif update_fields is not None and "topic" not in update_fields:
        before = _UNCHANGED
    else:
        before = _topic_key(sender, instance.pk)
    setattr(instance, _TOPIC_BEFORE, before)


def post_published(sender, instance, **kwargs):
    """``page_published`` of a post: start the kinds of its topic before and after the publish (after the
    current transaction commits, as every generation)."""
    if not hasattr(instance, _TOPIC_BEFORE):
        layout_cache.new_generation("page")  # the epoch too: no kind stays
        return
    before = getattr(instance, _TOPIC_BEFORE)
    keys = {_topic_key(sender, instance.pk), None if before is _UNCHANGED else before} - {None}
    if keys:
        layout_cache.new_generation("page", kind=tuple(sorted(topic_kind(key) for key in keys)))
