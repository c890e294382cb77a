import heapq


def get_order(tasks):
    arrivals = sorted(range(len(tasks)), key=lambda i: tasks[i][0])
    ready, order, time, j, seq = [], [], 0, 0, 0
    while len(order) < len(tasks):
        if not ready and time < tasks[arrivals[j]][0]:
            time = tasks[arrivals[j]][0]
        while j < len(arrivals) and tasks[arrivals[j]][0] <= time:
            i = arrivals[j]
            heapq.heappush(ready, (tasks[i][1], seq, i))  # ties by arrival order, not by index
            seq += 1
            j += 1
        duration, _, i = heapq.heappop(ready)
        time += duration
        order.append(i)
    return order
