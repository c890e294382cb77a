"""logpipe: parse service logs, filter them, summarise latencies and find error bursts.

The pipeline reads the key=value lines our services write, one request per line:

    2024-03-01T12:00:03.250Z level=ERROR service=api path=/v1/users status=500 latency_ms=123 req=7f3a

and turns them into :class:`LogRecord` objects that the filters, the latency summary and the
alerting code work on.
"""

from logpipe.alerts import peak_error_window
from logpipe.filters import at_least, for_service
from logpipe.parse import parse_line, parse_lines
from logpipe.records import LEVELS, LogRecord
from logpipe.report import summarize
from logpipe.stats import latency_by_path, percentile

__all__ = ["LEVELS", "LogRecord", "at_least", "for_service", "latency_by_path", "parse_line", "parse_lines",
           "peak_error_window", "percentile", "summarize"]
