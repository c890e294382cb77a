def daily_temperatures(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)
    waiting = []  # indices still waiting for a greater value; their values never increase
    for i, t in enumerate(temperatures):
        while waiting and temperatures[waiting[-1]] <= t:  # an equal day is not warmer
            j = waiting.pop()
            answer[j] = i - j
        waiting.append(i)
    return answer
