"""Reads the lake's Iceberg table ``ticklake.ticks`` the way an outside engine would: pyiceberg's
SqlCatalog on the SQLite catalog file the platform keeps under the lake (catalog name ``lake``)."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from pyiceberg.catalog.sql import SqlCatalog
from pyiceberg.table import Table


def ticks_table(lake: Path) -> Table:
    catalog = SqlCatalog("lake", uri=f"sqlite:///{lake / 'catalog' / 'iceberg.db'}",
                         warehouse=(lake / "warehouse").as_uri())
    return catalog.load_table("ticklake.ticks")


def rows_and_volume_per_hour(table: Table) -> dict[datetime, tuple[int, int]]:
    """(row count, sum of volume) per UTC hour of the table's current snapshot."""
    totals: dict[datetime, list[int]] = defaultdict(lambda: [0, 0])
    for row in table.scan(selected_fields=("event_time", "volume")).to_arrow().to_pylist():
        hour = row["event_time"].replace(minute=0, second=0, microsecond=0)
        totals[hour][0] += 1
        totals[hour][1] += row["volume"]
    return {hour: (count, volume) for hour, (count, volume) in totals.items()}
