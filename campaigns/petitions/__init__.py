"""Petitions: pages that collect signatures, with double opt-in, exact counts and background email.

Signatures are personal data of people who may be at risk, so this app owns
their rules: what is stored, who sees it and how it is counted.
"""
