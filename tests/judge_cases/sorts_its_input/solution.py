def sorted_copy(xs):
    xs.sort()  # the caller's list
    return list(xs)
