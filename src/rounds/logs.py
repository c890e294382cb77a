"""Logs: readable lines on a laptop, one JSON object per line on a server.

A server's logs go to whatever collects standard error (journald, a container runtime) and are
read by machines: ``ROUNDS_ENVIRONMENT=server`` (or ``ROUNDS_LOG_FORMAT=json``) gives each record as
JSON with its time, level, logger, message and the record's own fields (``submission_id``,
``event``, ...).
"""

from __future__ import annotations

import logging
import os
import sys

from rounds.config import Settings

FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"


def configure_logging(settings: Settings, *, level: int = logging.INFO) -> None:
    """Send the ``rounds`` loggers to standard error, as JSON on a server."""
    handler = logging.StreamHandler(sys.stderr)
    as_json = os.environ.get("ROUNDS_LOG_FORMAT", "json" if settings.environment == "server" else "text") == "json"
    if as_json:
        from pythonjsonlogger.json import JsonFormatter

        handler.setFormatter(JsonFormatter(FIELDS, rename_fields={"asctime": "time", "levelname": "level",
                                                                  "name": "logger"}))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("rounds", "procrastinate"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level if name == "rounds" else logging.WARNING)
        logger.propagate = False
