class Allocator:
    """A simulated allocator over an arena of `capacity` bytes (addresses 0 .. capacity - 1)."""

    def __init__(self, capacity: int) -> None:
        """1 <= capacity <= 10**6. The whole arena starts as one free block."""

    # ---- level 1 -------------------------------------------------------
    def malloc(self, owner: str, size: int) -> int | None:
        """First fit: the start of the lowest-addressed free block of size >= size.

        The allocation takes the start of that block; the rest stays free.
        None (nothing changes) when size < 1 or no free block is large enough.
        """
        raise NotImplementedError

    def free(self, addr: int) -> bool:
        """Release the allocation that starts at addr; True.

        False, changing nothing, when no live allocation starts at addr (inside an
        allocation, a free block, a double free, out of range). Freed bytes merge with
        the free blocks directly before and after them.
        """
        raise NotImplementedError

    def size_of(self, addr: int) -> int | None:
        """Size of the allocation that starts at addr; None when none starts there."""
        raise NotImplementedError

    def free_bytes(self) -> int:
        """Total free bytes."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def largest_free(self) -> int:
        """Size of the largest free block; 0 when the arena is full."""
        raise NotImplementedError

    def usage(self, owner: str) -> int:
        """Bytes allocated to owner; 0 when it holds nothing or is unknown."""
        raise NotImplementedError

    def top_owners(self, k: int) -> list[str]:
        """Up to k owners holding bytes, as "owner(bytes)": bytes desc, then name asc; [] if k <= 0."""
        raise NotImplementedError

    def free_blocks(self, min_size: int) -> list[str]:
        """Free blocks of size >= min_size as "address(size)": size desc, then address asc."""
        raise NotImplementedError

    def free_owner(self, owner: str) -> int:
        """Free every allocation of owner (with coalescing); the bytes released (0 if none)."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def set_quota(self, owner: str, limit: int | None) -> None:
        """Cap owner's allocated bytes at limit (None removes the cap). Frees nothing. Returns None."""
        raise NotImplementedError

    def realloc(self, addr: int, new_size: int) -> int | None:
        """Resize the allocation starting at addr, keeping its owner.

        None (no change) for no allocation at addr, new_size < 1, a quota exceeded by
        the extra bytes, or no room. Same size: addr. Shrink: in place, tail freed and
        merged with a free block after it, always allowed. Grow: in place into a free
        block directly after it when that suffices; else move to where malloc would
        place new_size bytes while the old block is still held, then free the old one.
        """
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def set_policy(self, name: str) -> bool:
        """"first_fit" | "best_fit" | "next_fit": True and use it; anything else False.

        best_fit: smallest fitting block, ties to the lowest address. next_fit: the first
        fitting block starting at >= cursor, else wrap to the lowest fitting block. The
        cursor starts at 0 and becomes address + size after every placement (malloc or a
        moving realloc) under any policy.
        """
        raise NotImplementedError

    def snapshot(self) -> int:
        """Record blocks, owners, quotas, policy and cursor; ids 1, 2, 3, ... never reused."""
        raise NotImplementedError

    def restore(self, snapshot_id: int) -> bool:
        """Return to a recorded state; False for an unknown id. Snapshots survive restores."""
        raise NotImplementedError
