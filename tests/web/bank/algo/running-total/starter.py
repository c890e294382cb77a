def running_total(xs: list[int]) -> list[int]:
    raise NotImplementedError
