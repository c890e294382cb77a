def token_budget_batches(lengths, max_tokens):
    if any(n > max_tokens for n in lengths):
        raise ValueError("a sequence is longer than max_tokens")
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))  # shortest first, ties by index
    batches, current, longest = [], [], 0
    for i in order:
        new_longest = max(longest, lengths[i])
        if current and (len(current) + 1) * new_longest > max_tokens:  # padded size with i included
            batches.append(current)
            current, new_longest = [], lengths[i]
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    return batches
