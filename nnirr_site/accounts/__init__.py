"""Staff accounts: two-factor authentication for the Wagtail admin, login lockout page, demo groups."""
