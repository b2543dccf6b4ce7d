"""The "What changed" page: every status change, rename and dated change the rows record, newest first."""

import datetime
from typing import NamedTuple

from . import markup as m
from .loader import SiteData
from .models import ServiceStatus
from .render import Link, row_link

KINDS = ("services", "algorithms", "decisions", "metrics", "glossary")


class Event(NamedTuple):
    date: datetime.date | None
    row: object
    what: str
    source: str


def events(data: SiteData) -> list[Event]:
    found = []
    for service in data.services:
        if service.status is not ServiceStatus.current:
            found.append(Event(service.status_date, service, f"{service.status.value.capitalize()}: "
                               f"{service.status_note}", service.status_source or service.source))
    for kind in KINDS:
        for row in getattr(data, kind):
            found += [Event(change.date, row, change.what, change.source) for change in row.changes]
    # Newest first; changes without a known date last
    return sorted(found, key=lambda e: (e.date is not None, e.date or datetime.date.min), reverse=True)


def changes_table(data: SiteData, link: Link) -> str:
    rows = [[f"{e.date:%-d %B %Y}" if e.date else "date not published", row_link(e.row, link, e.row.label),
             m.inline(e.what), f"<{e.source}>"] for e in events(data)]
    return m.table(["When", "What", "Change", "Source"], rows, "data-table changes")
