"""Several worker processes for ``perfbudget serve --workers N``: connections spread evenly, a settled heap.

**Connections.** uvicorn's own supervisor hands every worker the same listening socket. Each
worker's event loop, woken by a new connection, accepts every connection waiting at that moment,
so a burst (a hundred browsers opening their keep-alive connections within a few milliseconds)
goes mostly to whichever worker woke first, and a keep-alive connection stays with its worker:
measured on 2026-12-03 with ``bench/web.py`` (100 clients, 2 workers) the split was 65/35, 81/19
and 73/27, and the clients of the busier worker waited two to four times as long. Here every
worker gets a listening socket of its own on the same address (``SO_REUSEPORT``): the kernel
hashes each new connection (its addresses and ports) to one of the sockets, so the connections
split as coin tosses do, whoever is busy at the moment (50 ± 5 of 100 per worker). A worker that
dies is replaced on the same socket (the supervisor keeps it open, connections wait in its queue
meanwhile). Where ``SO_REUSEPORT`` is missing (not Linux/BSD), uvicorn's shared socket is used.

**Heap.** :func:`settle_heap` (called when a worker's app is built) collects once and freezes what
exists (``gc.freeze``: the imported modules, the app, its routes and templates), so the full (gen-2)
collections that come later walk only what was made since, not the 100,000-odd objects of the
start-up every time (measured: 63–98 ms of CPU per full collection with 106,000–168,000 objects,
while a project page costs about 2 ms: every request in flight waited for it).
"""

from __future__ import annotations

import gc
import logging
import socket

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process

logger = logging.getLogger("uvicorn.error")


def settle_heap() -> None:
    """Collect once, then freeze every object that exists into the permanent generation (see the module)."""
    gc.collect()
    gc.freeze()


def own_sockets(host: str, port: int, count: int) -> list[socket.socket] | None:
    """``count`` sockets bound to ``host:port`` with ``SO_REUSEPORT`` (not yet listening: each worker's
    server listens on its own), or None where the platform has no ``SO_REUSEPORT`` (or ``count`` < 2)."""
    if count < 2 or not hasattr(socket, "SO_REUSEPORT"):
        return None
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sockets.append(_bound(host, port))
            port = sockets[-1].getsockname()[1]  # port 0: the others take the port the first one was given
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _bound(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock


class OwnSocketWorkers(Multiprocess):
    """uvicorn's supervisor (health checks, restarts, signals), worker ``i`` always on ``sockets[i]``."""

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        super().__init__(config, sockets=sockets)
        self.processes_num = len(sockets)

    def _started(self, index: int) -> Process:
        process = Process(self.config, [self.sockets[index]])
        process.start()
        return process

    def init_processes(self) -> None:
        self.processes = [self._started(index) for index in range(self.processes_num)]

    def restart_all(self) -> None:
        """Replace each worker in turn (SIGHUP): the new one on the same socket, serving before the old stops."""
        for index, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new = self._started(index)
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                if not self.should_exit.is_set():
                    logger.error("New child process [%s] was not ready in time; keeping worker [%s]", new.pid,
                                 old.pid)
                return
            old.terminate()
            old.join()
            self.processes[index] = new

    def keep_subprocess_alive(self) -> None:
        """A worker that died or hangs is replaced on its socket; one that failed to start stops the server."""
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                logger.error("Child process [%s] failed to start, stopping the parent process.", process.pid)
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            logger.info("Child process [%s] died", process.pid)
            self.processes[index] = self._started(index)


    def handle_ttin(self) -> None:
        """One worker more (SIGTTIN), on a new socket of its own on the same address."""
        logger.info("Received SIGTTIN, increasing the number of processes.")
        host, port = self.sockets[0].getsockname()[:2]
        self.sockets.append(_bound(host, port))
        self.processes_num += 1
        self.processes.append(self._started(len(self.sockets) - 1))

    def handle_ttou(self) -> None:
        """One worker fewer (SIGTTOU): the last one stops and its socket is closed, so that no connection
        is hashed to a socket nobody accepts on."""
        logger.info("Received SIGTTOU, decreasing number of processes.")
        if self.processes_num <= 1:
            logger.info("Already reached one process, cannot decrease the number of processes anymore.")
            return
        self.processes_num -= 1
        process = self.processes.pop()
        self.sockets.pop().close()
        process.terminate()
        process.join()


def run_workers(config: Config) -> None:
    """Run ``config.workers`` (two or more) worker processes of ``config``'s app (an import string), each on
    a socket of its own where the platform allows (see the module), else on uvicorn's one shared socket."""
    sockets = own_sockets(config.host, config.port, config.workers) or [config.bind_socket()]
    supervisor = OwnSocketWorkers(config, sockets) if len(sockets) > 1 else Multiprocess(config, sockets=sockets)
    try:
        supervisor.run()
    except KeyboardInterrupt:
        pass
    finally:
        for sock in sockets:
            sock.close()
