"""Hour arithmetic of the lake: UTC hours, named as the jobs' command lines expect (2026-11-20T14)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

HOUR = timedelta(hours=1)


def floor_hour(moment: datetime) -> datetime:
    """The start of the UTC hour containing ``moment`` (an aware datetime)."""
    if moment.tzinfo is None:
        raise ValueError(f"{moment!r} has no time zone; the lake's hours are UTC")
    utc = moment.astimezone(timezone.utc)
    return utc.replace(minute=0, second=0, microsecond=0)


def lookback_window(run_time: datetime, lookback_hours: int) -> tuple[datetime, datetime]:
    """The hours ``[start, end)`` a scheduled run compacts: the ``lookback_hours`` hours that ended at or
    before the run's time. Compaction takes only the closed ones whose raw files changed, so overlapping
    windows of consecutive runs cost a listing, and a file landing late for any of them is still taken."""
    if lookback_hours < 1:
        raise ValueError(f"lookback of {lookback_hours} hours: must be at least 1")
    end = floor_hour(run_time)
    return end - lookback_hours * HOUR, end


def hours_between(start: datetime, end: datetime) -> list[datetime]:
    """Every hour overlapping ``[start, end)``."""
    if end <= start:
        raise ValueError(f"the range must end after it starts: {start.isoformat()} .. {end.isoformat()}")
    hours = []
    current = floor_hour(start)
    while current < end:
        hours.append(current)
        current += HOUR
    return hours


def name(hour: datetime) -> str:
    """``2026-11-20T14``: the notation of ``spark-job compact --hour`` and ``analytics run --hour``."""
    return floor_hour(hour).strftime("%Y-%m-%dT%H")


def parse_instant(text: str) -> datetime:
    """An ISO-8601 instant; a value without zone is read as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def cron_every(minutes: int) -> str:
    """A UTC cron expression firing every ``minutes`` minutes, aligned to the hour or the day."""
    if minutes <= 0:
        raise ValueError(f"every {minutes} minutes: must be positive")
    if minutes < 60 and 60 % minutes == 0:
        return f"*/{minutes} * * * *" if minutes > 1 else "* * * * *"
    if minutes % 60 == 0 and 1440 % minutes == 0:
        every_hours = minutes // 60
        return "0 * * * *" if every_hours == 1 else f"0 */{every_hours} * * *"
    raise ValueError(f"every {minutes} minutes does not divide an hour or a day evenly "
                     "(use 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720 or 1440)")
