"""KPI dashboards: overall (`/kpis`), per municipality (`/kpis/<slug>`) and per round
(`/kpis/rounds/<slug>`), each with its CSV; the municipality's officers make its figures public here."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import commit
from ..db_types import utcnow
from ..errors import DomainError
from ..web import csv_response, show_error
from . import charts, permissions, services
from .definitions import DEFINITIONS, basis_text
from .exports import csv_rows

bp = Blueprint("kpis", __name__, url_prefix="/kpis")


def _municipality(slug: str):
    organisation = services.municipality_by_slug(slug)
    if organisation is None:
        abort(404)
    return organisation


def _round(slug: str):
    round_ = services.round_by_slug(slug)
    if round_ is None:
        abort(404)
    return round_


def _not_public(organisation):
    return render_template("kpis/not_public.html", organisation=organisation), 403


def _dashboard(scope: services.Scope, csv_url: str, **extra):
    now = utcnow()
    report = services.report_for(scope, now)
    return render_template("kpis/dashboard.html", scope=scope, report=report, now=now, csv_url=csv_url,
                           charts=charts.build_charts(report), definitions=DEFINITIONS,
                           format_value=charts.format_value, basis_text=basis_text,
                           public=services.public_municipalities() if scope.kind == "overall" else [], **extra)


def _csv(scope: services.Scope, name: str):
    return csv_response(csv_rows(services.report_for(scope), scope.slug), f"kpis-{name}.csv")


@bp.get("/")
def overall_with_slash():
    """/kpis/ as typed or linked by others leads to the page."""
    return redirect(url_for(".overall"), 308)


@bp.get("")
def overall():
    return _dashboard(services.overall_scope(current_user), url_for(".overall_csv"),
                      sees_all=permissions.sees_every_municipality(current_user))


@bp.get("/figures.csv")
def overall_csv():
    return _csv(services.overall_scope(current_user), "all")


@bp.get("/charts.css")
def stylesheet():
    return Response(charts.stylesheet(), mimetype="text/css", headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/rounds/<slug>")
def round_page(slug: str):
    round_ = _round(slug)
    return _dashboard(services.round_scope(round_, current_user), url_for(".round_csv", slug=round_.slug),
                      sees_all=permissions.sees_whole_round(current_user, round_))


@bp.get("/rounds/<slug>/figures.csv")
def round_csv(slug: str):
    round_ = _round(slug)
    return _csv(services.round_scope(round_, current_user), f"round-{round_.slug}")


@bp.get("/<slug>")
def municipality(slug: str):
    organisation = _municipality(slug)
    if not permissions.can_view_municipality_kpis(current_user, organisation):
        return _not_public(organisation)
    return _dashboard(services.municipality_scope(organisation), url_for(".municipality_csv", slug=slug),
                      can_publish=permissions.can_publish_kpis(current_user, organisation))


@bp.get("/<slug>/figures.csv")
def municipality_csv(slug: str):
    organisation = _municipality(slug)
    if not permissions.can_view_municipality_kpis(current_user, organisation):
        return _not_public(organisation)
    return _csv(services.municipality_scope(organisation), organisation.slug)


@bp.post("/<slug>/visibility")
@login_required
def visibility(slug: str):
    organisation = _municipality(slug)
    if not permissions.can_publish_kpis(current_user, organisation):
        abort(403)
    choice = request.form.get("public", "")
    if choice not in ("0", "1"):
        flash(_("Choose whether the figures are public or private."), "error")
        return redirect(url_for(".municipality", slug=slug))
    try:
        changed = services.set_kpis_public(organisation=organisation, user=current_user, public=choice == "1")
    except DomainError as error:
        show_error(error)
        return redirect(url_for(".municipality", slug=slug))
    commit()
    if changed:
        flash(_("The figures of %(name)s are public now.", name=organisation.name) if organisation.kpis_public
              else _("The figures of %(name)s are private now.", name=organisation.name), "success")
    return redirect(url_for(".municipality", slug=slug))
