"""The background worker every supporter action relies on to send its email.

django-tasks-db gives us a database queue and a worker loop; this app makes
that worker dependable: it survives database restarts (reconnects with
back-off instead of exiting), finds tasks left RUNNING by a worker that died
and queues them again, records a heartbeat so a monitor can tell it is alive,
and reports all of it on ``/health/`` and ``manage.py health``.
"""
