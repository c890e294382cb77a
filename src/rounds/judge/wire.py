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
MAX_DEPTH = 64
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
    def __init__(self, max_items: int) -> None:
        self.blobs: list[bytes] = []
        self.items = 0
        self.max_items = max_items

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
        if self.items > self.max_items:
            raise WireError(f"value has more than {self.max_items} elements")
        if _SWAP:
            arr.byteswap()
        return {tag: self.blob(arr.tobytes())}

    def enc(self, v: Any, depth: int = 0) -> Any:
        self.items += 1
        if self.items > self.max_items:
            raise WireError(f"value has more than {self.max_items} elements")
        if depth > MAX_DEPTH:
            raise WireError(f"value is nested deeper than {MAX_DEPTH} levels")
        t = type(v)
        if v is None or t is bool or t is str:
            return v
        if t is int:
            return v
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


def encode(value: Any, *, max_items: int = 5_000_000) -> tuple[Any, list[bytes]]:
    """Encode a value into (json-able body, blobs)."""
    e = _Encoder(max_items)
    return e.enc(value), e.blobs


class _Decoder:
    def __init__(self, blobs: list[bytes], torch_ok: bool) -> None:
        self.blobs = blobs
        self.torch_ok = torch_ok

    def arr(self, i: Any) -> Any:
        np = _np()
        if not isinstance(i, int) or not 0 <= i < len(self.blobs):
            raise WireError("bad array reference")
        try:
            return np.load(io.BytesIO(self.blobs[i]), allow_pickle=False)
        except Exception as exc:  # malformed npy bytes
            raise WireError(f"malformed array: {exc}") from None

    def dec(self, v: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH + 2:
            raise WireError("value nested too deeply")
        if isinstance(v, list):
            return [self.dec(x, depth + 1) for x in v]
        if not isinstance(v, dict):
            return v
        if len(v) not in (1, 2):
            raise WireError("malformed tagged value")
        if "$f" in v:
            s = v["$f"]
            if s not in ("nan", "inf", "-inf"):
                raise WireError("bad float tag")
            return float(s)
        if "$t" in v:
            return tuple(self.dec(x, depth + 1) for x in v["$t"])
        if "$d" in v:
            out = {}
            for pair in v["$d"]:
                k, x = pair
                k = self.dec(k, depth + 1)
                try:
                    out[k] = self.dec(x, depth + 1)
                except TypeError:
                    raise WireError("unhashable dict key") from None
            return out
        if "$s" in v:
            try:
                return set(self.dec(x, depth + 1) for x in v["$s"])
            except TypeError:
                raise WireError("unhashable set element") from None
        if "$b" in v:
            return base64.b64decode(v["$b"])
        if "$fl" in v or "$il" in v:
            tag = "$fl" if "$fl" in v else "$il"
            i = v[tag]
            if not isinstance(i, int) or not 0 <= i < len(self.blobs) or len(self.blobs[i]) % 8:
                raise WireError("bad packed list reference")
            arr = array("d" if tag == "$fl" else "q")
            arr.frombytes(self.blobs[i])
            if _SWAP:
                arr.byteswap()
            return arr.tolist()
        if "$nd" in v:
            return self.arr(v["$nd"])
        if "$ns" in v:
            return self.arr(v["$ns"])[()]
        if "$pt" in v:
            a = self.arr(v["$pt"])
            if self.torch_ok:
                import torch

                t = torch.from_numpy(a.copy())
                if v.get("grad") and t.is_floating_point():
                    t.requires_grad_(True)
                return t
            return a
        raise WireError("unknown tagged value")


def decode(body: Any, blobs: list[bytes], *, torch_ok: bool = False) -> Any:
    """Decode a value produced by :func:`encode`."""
    return _Decoder(blobs, torch_ok).dec(body)


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


def read_frame(stream: BinaryIO, limit: int) -> tuple[dict[str, Any], list[bytes]]:
    """Read one frame, refusing more than ``limit`` bytes in total."""
    jlen, nblobs = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    total = jlen
    if total > limit:
        raise FrameTooLarge(f"message of {jlen} bytes exceeds the limit of {limit}")
    msg = json.loads(_read_exact(stream, jlen))
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


def parse_frame(data: bytes, limit: int) -> tuple[dict[str, Any], list[bytes]]:
    """Parse a frame held in memory (what a child wrote to its result pipe)."""
    if len(data) > limit:
        raise FrameTooLarge(f"result of {len(data)} bytes exceeds the limit of {limit}")
    return read_frame(io.BytesIO(data), limit)
