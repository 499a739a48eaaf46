"""Pool workers that end when the pool's owner ends, even by SIGKILL.

A worker left behind blocks forever on its task queue. Under forkserver its parent is the
fork server, which outlives the owner while any worker lives; so each worker watches the
owner itself, through the sentinel pipe that multiprocessing keeps for it (EOF once the
owner is gone; any start method, any OS). The fork server ends with its last worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: From <linux/prctl.h>.
PR_SET_PDEATHSIG = 1
#: Exit status of a worker whose owner has gone.
ORPHANED = 70


def init_worker(initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    """Pool initialiser: start watching the owner, then ``initializer(*initargs)``."""
    owner = multiprocessing.parent_process()
    if owner is not None:
        _kernel_watch(owner.pid)
        threading.Thread(target=_exit_after, args=(owner,), name="owner-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def checked(fn: Callable[[T], R], batch: T) -> R:
    """``fn(batch)``, unless the owner has gone meanwhile: then this worker exits."""
    owner = multiprocessing.parent_process()
    if owner is not None and not owner.is_alive():
        os._exit(ORPHANED)
    return fn(batch)


def _exit_after(owner: BaseProcess) -> None:
    owner.join()  # waits on the sentinel, no polling
    os._exit(ORPHANED)


def _kernel_watch(owner_pid: int | None) -> None:
    """Linux, fork or spawn (the OS parent is the owner): the kernel SIGKILLs this worker
    when the owner's thread that started it ends, even if this worker never yields the GIL."""
    if not sys.platform.startswith("linux") or os.getppid() != owner_pid:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0 and os.getppid() != owner_pid:
        os._exit(ORPHANED)  # the owner ended before the prctl
