"""What every supporter action shares: petitions, sign-on letters, the email list and event submissions.

Each action's own app (``campaigns.petitions`` …) keeps its rules — what it stores, how it
counts, what its emails say. This app holds the parts that must be the same for all of
them, so each rule is written and tested once: confirmation tokens and their lifetime,
the canonical form of supporters' email and network addresses, and the protections of
every public form (honeypot, single-use form stamp, per-network rate limits, strict
consent boxes, name checks). It imports no action's app; the actions import it.
"""
