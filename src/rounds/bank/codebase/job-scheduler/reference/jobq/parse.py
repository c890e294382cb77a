"""The jobs file: one job per line.

    # comment
    extract:   duration=30 priority=2
    transform: duration=45 after=extract
    load:      duration=20 after=transform,audit

Fields are ``duration`` (required, whole minutes), ``after`` (comma-separated job names, possibly
empty) and ``priority`` (an integer, 0 by default). Names are unique. Errors name the line.
"""

from __future__ import annotations

from collections.abc import Iterable

from jobq.jobs import Job


class JobsFileError(ValueError):
    pass


def parse_line(line: str, lineno: int) -> Job | None:
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    name, sep, rest = line.partition(":")
    if not sep or not name.strip():
        raise JobsFileError(f"line {lineno}: expected 'name: field=value ...'")
    fields: dict[str, str] = {}
    for part in rest.split():
        key, eq, value = part.partition("=")
        if not eq:
            raise JobsFileError(f"line {lineno}: {part!r} is not field=value")
        fields[key] = value
    unknown = set(fields) - {"duration", "after", "priority"}
    if unknown:
        raise JobsFileError(f"line {lineno}: unknown field(s) {', '.join(sorted(unknown))}")
    if "duration" not in fields:
        raise JobsFileError(f"line {lineno}: no duration")
    try:
        duration = int(fields["duration"])
        priority = int(fields.get("priority", "0"))
    except ValueError as exc:
        raise JobsFileError(f"line {lineno}: {exc}") from None
    deps = tuple(d.strip() for d in fields.get("after", "").split(",") if d.strip())
    try:
        return Job(name.strip(), duration, deps, priority)
    except ValueError as exc:
        raise JobsFileError(f"line {lineno}: {exc}") from None


def parse_jobs(lines: Iterable[str]) -> list[Job]:
    jobs: list[Job] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        job = parse_line(line, n)
        if job is None:
            continue
        if job.name in seen:
            raise JobsFileError(f"line {n}: job {job.name!r} is defined twice")
        seen.add(job.name)
        jobs.append(job)
    return jobs
