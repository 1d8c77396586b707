"""One app per vault: a second ``taiwa`` hands over to the running one and exits.

The running app listens on a local socket (:class:`InstanceServer`, a ``QLocalServer``) named
after a hash of the user and the vault's resolved folder — never the path in clear. On Linux,
the BSDs and macOS it is a socket file in ``$XDG_RUNTIME_DIR`` (the user's private runtime
folder), else in the temporary folder; Qt binds it in a private temporary folder, makes it
user-only (0700) and only then renames it into place. On Windows it is a named pipe whose ACL
admits the user only.

A second ``taiwa`` on the same vault calls :func:`hand_over` before it opens the vault: it sends
the fixed message ``raise`` — never an argument, never a secret — and the running app brings its
window to the front (the unlock screen, if it is locked) and answers ``ok``. No answer within
:data:`HANDOVER_TIMEOUT_MS` and the second start goes on as before (and meets the vault's
instance lock, :mod:`taiwa.vault.lock`, which says the vault is in use).

Cheap on purpose, since start-up is benchmarked and almost every start finds no one: until a
socket file exists, :func:`hand_over` costs one ``stat``, and QtNetwork is imported only to talk
to a socket that is there — or, in the app, to listen, once its first screen is up.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: The only request: bring the window to the front. Anything else is dropped unanswered.
RAISE = b"raise\n"
#: The running app's answer, once its window is in front.
ACK = b"ok\n"
#: How long a second start waits for the running app's answer before going on as before.
HANDOVER_TIMEOUT_MS = 1000
#: When the running app starts listening, after its window is shown. Listening costs QtNetwork's
#: import (≈ 8-18 ms); the first screen must not wait for it. A second start in between meets
#: the vault's instance lock, and run_gui then asks once more (``wait_for_server_ms``).
LISTEN_DELAY_MS = 500
# A connection that has not sent its request by then is dropped.
_IDLE_MS = 2000
# Unix socket paths are limited to 104-108 bytes (sockaddr_un.sun_path).
_MAX_SOCKET_PATH = 100


def server_name(vault_dir: str | os.PathLike[str]) -> str:
    """The local server's name for this user and vault (the same for every path to it).

    A hash, so that the socket's name says nothing about where the vault is; the user is in it
    so that two users of one machine (one shared temporary folder) never meet.
    """
    folder = os.path.realpath(vault_dir)
    user = os.environ.get("USERNAME", "") if sys.platform == "win32" else str(os.getuid())
    digest = hashlib.sha256(
        f"taiwa-single-instance\0{user}\0{folder}".encode("utf-8", "surrogateescape")
    ).hexdigest()
    # 80 bits tell vaults apart; a short name keeps the path within a socket's limit.
    name = f"taiwa-{digest[:20]}"
    if sys.platform == "win32":  # pragma: no cover - a named pipe, \\.\pipe\taiwa-…
        return name
    path = os.path.join(_socket_dir(), name)
    if len(os.fsencode(path)) > _MAX_SOCKET_PATH:
        # A deep TMPDIR: the shared /tmp instead, where a file is used only if it is ours.
        path = os.path.join("/tmp", name)  # noqa: S108
    return path


def _socket_dir() -> str:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return runtime
    # What QDir::tempPath() would say, without importing tempfile (start-up time).
    return os.environ.get("TMPDIR") or "/tmp"  # noqa: S108 - see _may_be_listening


def _may_be_listening(name: str) -> bool:
    """Whether a server of ours may be there: a socket file owned by this user.

    A file of another user (a shared /tmp) is never talked to. On Windows a pipe cannot be
    looked at without connecting to it, so the answer is always yes.
    """
    if sys.platform == "win32":  # pragma: no cover
        return True
    try:
        info = os.lstat(name)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def hand_over(
    vault_dir: str | os.PathLike[str],
    *,
    wait_for_server_ms: int = 0,
    timeout_ms: int = HANDOVER_TIMEOUT_MS,
) -> bool:
    """Ask a running Taiwa on ``vault_dir`` to bring its window to the front.

    True when it answered that it did; False when no one listens, a crashed instance left its
    socket behind, or the answer did not come within ``timeout_ms``. ``wait_for_server_ms``
    waits that long for the server to appear (an app that has only just started).
    """
    name = server_name(vault_dir)
    deadline = time.monotonic() + wait_for_server_ms / 1000
    while not _may_be_listening(name):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return _send_raise(name, timeout_ms)


def _send_raise(name: str, timeout_ms: int) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    end = time.monotonic() + timeout_ms / 1000

    def left() -> int:
        return max(0, int((end - time.monotonic()) * 1000))

    sock = QLocalSocket()
    try:
        sock.connectToServer(name)
        if not sock.waitForConnected(left()):
            return False  # a stale socket (connection refused) or no server at all
        sock.write(RAISE)
        sock.flush()
        reply = b""
        while len(reply) < len(ACK):
            if not sock.waitForReadyRead(left()):
                break
            reply += bytes(sock.read(len(ACK) - len(reply)).data())
        return reply == ACK
    finally:
        sock.abort()


def _someone_listens(name: str, timeout_ms: int = 250) -> bool:
    """Whether a live server answers a connection on ``name`` (not a crashed one's file)."""
    if not _may_be_listening(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    alive = sock.waitForConnected(timeout_ms)
    sock.abort()
    return bool(alive)


class InstanceServer(QObject):
    """The running app's end: answers ``raise`` by emitting :attr:`raise_requested`."""

    #: Another ``taiwa`` on this vault asked for the window.
    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def listen(self) -> bool:
        """Start listening; False if another live instance has the name, or it failed.

        Qt renames its freshly made socket into place and would replace a live one's without
        a word (with socket options set), so a live server is asked first and left alone. A
        crashed instance's socket file does not answer and is removed.
        """
        from PySide6.QtNetwork import QLocalServer

        if self.listening:
            return True
        if _someone_listens(self.name):
            log.info("another Taiwa already listens for this vault")
            return False
        if sys.platform != "win32" and os.path.lexists(self.name):
            if not _may_be_listening(self.name):
                # Not a socket of ours (someone else's file in a shared /tmp): leave it.
                log.warning("single-instance socket name taken by a foreign file")
                return False
            QLocalServer.removeServer(self.name)  # a crashed instance's socket
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_new_connection)
        if not server.listen(self.name):
            log.warning("single-instance server not started: %s", server.serverError().name)
            server.deleteLater()
            return False
        self._server = server
        if sys.platform != "win32":
            # A process that ends without quitting Qt (tests that launch the app) removes its
            # socket too; a crash leaves it behind, and the next start replaces it.
            atexit.register(_remove_socket, self.name, os.lstat(self.name).st_ino)
        return True

    def close(self) -> None:
        """Stop listening and remove the socket (at quit)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            sock = server.nextPendingConnection()
            if sock is not None:
                self._serve(sock)

    def _serve(self, sock: QLocalSocket) -> None:
        # Never more than the request (and one byte to tell a longer message) is read.
        sock.setReadBufferSize(len(RAISE) + 1)
        received = bytearray()

        def on_ready_read() -> None:
            received.extend(bytes(sock.read(len(RAISE) + 1 - len(received)).data()))
            if len(received) < len(RAISE) and RAISE.startswith(received):
                return  # the rest is on its way
            if bytes(received) == RAISE:
                self.raise_requested.emit()  # the window is in front before the answer goes
                sock.write(ACK)
                sock.flush()
            sock.disconnectFromServer()

        sock.readyRead.connect(on_ready_read)
        sock.disconnected.connect(sock.deleteLater)
        QTimer.singleShot(_IDLE_MS, sock, sock.abort)
        if sock.bytesAvailable():
            on_ready_read()  # it came with the connection, before anyone listened for it


def _remove_socket(name: str, inode: int) -> None:
    """Remove the socket file ``name`` if it is still the one this process made."""
    try:
        if os.lstat(name).st_ino == inode:
            os.unlink(name)
    except OSError:
        pass


def serve(vault_dir: Path, window: Any) -> InstanceServer | None:
    """Listen for second starts on ``vault_dir``: each brings ``window`` to the front.

    The server lives as long as the window (its child) and removes its socket at quit.
    """
    from PySide6.QtCore import QCoreApplication

    server = InstanceServer(server_name(vault_dir), window)
    server.raise_requested.connect(window.bring_to_front)
    if not server.listen():
        server.deleteLater()
        return None
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(server.close)
    return server
