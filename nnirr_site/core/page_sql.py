"""Pieces of hand-written SQL that read pages as the ORM would, for the few queries whose ORM building
costs several times PostgreSQL's answer (a program's campaigns and related pages, a post's extras).

The ORM builds a query over a page type's tables (Wagtail's page table joined with the type's own,
some forty columns, a few conditions) in 1-3 ms on this machine, where PostgreSQL answers in 0.2-0.5 ms;
on the first view of a page after a publish, and in previews, such queries were most of the page's
time. ``Model.objects.raw()`` with these columns builds the same model objects without that work. Each
user keeps the ORM query it stands in for, used where the hand-written one does not apply, and a test
checks both give the same answer.
"""

from django.db import connection
from wagtail.fields import StreamField
from wagtail.models import Page


def card_columns(model):
    """The SELECT list for ``model``'s pages: every column but its StreamFields (cards show no body, as
    ``defer_streamfields()`` in the ORM), each as ``table.column``."""
    quote = connection.ops.quote_name
    return ", ".join(f"{quote(field.model._meta.db_table)}.{quote(field.column)}"
                     for field in model._meta.concrete_fields if not isinstance(field, StreamField))


def specific_joins(model):
    """The JOINs from ``wagtailcore_page`` to ``model``'s own table (and any concrete page type between)."""
    quote = connection.ops.quote_name
    joins = []
    for table_model in [model, *model._meta.get_parent_list()]:
        if table_model is Page:
            continue
        table = quote(table_model._meta.db_table)
        joins.append(f"JOIN {table} ON {table}.{quote(table_model._meta.pk.column)} = wagtailcore_page.id")
    return "\n    ".join(joins)
