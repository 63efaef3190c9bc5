"""The email list's public addresses, under the language prefix (``/email-list/…``, ``/es/email-list/…``)."""

from django.urls import path

from email_list import views

app_name = "email_list"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("join/", views.join, name="join"),
    path("thanks/", views.thanks, name="thanks"),
    path("confirm/<str:token>/", views.confirm_page, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/<int:list_id>/", views.unsubscribe, name="unsubscribe"),
    path("digests/", views.archive, name="archive"),
    path("digests/<int:digest_id>/", views.archive_detail, name="archive_detail"),
]
