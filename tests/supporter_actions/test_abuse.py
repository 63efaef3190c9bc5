"""The shared abuse checks: client address behind proxies, its keyed hash by IPv6 /64, and the form stamp."""

import datetime

import pytest
from django.core import signing
from django.test import RequestFactory
from django.utils import timezone

from supporter_actions.abuse import (
    FORM_STAMP_SALT,
    client_ip,
    form_stamp,
    hash_ip,
    purge_used_form_stamps,
    rate_limit_window,
    read_form_stamp,
    use_form_stamp,
)
from supporter_actions.models import UsedFormStamp


def test_hash_ip_counts_ipv6_by_its_64_network():
    assert hash_ip("2001:db8::1") == hash_ip("2001:db8::ffff:1") != hash_ip("2001:db8:0:1::1")
    assert hash_ip("198.51.100.1") != hash_ip("198.51.100.2")
    assert hash_ip("") == ""
    assert "198.51.100.1" not in hash_ip("198.51.100.1")


def test_hash_ip_key_comes_from_settings(settings):
    settings.SUPPORTER_IP_HASH_KEY = ""
    derived = hash_ip("198.51.100.1")
    settings.SUPPORTER_IP_HASH_KEY = "another key"
    assert hash_ip("198.51.100.1") != derived


def test_client_ip_trusts_forwarded_for_only_behind_configured_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    settings.SUPPORTER_TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.1"
    settings.SUPPORTER_TRUSTED_PROXIES = 1
    assert client_ip(request) == "198.51.100.7"
    settings.SUPPORTER_TRUSTED_PROXIES = 3  # fewer hops than proxies: the direct peer
    assert client_ip(request) == "10.0.0.1"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="not-an-ip")) == ""


def test_rate_limit_window_follows_the_setting(settings):
    settings.SUPPORTER_RATE_LIMIT_WINDOW = 120
    assert rate_limit_window() == datetime.timedelta(seconds=120)


def test_a_stamp_reads_back_and_is_too_fast_then_fine_then_expired(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 3
    settings.SUPPORTER_FORM_STAMP_MAX_AGE = 3600
    now = timezone.now()
    stamp = read_form_stamp(form_stamp(now))
    assert stamp.nonce and stamp.started == pytest.approx(now.timestamp(), abs=0.001)
    assert stamp.too_fast(now + datetime.timedelta(seconds=2))
    assert not stamp.too_fast(now + datetime.timedelta(seconds=4))
    assert not stamp.expired(now + datetime.timedelta(seconds=3599))
    assert stamp.expired(now + datetime.timedelta(seconds=3601))


def test_a_renewed_stamp_keeps_the_start_time_with_a_new_nonce():
    stamp = read_form_stamp(form_stamp())
    renewed = read_form_stamp(stamp.renewed())
    assert renewed.started == stamp.started and renewed.nonce != stamp.nonce


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "forged",
        signing.dumps([1.0, "x"], salt="another.salt"),
        signing.dumps([1.0, "x" * 33], salt=FORM_STAMP_SALT),
        signing.dumps(["1", "x"], salt=FORM_STAMP_SALT),
        signing.dumps(True, salt=FORM_STAMP_SALT),
    ],
    # Fixed ids: a signed value holds the time, and parallel workers must collect the same test names.
    ids=["none", "empty", "forged", "other-salt", "long-nonce", "string-time", "not-a-list"],
)
def test_missing_forged_or_malformed_stamps_read_as_none(value):
    assert read_form_stamp(value) is None


def test_a_stamp_without_a_nonce_is_expired():
    legacy = read_form_stamp(signing.dumps(timezone.now().timestamp(), salt=FORM_STAMP_SALT))
    assert legacy.nonce == "" and legacy.expired()


@pytest.mark.django_db
def test_a_nonce_is_used_once():
    nonce = read_form_stamp(form_stamp()).nonce
    assert use_form_stamp(nonce)
    assert not use_form_stamp(nonce)
    assert UsedFormStamp.objects.filter(nonce=nonce).count() == 1


@pytest.mark.django_db
def test_used_stamps_are_purged_after_the_stamps_max_age(settings):
    settings.SUPPORTER_FORM_STAMP_MAX_AGE = 3600
    now = timezone.now()
    UsedFormStamp.objects.create(nonce="old", created_at=now - datetime.timedelta(seconds=3601))
    UsedFormStamp.objects.create(nonce="new", created_at=now - datetime.timedelta(seconds=3599))
    assert purge_used_form_stamps(now) == 1
    assert list(UsedFormStamp.objects.values_list("nonce", flat=True)) == ["new"]
