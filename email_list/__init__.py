"""The email list: sign-up with consent records, one-click unsubscribe, and the monthly digest."""
