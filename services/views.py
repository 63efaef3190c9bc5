"""The directory's public views: the list and map, a service's page, the exports, the feed, corrections.

Every one of them reads services through ``services/disclosure.py`` only. Bad input — an
unknown filter value, ``lat=abc``, a 5,000-character query, a ``page`` that is not a number, an
unknown service — gives the page without that filter, or a 404, never a 500.

The correction form follows the core's guards in this order: a bot (honeypot, missing or forged
stamp, sent faster than a person fills it in, a stamp used before) is sent to the thank-you page
without storing anything; an expired stamp shows the form again; a form with errors is shown
again with its errors (linked from an error summary) and a renewed stamp; a good form is stored.
"""

import json

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from nnirr_site.core import site_url
from nnirr_site.core.views import paginate
from services import exports
from services.border_map import border_map
from services.corrections import record_correction
from services.disclosure import public_queryset, public_service, public_services, yes_no_unknown_phrase
from services.filtering import CHOICE_FILTERS, FLAG_FILTERS, ServiceFilter
from services.forms import CorrectionForm
from supporter_actions.abuse import (
    client_ip,
    form_stamp,
    hash_ip,
    purge_used_form_stamps_now_and_then,
    read_form_stamp,
    use_form_stamp,
)
from supporter_actions.page_routes import answers
from supporter_actions.responses import FORM_METHODS, SAFE_METHODS, method_not_allowed

EXPORT_LIMIT = 5000


def url_maker(directory):
    base = directory.url
    return lambda service: base + service.slug + "/"


@answers("services.directory")
def directory(request, page):
    """The filtered list (the primary view), its counts, the map and the map's text alternative."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    services = public_queryset(page.locale_id)
    directory_filter = ServiceFilter(request.GET, services, shared_as=("public", page.locale_id))
    results = directory_filter.results().order_by("name", "pk")
    listed = paginate(request, results.values_list("pk", flat=True), page.PAGE_SIZE,
                      count=directory_filter.result_count)
    by_pk = {s.pk: s for s in public_services(services.filter(pk__in=list(listed)), url_for=url_maker(page))}
    items = [by_pk[pk] for pk in listed if pk in by_pk]

    def marker_href(city_key):
        return "?" + directory_filter.query_without("city", city=city_key) + "#results"

    context = page.get_context(request)
    context.update(
        filter=directory_filter,
        filter_form=directory_filter.form,
        choice_fields=[directory_filter.form[name] for name in CHOICE_FILTERS],
        flag_fields=[directory_filter.form[name] for name in FLAG_FILTERS],
        page_obj=listed,
        services=items,
        border_map=border_map(results, marker_href),
        export_csv_url=export_url(page, "export_csv", directory_filter),
        export_json_url=export_url(page, "export_json", directory_filter),
    )
    return TemplateResponse(request, "services/service_directory_page.html", context)


def export_url(page, route, directory_filter):
    query = directory_filter.query_without()
    return page.url + page.reverse_subpage(route) + (f"?{query}" if query else "")


@answers("services.service")
def service_page(request, page, slug):
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    service = public_service(page.locale_id, slug, url_for=url_maker(page))
    if service is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        service=service,
        asks_phrase=yes_no_unknown_phrase("asks", service.asks_immigration_status),
        shares_phrase=yes_no_unknown_phrase("shares", service.shares_with_enforcement),
        list_url=page.url + "?city=" + service.city_key.replace(" ", "+") + "#results",
    )
    return TemplateResponse(request, "services/service_page.html", context)


@answers("services.export")
def export(request, page, kind):
    """The filtered list (every page of it, up to ``EXPORT_LIMIT``) as CSV or HSDS-shaped JSON."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    services = public_queryset(page.locale_id)
    directory_filter = ServiceFilter(request.GET, services, with_counts=False)
    rows = public_services(
        directory_filter.results().order_by("name", "pk")[:EXPORT_LIMIT], url_for=url_maker(page)
    )

    def absolute(path):
        return site_url.absolute(path, request) if site_url.base_url() else request.build_absolute_uri(path)

    name = _("border-services")
    if kind == "csv":
        response = HttpResponse(exports.to_csv(rows, absolute), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        filters = {key: str(value) for key, value in directory_filter.active.items()}
        data = exports.to_json_data(rows, absolute, page.locale.language_code, filters)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@answers("services.feed")
def feed(request, page):
    from services.feeds import ServiceFeed

    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    return ServiceFeed(page)(request)


def correction_context(request, page, service, form):
    context = page.get_context(request)
    context.update(service=service, form=form)
    return context


def render_correction(request, page, service, form, status=200):
    response = TemplateResponse(
        request, "services/correction.html", correction_context(request, page, service, form), status=status
    )
    patch_cache_control(response, private=True, max_age=0)
    return response


def thanks_redirect(page, service):
    return HttpResponseRedirect(page.url + service.slug + "/correction/thanks/", status=303)


@answers("services.correction")
def correction_page(request, page, slug):
    service = public_service(page.locale_id, slug, url_for=url_maker(page))
    if service is None:
        raise Http404
    if request.method in SAFE_METHODS:
        return render_correction(request, page, service, CorrectionForm())
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS)
    form = CorrectionForm(request.POST)
    stamp = read_form_stamp(request.POST.get("started"))
    if form.is_bot() or stamp is None or stamp.too_fast():
        return thanks_redirect(page, service)
    if stamp.expired():
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check it and send it again."))
        form.replace_stamp(form_stamp())
        form.mark_errors()
        return render_correction(request, page, service, form)
    if not form.is_valid():
        if not use_form_stamp(stamp.nonce):
            return thanks_redirect(page, service)
        form.replace_stamp(stamp.renewed())
        form.mark_errors()
        return render_correction(request, page, service, form)
    record_correction(
        service.pk,
        topic=form.cleaned_data["topic"],
        details=form.cleaned_data["details"],
        contact=form.cleaned_data["contact"],
        language=translation.get_language() or page.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
    )
    purge_used_form_stamps_now_and_then()
    return thanks_redirect(page, service)


@answers("services.correction_thanks")
def correction_thanks(request, page, slug):
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    service = public_service(page.locale_id, slug, url_for=url_maker(page))
    if service is None:
        raise Http404
    context = page.get_context(request)
    context.update(service=service)
    return TemplateResponse(request, "services/correction_thanks.html", context)
