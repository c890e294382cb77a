from rounds.testkit import Call, floats

checker = floats(atol=0.0, rtol=1e-9)
PEAK_LIMIT = 2 << 20


def probe_check(case, probes):
    peak = probes.get("peak_bytes")
    if peak is not None and peak > PEAK_LIMIT:
        return f"peak memory {peak / 2**20:.0f} MB over the {PEAK_LIMIT >> 20} MB budget: sum in blocks"
    return None


def examples(level):
    return [Call((3,), expected=5.0)]


def hidden(level, rng):
    return [Call((10,)), Call((4_000_000,), probes=("memory",), note="memory: 4M terms")]
