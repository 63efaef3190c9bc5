"""Security headers on every response; a strict Content Security Policy on public pages."""

import re
from pathlib import Path

import pytest

from nnirr_site.core.security import permissions_policy_header

pytestmark = pytest.mark.django_db
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_common_headers(response):
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("path", ["/", "/es/", "/about/", "/search/?q=asylum", "/robots.txt", "/does-not-exist/"])
def test_public_responses_carry_security_headers_and_strict_csp(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_common_headers(response)
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "Content-Security-Policy-Report-Only" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_admin_gets_relaxed_policy_and_strict_one_as_report_only(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    enforced = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in enforced["script-src"]
    assert enforced["frame-ancestors"] == ["'self'"]
    report_only = directives(response["Content-Security-Policy-Report-Only"])
    assert report_only["script-src"] == ["'self'"]
    assert report_only["style-src"] == ["'self'"]


def test_public_pages_have_no_inline_scripts_or_styles(client):
    """What the strict policy would block: <script> without src, <style>, style= and on*= attributes."""
    for path in ["/", "/es/", "/about/", "/search/?q=rights"]:
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", html), path
        assert "<style" not in html, path
        assert not re.search(r"\sstyle=\"", html), path
        assert not re.search(r"\son[a-z]+=\"", html), path


def test_page_templates_have_no_inline_styles_or_scripts():
    offenders = []
    for template in TEMPLATES_DIR.rglob("*.html"):
        relative = template.relative_to(TEMPLATES_DIR)
        if relative.parts[0] in {"accounts"} or "emails" in relative.parts:
            continue  # admin pages (relaxed policy) and emails (never served as pages)
        text = template.read_text()
        if re.search(r"\sstyle=|<style|<script(?![^>]*\bsrc=)|\son(click|load|submit|change)=", text):
            offenders.append(str(relative))
    assert offenders == []


def test_permissions_policy_header_format():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"


def test_headers_built_once_per_kind_of_path_equal_what_django_csp_builds(rf, settings):
    """The kept headers are django-csp's own; a view's csp_update and a nonce still change one response."""
    from csp.constants import NONCE
    from csp.decorators import csp_update
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    from nnirr_site.core.security import SecurityHeadersMiddleware

    def page(request):
        return HttpResponse("page")

    @csp_update({"img-src": ["https://maps.example.org"]})
    def page_with_map(request):
        return HttpResponse("map")

    def page_with_nonce(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    ours = SecurityHeadersMiddleware(page)
    plain = CSPMiddleware(page)
    for path in ("/about/", "/admin/pages/"):
        expected = plain.process_response(rf.get(path), HttpResponse())
        for _ in range(2):  # built on the first response, kept for the second
            response = ours(rf.get(path))
            if path == "/about/":
                assert response["Content-Security-Policy"] == expected["Content-Security-Policy"]
            else:
                assert "'unsafe-inline'" in directives(response["Content-Security-Policy"])["script-src"]
                assert response["Content-Security-Policy-Report-Only"] == expected["Content-Security-Policy"]
            assert response["Permissions-Policy"] == permissions_policy_header(settings.PERMISSIONS_POLICY)

    updated = SecurityHeadersMiddleware(page_with_map)(rf.get("/about/"))
    assert "https://maps.example.org" in directives(updated["Content-Security-Policy"])["img-src"]
    assert "https://maps.example.org" not in ours(rf.get("/about/"))["Content-Security-Policy"]

    # A policy with a nonce (none of ours has one yet): each response that uses it carries its own.
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "script-src": ["'self'", NONCE]}
    }
    requests = [rf.get("/about/"), rf.get("/about/")]
    for request in requests:
        response = SecurityHeadersMiddleware(page_with_nonce)(request)
        assert f"'nonce-{request._csp_nonce}'" in response["Content-Security-Policy"]
    assert requests[0]._csp_nonce != requests[1]._csp_nonce
