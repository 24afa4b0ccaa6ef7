"""Convert a legacy document with LibreOffice headless (``soffice --convert-to``), bounded.

There is no well-kept pure-Python reader for Word 97-2003 (.doc) or WPS text (.wps), so
these are converted to .docx by LibreOffice and read by the docx reader. Each conversion:

* runs in its own temporary directory, with its own LibreOffice user profile
  (``-env:UserInstallation=file:///tmp/…``), so concurrent conversions (web workers, several
  CLI processes) never share or lock a profile; the directory is removed afterwards;
* gets a time limit (:data:`DEFAULT_TIMEOUT_S`, env ``PERFBUDGET_CONVERT_TIMEOUT``, in seconds):
  a conversion that hangs is killed with its whole process group;
* reaches no network: the profile's settings (:data:`OFFLINE_SETTINGS`) remove LibreOffice's providers of
  ``http``, ``https``, WebDAV, FTP and CMIS addresses and block linked pictures, so a picture or section a document
  links to a web address is never fetched (a .doc linking an image to ``http://127.0.0.1:…/`` had the server send
  OPTIONS, HEAD and GET there, from inside its own network, until attack38: a request forged for any uploader);
* only starts for a file within the size limit (``Limits.max_file_bytes``, checked before any
  reader runs); its result must be within the same limit and is then checked like any docx
  (``check_zip``: unpacked size, compression ratio).

The program is ``soffice`` on ``PATH`` (Debian: ``libreoffice-writer-nogui``), or the file named
by env ``PERFBUDGET_SOFFICE``. Without it the user is told how to install it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from perfbudget.config import Limits, megabytes_over
from perfbudget.model import Problem, Source

DEFAULT_TIMEOUT_S = 120.0
INSTALL_HINT = ("读取{what}需要 LibreOffice，但本机没有找到（soffice）。请安装 LibreOffice："
                "Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui，"
                "Windows/macOS 从 LibreOffice 官网下载安装；已安装在其他位置时，用环境变量 PERFBUDGET_SOFFICE "
                "指定 soffice 的路径。也可以在 Word/WPS 中把文件另存为 .docx 后再导入。")


# LibreOffice's user settings for every conversion (the profile's registrymodifications.xcu): the content providers
# that reach the network removed (their names are LibreOffice's own, main.xcd's ucb ProviderData), and linked pictures
# of an untrusted document blocked (without the providers' removal that still sent OPTIONS and HEAD to the address)
_NETWORK_PROVIDERS = ("Provider3", "Provider4", "Provider4a", "Provider6", "Provider12", "Provider12a", "Provider12b",
                      "Provider43")  # http, vnd.sun.star.webdav, webdav, ftp, https, …webdavs, webdavs, cmis
_PROVIDERS = "/org.openoffice.ucb.Configuration/ContentProviders/Local/SecondaryKeys/Office/ProviderData"


def offline_settings(providers: Iterable[str]) -> str:
    """The profile's settings removing ``providers`` (their node names) and blocking linked pictures."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Office.Common/Security/Scripting">'
            '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>\n'
            + "".join(f'<item oor:path="{_PROVIDERS}"><node oor:name="{name}" oor:op="remove"/></item>\n'
                      for name in providers)
            + "</oor:items>\n")


OFFLINE_SETTINGS = offline_settings(_NETWORK_PROVIDERS)

# The address schemes a provider may keep (file, a document's own package and the program's own files): every other
# provider the installed LibreOffice registers is removed, whatever its version names it (attack38's second reading:
# the names above are one version's, a LibreOffice with GIO, SMB or SFTP providers kept them)
LOCAL_SCHEMES = frozenset({"file", "pkg", "zip", "expand", "tdoc", "hier", "image", "private"})
_PROVIDER = re.compile(r'<node oor:name="([^"]+)" oor:op="replace">\s*<prop oor:name="ServiceName">\s*<value>[^<]*'
                       r'</value>\s*</prop>\s*<prop oor:name="URLTemplate">\s*<value>([^<]*)</value>')


def provider_schemes(registry: Path) -> dict[str, str]:
    """The content providers the registry folder's ``*.xcd`` declare: node name → address scheme (its URLTemplate
    without the ``vnd.sun.star.`` or ``vnd.libreoffice.`` prefix, lower case)."""
    found: dict[str, str] = {}
    for xcd in sorted(registry.glob("*.xcd")):
        for name, template in _PROVIDER.findall(xcd.read_text(encoding="utf-8", errors="replace")):
            found[name] = template.strip().lower().removeprefix("vnd.sun.star.").removeprefix("vnd.libreoffice.")
    return found


@functools.lru_cache(maxsize=4)
def non_local_providers(registry: Path) -> tuple[str, ...]:
    """The providers to remove for a LibreOffice whose registry is ``registry``: every one whose scheme is not in
    :data:`LOCAL_SCHEMES`, and the known network ones (:data:`_NETWORK_PROVIDERS`) whatever the registry says."""
    others = (name for name, scheme in provider_schemes(registry).items() if scheme not in LOCAL_SCHEMES)
    return tuple(sorted({*_NETWORK_PROVIDERS, *others}))


def registry_of(program: str) -> Path:
    """The registry folder of the LibreOffice ``program`` runs (``…/program/soffice`` → ``…/share/registry``)."""
    return Path(os.path.realpath(program)).parent.parent / "share" / "registry"


def offline_profile(folder: Path, providers: Iterable[str] = _NETWORK_PROVIDERS) -> Path:
    """A new LibreOffice profile in ``folder`` removing ``providers`` (LibreOffice fills in the rest)."""
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(offline_settings(providers), encoding="utf-8")
    return profile


def soffice_path() -> str | None:
    """The LibreOffice program to run, or None when it is not installed."""
    explicit = os.environ.get("PERFBUDGET_SOFFICE", "").strip()
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_timeout() -> float:
    """Seconds a conversion may take (env PERFBUDGET_CONVERT_TIMEOUT; default 120)."""
    text = os.environ.get("PERFBUDGET_CONVERT_TIMEOUT", "").strip()
    try:
        value = float(text) if text else DEFAULT_TIMEOUT_S
    except ValueError:
        value = DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the conversion and everything it started (soffice forks soffice.bin)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):  # a process that survives SIGKILL is left
        process.communicate(timeout=10)


def convert(data: bytes, file: str, suffix: str, target: str, what: str,
            limits: Limits) -> tuple[bytes | None, Problem | None]:
    """``data`` (a file of type ``suffix``, e.g. ``.doc``) converted to ``target`` (e.g. ``docx``).

    Returns the converted bytes, or the problem to tell the user (``what`` names the form in
    messages, e.g. ``Word 97-2003 文件（.doc）``). Never raises on bad input.
    """
    program = soffice_path()
    if program is None:
        return None, Problem(Source(file), INSTALL_HINT.format(what=what))
    timeout = convert_timeout()
    with tempfile.TemporaryDirectory(prefix="perfbudget-convert-") as work:
        folder = Path(work)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        command = [program, "--headless", "--norestore", "--nolockcheck", "--nodefault",
                   "-env:UserInstallation="
                   + offline_profile(folder, non_local_providers(registry_of(program))).as_uri(),
                   "--convert-to", target, "--outdir", str(out), str(source)]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, cwd=work, start_new_session=True,
                                       env={**os.environ, "HOME": work})
        except OSError as exc:
            return None, Problem(Source(file), f"无法启动 LibreOffice（{program}）转换{what}：{exc}")
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            return None, Problem(Source(file), f"LibreOffice 转换{what}超过 {timeout:g} 秒仍未完成，已中止"
                                               "（可用环境变量 PERFBUDGET_CONVERT_TIMEOUT 调整）；"
                                               "文件可能已损坏或过于复杂")
        finally:
            if process.poll() is None:
                _stop(process)
        result = out / f"input.{target}"
        if process.returncode != 0 or not result.is_file():
            detail = errors.decode("utf-8", "replace").strip().splitlines()
            tail = f"：{detail[-1][:200]}" if detail else ""
            return None, Problem(Source(file), f"LibreOffice 无法转换{what}，文件可能已损坏或已加密{tail}")
        size = result.stat().st_size
        if size > limits.max_file_bytes:
            size_mb, limit_mb = megabytes_over(size, limits.max_file_bytes)
            return None, Problem(Source(file), f"{what}转换后为 {size_mb} MB，超过上限 {limit_mb} MB，未读取")
        return result.read_bytes(), None
