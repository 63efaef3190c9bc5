"""Event pages (``pages``) and organizers' submissions with their emails (``submissions``)."""

from events.models.pages import (  # noqa: F401
    Attendance,
    EventIndexPage,
    EventLanguage,
    EventPage,
    EventStatus,
)
from events.models.submissions import (  # noqa: F401
    EventEmail,
    EventEmailKind,
    EventSubmission,
    SubmissionStatus,
)
