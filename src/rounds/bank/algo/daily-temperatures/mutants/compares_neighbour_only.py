def daily_temperatures(temperatures):
    answer = [0] * len(temperatures)
    for i in range(len(temperatures) - 2, -1, -1):
        if temperatures[i + 1] > temperatures[i]:
            answer[i] = 1
        elif answer[i + 1]:
            answer[i] = answer[i + 1] + 1  # jumps once, but the next warmer day may still be colder than day i
    return answer
