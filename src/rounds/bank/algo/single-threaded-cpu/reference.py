import heapq


def get_order(tasks: list[list[int]]) -> list[int]:
    arrivals = sorted(range(len(tasks)), key=lambda i: tasks[i][0])
    ready = []  # (processing_time, index)
    order = []
    time = 0
    j = 0
    while len(order) < len(tasks):
        if not ready and time < tasks[arrivals[j]][0]:
            time = tasks[arrivals[j]][0]  # idle until the next job arrives
        while j < len(arrivals) and tasks[arrivals[j]][0] <= time:
            i = arrivals[j]
            heapq.heappush(ready, (tasks[i][1], i))
            j += 1
        duration, i = heapq.heappop(ready)
        time += duration
        order.append(i)
    return order
