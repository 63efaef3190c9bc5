"""The benchmark's own background task: does nothing, so a worker's run of it costs only the queue's own work."""

from django_tasks import task


@task(backend="petitions")
def nothing(number):
    return number
