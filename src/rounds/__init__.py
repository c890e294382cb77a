"""rounds: practise the machine-learning-engineer interview loop on your own machine."""

import os as _os

# The host forks sandboxes while other threads compute reference answers with NumPy. OpenBLAS's
# fork handler waits for its worker threads, and deadlocks when a matmul in another thread holds
# them; with one BLAS thread there is no pool to wait for. Set before NumPy is first imported.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
