"""What services raise: each error's message is written to be shown to the user as it is."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every service error."""


class ProblemNotFound(ServiceError):
    """No problem with that id in the bank."""


class AttemptNotFound(ServiceError):
    """No attempt with that id."""


class SubmissionNotFound(ServiceError):
    """No submission with that id."""


class SubmissionBusy(ServiceError):
    """Another live process is judging that submission."""


class AttemptClosed(ServiceError):
    """The attempt's clock ran out: it takes no more code, runs or submissions."""


class InvalidInput(ServiceError):
    """A bad argument from the user: unknown mode, level out of range, unparsable custom input."""


class JudgeUnavailable(ServiceError):
    """The judge could not run (no sandbox, or it failed); the submission stays stored for recovery."""
