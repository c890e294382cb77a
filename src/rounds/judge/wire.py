"""Wire format between the host and the sandbox harness.

A message is a frame: an 8-byte header (JSON length, blob count), the JSON
body, then each blob as an 8-byte length and raw bytes. Values are plain JSON
with tagged objects for what JSON cannot carry; arrays travel as ``.npy``
bytes and are read back with ``allow_pickle=False``. Nothing is ever pickled.
A long list of only floats (or only ints that fit in 64 bits) travels as one
little-endian binary blob and comes back as the same list of Python floats or
ints: writing 200k floats as JSON text costs ~0.2 s of the sender's CPU.

This module is copied into the sandbox next to the harness, so it imports
only the standard library and (lazily) numpy and torch.
"""

from __future__ import annotations

import base64
import io
import json
import math
import struct
import sys
from array import array
from typing import Any, BinaryIO

_HEADER = struct.Struct(">II")
_BLOB = struct.Struct(">Q")
# What one value may hold, on either side of the boundary. The bank's largest answers are lists
# of 200k numbers and its largest inputs hold about 600k values, so no honest value comes near;
# a value over a limit is refused before it is walked or unpacked.
MAX_DEPTH = 64  # nesting levels
MAX_ELEMENTS = 2_000_000  # values: list, tuple and set items, dict keys and values, packed numbers
MAX_BLOB_BYTES = 256 << 20  # bytes of arrays, tensors, packed lists and bytes objects
MAX_INT_DIGITS = 4000  # decimal digits of one int (Python refuses to convert more than 4300)
_INT_LIMIT = 10**MAX_INT_DIGITS
PACK_MIN = 64  # lists at least this long of one scalar type travel as a binary blob
BLOB_TAGS = ("$nd", "$ns", "$pt", "$fl", "$il")  # tags whose value is an index into the frame's blobs
_SWAP = sys.byteorder != "little"


class WireError(Exception):
    """A value that cannot cross the sandbox boundary, or a malformed frame."""


class FrameTooLarge(WireError):
    """The peer sent more bytes than the reader allows."""


def _np() -> Any:
    import numpy

    return numpy


class _Encoder:
    def __init__(self, max_items: int, readonly: bool = False) -> None:
        self.blobs: list[bytes] = []
        self.items = 0
        self.max_items = max_items
        self.readonly = readonly

    def blob(self, data: bytes) -> int:
        self.blobs.append(data)
        return len(self.blobs) - 1

    def array_bytes(self, arr: Any) -> bytes:
        np = _np()
        arr = np.asarray(arr)
        if arr.dtype.hasobject:
            raise WireError("an array of Python objects (dtype=object) cannot be sent; use a numeric dtype")
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=False)
        return buf.getvalue()

    def packed(self, v: list[Any]) -> dict[str, int] | None:
        if self.items + len(v) > self.max_items:  # before looking at the items: refusing is cheap
            raise WireError(f"value has more than {self.max_items:,} elements")
        kinds = set(map(type, v))
        if kinds == {float}:
            arr, tag = array("d", v), "$fl"
        elif kinds == {int}:
            try:
                arr, tag = array("q", v), "$il"
            except OverflowError:  # an int beyond 64 bits: JSON carries it exactly
                return None
        else:
            return None
        self.items += len(v)
        if _SWAP:
            arr.byteswap()
        return {tag: self.blob(arr.tobytes())}

    def enc(self, v: Any, depth: int = 0) -> Any:
        self.items += 1
        if self.items > self.max_items:
            raise WireError(f"value has more than {self.max_items:,} elements")
        if depth > MAX_DEPTH:
            raise WireError(f"value is nested deeper than {MAX_DEPTH} levels")
        t = type(v)
        if v is None or t is bool or t is str:
            return v
        if t is int:
            if -_INT_LIMIT < v < _INT_LIMIT:
                return v
            raise WireError(f"an int of more than {MAX_INT_DIGITS} digits cannot be sent")
        if t is float:
            if math.isfinite(v):
                return v
            return {"$f": repr(v)}
        if t is list:
            if len(v) >= PACK_MIN:
                packed = self.packed(v)
                if packed is not None:
                    return packed
            return [self.enc(x, depth + 1) for x in v]
        if t is tuple:
            return {"$t": [self.enc(x, depth + 1) for x in v]}
        if t is dict:
            return {"$d": [[self.enc(k, depth + 1), self.enc(x, depth + 1)] for k, x in v.items()]}
        if t is set or t is frozenset:
            return {"$s": [self.enc(x, depth + 1) for x in v]}
        if t is bytes:
            return {"$b": base64.b64encode(v).decode("ascii")}
        mod = t.__module__
        if mod == "numpy":
            np = _np()
            if isinstance(v, np.ndarray):
                if self.readonly:
                    return {"$nd": self.blob(self.array_bytes(v)), "ro": True}
                return {"$nd": self.blob(self.array_bytes(v))}
            if isinstance(v, np.generic):
                return {"$ns": self.blob(self.array_bytes(v))}
        if mod == "torch" and t.__name__ in ("Tensor", "Parameter"):
            arr = v.detach().cpu().numpy()
            return {"$pt": self.blob(self.array_bytes(arr)), "grad": bool(v.requires_grad)}
        if t.__name__ == "Parameter" and mod.startswith("torch"):
            return self.enc(v.data, depth)
        # Subclasses of the plain types (an int with a lying __eq__, a list subclass) are
        # refused by exact type checks above; say what was returned.
        raise WireError(
            f"cannot send a value of type {mod}.{t.__qualname__}; return plain Python values "
            "(None, bool, int, float, str, list, tuple, dict, set), numpy arrays or torch tensors"
        )


def encode(value: Any, *, max_items: int = MAX_ELEMENTS, readonly: bool = False) -> tuple[Any, list[bytes]]:
    """Encode a value into (json-able body, blobs).

    ``readonly=True`` marks every numpy array in it to be decoded read-only (``writeable`` off):
    the inputs of a contract that says they are not modified, where the arguments are not sent back
    after the call (an operation stream), so a write into one raises ``ValueError`` at the write.
    """
    e = _Encoder(max_items, readonly)
    return e.enc(value), e.blobs


class Decoder:
    """Reads values out of one frame's body within one budget.

    Every value read through the same decoder counts towards the same element and byte limits,
    and each blob may be read once: an operation stream's steps share a frame, and a blob
    referenced twice would otherwise be unpacked as many times as it is named. Anything
    malformed, too deep or too large raises :class:`WireError` before it is walked or unpacked.
    """

    def __init__(self, blobs: list[bytes], *, torch_ok: bool = False, max_elements: int = MAX_ELEMENTS,
                 max_bytes: int = MAX_BLOB_BYTES) -> None:
        self.blobs = blobs
        self.torch_ok = torch_ok
        self.max_elements = max_elements
        self.max_bytes = max_bytes
        self.items = 0
        self.nbytes = 0
        self.used: set[int] = set()

    def __call__(self, body: Any) -> Any:
        try:
            self._count(1)
            return self.dec(body)
        except WireError:
            raise
        except RecursionError:
            raise WireError(f"the value is nested deeper than {MAX_DEPTH} levels") from None
        except MemoryError:
            raise WireError("the value is too large to read") from None
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
            raise WireError(f"malformed value ({type(exc).__name__})") from None

    def _count(self, n: int) -> None:
        self.items += n
        if self.items > self.max_elements:
            raise WireError(f"the value has more than {self.max_elements:,} elements")

    def blob(self, i: Any) -> bytes:
        if type(i) is not int or not 0 <= i < len(self.blobs):
            raise WireError("bad blob reference")
        if i in self.used:
            raise WireError("a blob is referenced twice")
        self.used.add(i)
        return self._bytes(self.blobs[i])

    def _bytes(self, b: bytes) -> bytes:
        self.nbytes += len(b)
        if self.nbytes > self.max_bytes:
            raise WireError(f"the value holds more than {self.max_bytes >> 20} MB of arrays, packed lists and bytes")
        return b

    def arr(self, i: Any) -> Any:
        np = _np()
        data = self.blob(i)
        try:
            return np.load(io.BytesIO(data), allow_pickle=False)
        except Exception as exc:  # malformed npy bytes
            raise WireError(f"malformed array: {exc}") from None

    def items_of(self, v: Any) -> list[Any]:
        if type(v) is not list:
            raise WireError("malformed tagged value")
        self._count(len(v))
        return v

    def dec(self, v: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise WireError(f"the value is nested deeper than {MAX_DEPTH} levels")
        t = type(v)
        if t is list:
            self._count(len(v))  # before walking it: a list over the limit costs nothing
            return [self.dec(x, depth + 1) for x in v]
        if t is int:
            if -_INT_LIMIT < v < _INT_LIMIT:
                return v
            raise WireError(f"the value holds an int of more than {MAX_INT_DIGITS} digits")
        if t is not dict:
            if v is None or t is str or t is float or t is bool:
                return v
            raise WireError("malformed value")
        if len(v) not in (1, 2):
            raise WireError("malformed tagged value")
        if "$f" in v:
            s = v["$f"]
            if s not in ("nan", "inf", "-inf"):
                raise WireError("bad float tag")
            return float(s)
        if "$t" in v:
            return tuple(self.dec(x, depth + 1) for x in self.items_of(v["$t"]))
        if "$d" in v:
            pairs = self.items_of(v["$d"])
            self._count(len(pairs))  # a key and a value each
            out = {}
            for pair in pairs:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("malformed dict entry")
                k = self.dec(pair[0], depth + 1)
                try:
                    out[k] = self.dec(pair[1], depth + 1)
                except TypeError:
                    raise WireError("unhashable dict key") from None
            return out
        if "$s" in v:
            try:
                return set(self.dec(x, depth + 1) for x in self.items_of(v["$s"]))
            except TypeError:
                raise WireError("unhashable set element") from None
        if "$b" in v:
            if type(v["$b"]) is not str:
                raise WireError("malformed bytes")
            return self._bytes(base64.b64decode(v["$b"], validate=True))
        if "$fl" in v or "$il" in v:
            tag = "$fl" if "$fl" in v else "$il"
            i = v[tag]
            if type(i) is not int or not 0 <= i < len(self.blobs) or len(self.blobs[i]) % 8:
                raise WireError("bad packed list reference")
            self._count(len(self.blobs[i]) // 8)  # before unpacking
            arr = array("d" if tag == "$fl" else "q")
            arr.frombytes(self.blob(i))
            if _SWAP:
                arr.byteswap()
            return arr.tolist()
        if "$nd" in v:
            a = self.arr(v["$nd"])
            if v.get("ro") is True:
                a.flags.writeable = False
            return a
        if "$ns" in v:
            return self.arr(v["$ns"])[()]
        if "$pt" in v:
            a = self.arr(v["$pt"])
            if self.torch_ok:
                import torch

                tensor = torch.from_numpy(a.copy())
                if v.get("grad") and tensor.is_floating_point():
                    tensor.requires_grad_(True)
                return tensor
            return a
        raise WireError("unknown tagged value")


def decode(body: Any, blobs: list[bytes], *, torch_ok: bool = False, max_elements: int = MAX_ELEMENTS) -> Any:
    """Decode a value produced by :func:`encode`; :class:`WireError` for anything else.

    Nesting deeper than :data:`MAX_DEPTH`, more than ``max_elements`` values, more than
    :data:`MAX_BLOB_BYTES` of blobs or an int of more than :data:`MAX_INT_DIGITS` digits is
    refused before the offending part is walked or unpacked.
    """
    return Decoder(blobs, torch_ok=torch_ok, max_elements=max_elements)(body)


def pack(msg: dict[str, Any], blobs: list[bytes] | None = None) -> bytes:
    """Serialise one frame."""
    blobs = blobs or []
    body = json.dumps(msg, separators=(",", ":"), allow_nan=False).encode()
    parts = [_HEADER.pack(len(body), len(blobs)), body]
    for b in blobs:
        parts.append(_BLOB.pack(len(b)))
        parts.append(b)
    return b"".join(parts)


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    chunks = []
    while n:
        c = stream.read(n)
        if not c:
            raise EOFError("stream closed")
        chunks.append(c)
        n -= len(c)
    return b"".join(chunks)


MAX_JSON_VALUES = 2 * MAX_ELEMENTS  # commas in one frame's JSON body


def _loads(body: bytes) -> Any:
    """Parse a frame body, refusing one with too many values or too deep before it is parsed.

    Parsing JSON costs about 80 ns a value, so a 64 MB body of ``0,0,0,...`` would cost the
    reader seconds. Every value but the first in a list or object follows a comma, so the
    commas bound the count; counting them costs 10 ms for 64 MB. Commas inside strings count too:
    an honest frame holds a small fraction of the limit.
    """
    if body.count(b",") > MAX_JSON_VALUES:
        raise WireError(f"frame body has more than {MAX_JSON_VALUES:,} commas: too many values to read")
    try:
        return json.loads(body)
    except RecursionError:
        raise WireError("frame body is nested too deeply") from None
    except ValueError as exc:  # not JSON, not UTF-8, or an int too long to convert
        raise WireError(f"malformed frame body: {str(exc)[:200]}") from None


def read_frame(stream: BinaryIO, limit: int) -> tuple[dict[str, Any], list[bytes]]:
    """Read one frame, refusing more than ``limit`` bytes in total."""
    jlen, nblobs = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    total = jlen
    if total > limit:
        raise FrameTooLarge(f"message of {jlen} bytes exceeds the limit of {limit}")
    msg = _loads(_read_exact(stream, jlen))
    if not isinstance(msg, dict):
        raise WireError("frame body is not an object")
    blobs = []
    for _ in range(nblobs):
        (blen,) = _BLOB.unpack(_read_exact(stream, _BLOB.size))
        total += blen
        if total > limit:
            raise FrameTooLarge(f"message exceeds the limit of {limit} bytes")
        blobs.append(_read_exact(stream, blen))
    return msg, blobs


def read_raw_frame(stream: BinaryIO) -> bytes:
    """One frame's bytes as they came, unparsed (the harness forwards a task to its test process)."""
    head = _read_exact(stream, _HEADER.size)
    jlen, nblobs = _HEADER.unpack(head)
    parts = [head, _read_exact(stream, jlen)]
    for _ in range(nblobs):
        blen = _read_exact(stream, _BLOB.size)
        parts += [blen, _read_exact(stream, _BLOB.unpack(blen)[0])]
    return b"".join(parts)


def parse_frame(data: bytes, limit: int) -> tuple[dict[str, Any], list[bytes]]:
    """Parse a frame held in memory (what a child wrote to its result pipe)."""
    if len(data) > limit:
        raise FrameTooLarge(f"result of {len(data)} bytes exceeds the limit of {limit}")
    return read_frame(io.BytesIO(data), limit)
