"""Queue a background task inside the SQL statement that creates the row it works on.

``task.enqueue(row_id)`` after an ``INSERT ... RETURNING id`` costs a second
round trip and an ORM ``create``: 1.5–2 ms of the 6.5 ms a petition signature
took in-process (cProfile of the sign request, 2026-11-27). When the id only
exists inside a statement, ``QueuedTask.insert_sql`` gives the ``INSERT`` of the
django-tasks-db row for it, to put in the same statement as one more
data-modifying ``WITH`` step: the task is queued by the same commit as its row,
so neither can exist without the other.

The row is the one ``DatabaseBackend.enqueue`` writes (same columns, built from
the model, so a new column of a later django-tasks-db cannot be forgotten: an
unknown column without a default makes ``QueuedTask`` raise at first use, and
tests/background/test_queue_sql.py runs such a task through the real worker).
The ``task_enqueued`` signal is sent as ``enqueue`` sends it, once the caller
knows the row exists (``enqueued``).
"""

import uuid

from django.db import connection
from django.utils import timezone
from django_tasks.signals import task_enqueued
from django_tasks_db.models import DBTaskResult, get_date_max

# Columns the INSERT fills itself; every other column comes from an unsaved DBTaskResult.
ARGS_COLUMN = "args_kwargs"


class QueuedTask:
    """The SQL and parameters that queue ``task`` with one argument taken from a column of a ``WITH`` step."""

    def __init__(self, task, prefix="task"):
        self.task = task
        self.backend = task.get_backend()
        self.backend.validate_task(task)
        self.prefix = prefix
        self.fields = [f for f in DBTaskResult._meta.concrete_fields]

    def insert_sql(self, source, argument):
        """``INSERT INTO <tasks> (...) SELECT ... FROM <source> RETURNING id``, the task's argument ``<source>.<argument>``."""
        table = DBTaskResult._meta.db_table
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields)
        values = ", ".join(
            f"jsonb_build_object('args', jsonb_build_array({source}.{argument}), 'kwargs', '{{}}'::jsonb)"
            if f.column == ARGS_COLUMN
            else f"%({self.prefix}_{f.column})s"
            for f in self.fields
        )
        return f"INSERT INTO {table} ({columns}) SELECT {values} FROM {source} RETURNING id"

    def params(self, now=None):
        """This queueing's parameters (a new task id each time), and the unsaved row to announce afterwards."""
        task = self.task
        row = DBTaskResult(
            id=self.backend._get_id() if hasattr(self.backend, "_get_id") else uuid.uuid4(),
            args_kwargs={"args": [], "kwargs": {}},
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after or get_date_max(),
            backend_name=self.backend.alias,
            enqueued_at=now or timezone.now(),
        )
        values = {}
        for field in self.fields:
            if field.column == ARGS_COLUMN:
                continue
            value = field.get_db_prep_save(getattr(row, field.attname), connection)
            if value is None and not field.null:
                raise ValueError(f"django-tasks-db's column {field.column} has no value to queue a task with")
            values[f"{self.prefix}_{field.column}"] = value
        return values, row

    def enqueued(self, row, argument):
        """Send ``task_enqueued`` for ``row`` (now stored, with ``argument``), as ``enqueue`` does."""
        row.args_kwargs = {"args": [argument], "kwargs": {}}
        task_enqueued.send(type(self.backend), task_result=row.task_result)
