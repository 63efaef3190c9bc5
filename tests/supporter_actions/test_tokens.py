"""Confirmation tokens: hashed at rest, single lifetime setting, constant-time checks."""

import datetime

from django.utils import timezone

from supporter_actions import tokens


def test_a_new_token_is_stored_only_as_its_hash_and_lives_supporter_token_days(settings):
    settings.SUPPORTER_TOKEN_DAYS = 3
    before = timezone.now()
    token, token_hash, expires_at = tokens.new_token()
    assert token not in token_hash and token_hash == tokens.hash_token(token)
    assert tokens.valid_days() == 3
    assert before + datetime.timedelta(days=3) <= expires_at <= timezone.now() + datetime.timedelta(days=3)
    assert tokens.looks_valid(token)


def test_token_matches_only_the_right_unexpired_token():
    token, token_hash, expires_at = tokens.new_token()
    assert tokens.token_matches(token, token_hash, expires_at)
    assert not tokens.token_matches(token + "x", token_hash, expires_at)
    assert not tokens.token_matches(token, token_hash, expires_at, now=expires_at)
    assert not tokens.token_matches(token, "", expires_at)
    assert not tokens.token_matches(token, token_hash, None)


def test_looks_valid_refuses_other_shapes():
    assert not tokens.looks_valid("short")
    assert not tokens.looks_valid("a" * 65)
    assert not tokens.looks_valid("a" * 30 + "/")
    assert not tokens.looks_valid("é" * 30)
