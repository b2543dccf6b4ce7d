"""Changes since the exam guides, from the rows: the "What changed" page (every status change, rename
and dated change, newest first) and, on each teaching page, a box listing the changes of its own rows.

Each event has a stable anchor on the "What changed" page, made from its row's key and its date, so a
page's box can link to it and links survive other rows gaining changes.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from . import markup as m
from .loader import SiteData
from .models import ServiceStatus
from .render import Link, row_link

KINDS = ("services", "algorithms", "decisions", "metrics", "glossary")
CHANGES_PAGE = "changes.md"
BOX_TITLE = "Changed since the exam guide"


class Event(NamedTuple):
    date: datetime.date | None
    row: object
    what: str
    source: str
    anchor: str = ""
    month_only: bool = False


def _when(event: Event) -> str:
    if event.date is None:
        return "date not published"
    return f"{event.date:%B %Y}" if event.month_only else f"{event.date:%-d %B %Y}"


def _newest_first(found: Iterable[Event]) -> list[Event]:
    # Undated events last; ties keep the order the rows were read in
    return sorted(found, key=lambda e: (e.date is not None, e.date or datetime.date.min), reverse=True)


def _anchored(found: list[Event]) -> list[Event]:
    """Anchor 'change-<row key>-<date>' ('-status' for a service's status), '-2', '-3' on repeats."""
    seen: Counter = Counter()
    anchored = []
    for event in found:
        base = f"change-{event.row.key}-" + (event.anchor or (event.date.isoformat() if event.date else "undated"))
        seen[base] += 1
        anchored.append(event._replace(anchor=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return anchored


def row_events(rows: Iterable) -> list[Event]:
    """The events of these rows in data order: a service's status first, then its dated changes."""
    found = []
    for row in rows:
        status = getattr(row, "status", None)
        if isinstance(status, ServiceStatus) and status is not ServiceStatus.current:
            found.append(Event(row.status_date, row, f"{status.value.capitalize()}: {row.status_note}",
                               row.status_source or row.source, "status"))
        found += [Event(change.date, row, change.what, change.source, month_only=change.month_only)
                  for change in row.changes]
    return _anchored(found)


def all_rows(data: SiteData) -> list:
    return [row for kind in KINDS for row in getattr(data, kind)]


def events(rows: Iterable) -> list[Event]:
    """Every event of these rows, anchored, newest first: what the "What changed" page lists and
    the page boxes pick from, so both use the same anchors."""
    return _newest_first(row_events(rows))


def changes_table(found: Iterable[Event], link: Link) -> str:
    rows = [[f'<span id="{e.anchor}"></span>{_when(e)}', row_link(e.row, link, e.row.label),
             m.inline(e.what), f"<{e.source}>"] for e in found]
    return m.table(["When", "What", "Change", "Source"], rows, "data-table changes")


def page_changes(found: Iterable[Event], page: str, link: Link) -> str:
    """The box on `page`: those of the site's `events` whose row is taught there, newest first, each
    linked to its row's section and to its entry on the "What changed" page; nothing when the page
    has none."""
    own = [event for event in found if event.row.page == page]
    if not own:
        return ""
    items = [f"- **{_when(e)}**: {row_link(e.row, link, e.row.label)}: {m.inline(e.what)} "
             f"({m.link('details and source', link(f'{CHANGES_PAGE}#{e.anchor}'))})" for e in own]
    return m.admonition("info", BOX_TITLE, "\n".join(items))
