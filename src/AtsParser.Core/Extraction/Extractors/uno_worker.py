# One warm LibreOffice listener plus the UNO client that drives it (run by LibreOfficePool, not by hand).
#
#   python3 uno_worker.py SOFFICE PROFILE_DIR ACCEPT STARTUP_SECONDS
#
# Starts `soffice --accept=ACCEPT;urp;` with its own profile, connects, prints {"ready": true, "pid": N}, then
# reads one JSON request per line on stdin ({"in", "out", "filter", "options"}) and answers one JSON line each:
# {"ok": true} or {"ok": false, "kind": "load|store|crash|dead", "error": "..."}. Staying alive between requests
# saves the ~100 ms of python start-up and UNO connect per conversion. On stdin EOF (host stopped or died) it
# terminates soffice, so a crashed host leaves no listener behind.
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException
from com.sun.star.uno import RuntimeException as UnoRuntimeException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def start(soffice, profile, accept):
    args = [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--accept=" + accept + ";urp;"]
    # Own session: stop() can signal oosplash and soffice.bin together.
    return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def connect(proc, accept, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while True:
        try:
            ctx = resolver.resolve("uno:" + accept + ";urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with %s during start-up" % proc.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept connections within %s s" % seconds)
            time.sleep(0.05)


def ipc_pipe(profile):
    # soffice's single-instance socket: MD5 of the profile URL's UTF-16 units, bytes as unpadded hex.
    digest = hashlib.md5(uno.systemPathToFileUrl(profile).encode("utf-16-le")).digest()
    return "/tmp/OSL_PIPE_%d_SingleOfficeIPC_%s" % (os.getuid(), "".join("%x" % b for b in digest))


def stop(proc, desktop, accept, profile):
    if proc.poll() is None:
        try:
            desktop.terminate()
            proc.wait(timeout=5)
        except Exception:
            pass
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    # A killed soffice leaves its socket files behind in /tmp.
    files = [ipc_pipe(profile)]
    if accept.startswith("pipe,name="):
        files.append("/tmp/OSL_PIPE_%d_%s" % (os.getuid(), accept[len("pipe,name="):]))
    for f in files:
        try:
            os.unlink(f)
        except OSError:
            pass


def alive(proc, desktop):
    if proc.poll() is not None:
        return False
    try:
        desktop.getComponents()
        return True
    except (DisposedException, UnoRuntimeException):
        return False


def convert(desktop, req):
    # Hidden, read-only, no macros (MacroExecutionMode 0), no link updates (UpdateDocMode 0): a resume is data.
    load = (prop("Hidden", True), prop("ReadOnly", True), prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0))
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["in"]), "_blank", 0, load)
    except DisposedException:
        raise
    except Exception as e:
        return {"ok": False, "kind": "load", "error": str(getattr(e, "Message", e))[:300]}
    if doc is None:
        return {"ok": False, "kind": "load", "error": "LibreOffice could not load the document"}
    try:
        store = (prop("FilterName", req["filter"]), prop("FilterOptions", req.get("options", "")))
        doc.storeToURL(uno.systemPathToFileUrl(req["out"]), store)
        return {"ok": True}
    except DisposedException:
        raise
    except Exception as e:
        return {"ok": False, "kind": "store", "error": str(getattr(e, "Message", e))[:300]}
    finally:
        try:
            doc.close(True)
        except Exception:
            pass


def main():
    soffice, profile, accept, startup = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    proc = start(soffice, profile, accept)
    try:
        desktop = connect(proc, accept, startup)
    except Exception as e:
        stop(proc, None, accept, profile)
        reply({"ready": False, "error": str(e)[:300]})
        return 1
    reply({"ready": True, "pid": proc.pid})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            req = json.loads(line)
            if not alive(proc, desktop):
                reply({"ok": False, "kind": "dead", "error": "the listener was not running"})
                return 2
            try:
                answer = convert(desktop, req)
                if not answer["ok"] and not alive(proc, desktop):
                    raise DisposedException()
                reply(answer)
            except DisposedException:
                # The listener died while converting this document.
                reply({"ok": False, "kind": "crash", "error": "LibreOffice crashed while converting the document"})
                return 2
    finally:
        stop(proc, desktop, accept, profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
