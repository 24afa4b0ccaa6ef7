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

**Start-up grace.** uvicorn's supervisor pings each worker every half second and kills one that has not answered
within ``timeout_worker_healthcheck`` (5 s), then starts another. A worker answers from a thread it starts only once
its new interpreter (``spawn``) has started and imported uvicorn and the command line's modules; on a loaded machine
that took 9.7–13.7 s of wall time (0.3 s of CPU, load 24–28 on two cores, 2026-12-05), so every new worker was
killed before it could answer and replaced by another that fared no better: ``serve --workers 2`` on SQLite under
load restarted a worker in a loop (replay-g saw 16 restarts; reproduced here with ``bench/web.py --server-log``, two
deaths within a minute of starting, no request served by the workers killed). Here a worker that has not answered
yet is given :data:`STARTUP_GRACE` from its start: one ping is sent when it starts and its answer awaited without
blocking; once it has answered, the usual check applies (a hung worker is still replaced within 5 s).

**Listening from the start.** A worker's server makes its socket listen only once its app is built (uvicorn's
``loop.create_server``), and a socket bound but not listening refuses every connection: under load the port refused
connections for some 20 s after ``serve --workers 2`` had printed its address, the time the workers took to start
(attack19 saw it, attack20 found why). The supervisor now makes each socket listen as it binds it, before the
address is printed: a connection made while the workers start waits in the socket's queue (``BACKLOG``) and is
answered as soon as its worker serves, as a connection to a worker being replaced always did.
"""

from __future__ import annotations

import gc
import logging
import socket
import time

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process

logger = logging.getLogger("uvicorn.error")
BACKLOG = 2048  # uvicorn's default backlog: connections the kernel queues on a socket before a worker accepts them
STARTUP_GRACE = 120.0  # seconds a new worker may take to answer its first health check (see the module)


def settle_heap() -> None:
    """Collect once, then freeze every object that exists into the permanent generation (see the module)."""
    gc.collect()
    gc.freeze()


def own_sockets(host: str, port: int, count: int, backlog: int = BACKLOG) -> list[socket.socket] | None:
    """``count`` sockets bound to ``host:port`` with ``SO_REUSEPORT``, listening already (see *Listening from the
    start*), or None where the platform has no ``SO_REUSEPORT`` (or ``count`` < 2)."""
    if count < 2 or not hasattr(socket, "SO_REUSEPORT"):
        return None
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sockets.append(_bound(host, port, backlog))
            port = sockets[-1].getsockname()[1]  # port 0: the others take the port the first one was given
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _bound(host: str, port: int, backlog: int = BACKLOG) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(backlog)  # connections queue from now on, while the worker starts (see the module)
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock


def listening_sockets(config: Config) -> list[socket.socket]:
    """The sockets of ``config.workers`` workers on ``config``'s address, listening (see *Listening from the
    start*): one each where the platform allows (see the module), else uvicorn's one shared socket (one worker:
    ``serve``'s single process, which listens before it prints its address too)."""
    sockets = own_sockets(config.host, config.port, config.workers, config.backlog)
    if sockets is None:
        sock = config.bind_socket()
        sock.listen(config.backlog)
        sockets = [sock]
    return sockets


class OwnSocketWorkers(Multiprocess):
    """uvicorn's supervisor (health checks, restarts, signals), worker ``i`` always on ``sockets[i]``."""

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        super().__init__(config, sockets=sockets)
        self.processes_num = len(sockets)
        self.starting: dict[int, float] = {}  # worker index → when its process started, until it first answers

    def _started(self, index: int, greet: bool = True) -> Process:
        """A new worker on ``sockets[index]``; ``greet``: its first ping sent now, its answer awaited by
        :meth:`keep_subprocess_alive` for up to :data:`STARTUP_GRACE`."""
        process = Process(self.config, [self.sockets[index]])
        process.start()
        if greet:
            try:
                process.parent_conn.send(b"ping")  # read by the worker's answering thread once it runs
                self.starting[index] = time.monotonic()
            except OSError:
                self.starting.pop(index, None)
        return process

    def _first_answer(self, index: int, process: Process) -> bool | None:
        """True once a starting worker has answered its first ping; False while it may still start; None when
        it has had :data:`STARTUP_GRACE` (or its pipe broke) without answering."""
        try:
            if process.parent_conn.poll(0):
                process.parent_conn.recv()
                del self.starting[index]
                return True
        except (OSError, EOFError):
            return None
        return False if time.monotonic() - self.starting[index] < STARTUP_GRACE else None

    def init_processes(self) -> None:
        self.processes = [self._started(index) for index in range(self.processes_num)]

    def restart_all(self) -> None:
        """Replace each worker in turn (SIGHUP): the new one on the same socket, serving before the old stops."""
        for index, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new = self._started(index, greet=False)  # awaited here, as uvicorn's own restart does
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                if not self.should_exit.is_set():
                    logger.error("新工作进程 [%s] 未能及时就绪，保留原工作进程 [%s]", new.pid, old.pid)
                return
            while new.parent_conn.poll(0):  # the answers to the pings wait_until_ready sent after the one it read
                new.parent_conn.recv()
            self.starting.pop(index, None)
            old.terminate()
            old.join()
            self.processes[index] = new

    def keep_subprocess_alive(self) -> None:
        """A worker that died or hangs is replaced on its socket; one that failed to start stops the server."""
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if index in self.starting and process.process.is_alive():
                answer = self._first_answer(index, process)
                if answer is not None:
                    continue  # answered now, or still within its start-up grace
                logger.error("工作进程 [%s] 启动后 %d 秒内没有应答，重新启动", process.pid, STARTUP_GRACE)
            elif process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            self.starting.pop(index, None)
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                logger.error("工作进程 [%s] 启动失败，停止服务", process.pid)
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            logger.warning("工作进程 [%s] 已退出，重新启动", process.pid)
            self.processes[index] = self._started(index)


    def handle_ttin(self) -> None:
        """One worker more (SIGTTIN), on a new socket of its own on the same address."""
        logger.warning("收到 SIGTTIN：增加一个工作进程")
        host, port = self.sockets[0].getsockname()[:2]
        self.sockets.append(_bound(host, port))
        self.processes_num += 1
        self.processes.append(self._started(len(self.sockets) - 1))

    def handle_ttou(self) -> None:
        """One worker fewer (SIGTTOU): the last one stops and its socket is closed, so that no connection
        is hashed to a socket nobody accepts on."""
        logger.warning("收到 SIGTTOU：减少一个工作进程")
        if self.processes_num <= 1:
            logger.warning("只剩一个工作进程，不能再减少")
            return
        self.processes_num -= 1
        process = self.processes.pop()
        self.starting.pop(len(self.processes), None)
        self.sockets.pop().close()
        process.terminate()
        process.join()


def run_workers(config: Config, sockets: list[socket.socket] | None = None) -> None:
    """Run ``config.workers`` (two or more) worker processes of ``config``'s app (an import string), each on
    a socket of its own where the platform allows (see the module), else on uvicorn's one shared socket;
    ``sockets`` from :func:`listening_sockets` (made here when not given)."""
    if sockets is None:
        sockets = listening_sockets(config)
    supervisor = OwnSocketWorkers(config, sockets) if len(sockets) > 1 else Multiprocess(config, sockets=sockets)
    try:
        supervisor.run()
    except KeyboardInterrupt:
        pass
    finally:
        for sock in sockets:
            sock.close()
