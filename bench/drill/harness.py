"""Loopback-only harness for the drills in bench/drill: private PostgreSQL (+pgvector) and Redis in a work directory,
the published service as a child process, RSS and process-tree readings from /proc. Nothing listens beyond 127.0.0.1."""
import os, pathlib, shutil, signal, socket, subprocess, time, urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
PGBIN = f"/usr/lib/postgresql/{max(os.listdir('/usr/lib/postgresql'), key=int)}/bin"
ROOT = os.geteuid() == 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, **kw):
    return subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def as_pg(args):
    return ["runuser", "-u", "postgres", "--", *args] if ROOT else args


def publish(work):
    """ATS_APP_DIR reuses a publish; otherwise a Release publish of the API into the work directory."""
    given = os.environ.get("ATS_APP_DIR")
    if given:
        return pathlib.Path(given) / "AtsParser.Api.dll"
    out = work / "app"
    run(["dotnet", "publish", str(REPO / "src/AtsParser.Api"), "-c", "Release", "-o", str(out), "-p:UseAppHost=false"])
    return out / "AtsParser.Api.dll"


class Postgres:
    def __init__(self, work):
        self.dir, self.port = work / "pg", free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/atsparser"
        self.dir.mkdir()
        if ROOT:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(work, 0o711)  # the postgres user must pass through
        run(as_pg([f"{PGBIN}/initdb", "-D", str(self.dir), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]))
        self.start()
        psql = as_pg([f"{PGBIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-qc"])
        run(psql[:-1] + ["-d", "postgres", "-qc", "CREATE DATABASE atsparser"])
        run(psql[:-1] + ["-d", "atsparser", "-qc", "CREATE EXTENSION IF NOT EXISTS vector"])

    def start(self):
        run(as_pg([f"{PGBIN}/pg_ctl", "-D", str(self.dir), "-l", str(self.dir / "server.log"), "-w", "-t", "60",
                   "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start"]))

    def stop(self):
        subprocess.run(as_pg([f"{PGBIN}/pg_ctl", "-D", str(self.dir), "-m", "fast", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Redis:
    def __init__(self, work):
        self.dir, self.port = work / "redis", free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self.dir.mkdir()
        self.start()

    def start(self):
        run(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "yes", "--pidfile", str(self.dir / "redis.pid"), "--logfile", str(self.dir / "redis.log"),
             "--dir", str(self.dir)])
        for _ in range(100):
            if subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout.strip() == b"PONG":
                return
            time.sleep(0.1)

    def kill(self):
        try:
            os.kill(int((self.dir / "redis.pid").read_text()), signal.SIGKILL)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
        time.sleep(0.5)
        (self.dir / "redis.pid").unlink(missing_ok=True)


class Service:
    def __init__(self, dll, work, env):
        self.port, self.work = free_port(), work
        self.url = f"http://127.0.0.1:{self.port}"
        self.temp_base = work / "tmp"
        self.temp_base.mkdir(exist_ok=True)
        e = {**os.environ, "ASPNETCORE_ENVIRONMENT": "Production", "AUTH_DISABLED": "true", "OMP_THREAD_LIMIT": "1",
             "MALLOC_ARENA_MAX": "2",  # as scripts/run.sh and the image
             "ASPNETCORE_HTTP_PORTS": "", "TEMP_ROOT": str(self.temp_base), "RATE_LIMIT_PER_MINUTE": "0", **env}
        self.log = open(work / "service.log", "ab")
        self.proc = subprocess.Popen(["dotnet", str(dll), "--urls", self.url], env=e, stdout=self.log, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid
        for _ in range(240):
            try:
                urllib.request.urlopen(self.url + "/health", timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("the service exited at start-up; see " + str(work / "service.log"))
                time.sleep(0.5)
        raise RuntimeError("the service did not answer /health within 120 s")

    def status_kb(self, field):
        for line in open(f"/proc/{self.pid}/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
        return 0

    def rss_mb(self):
        return self.status_kb("VmRSS") / 1024

    def peak_rss_mb(self):
        return self.status_kb("VmHWM") / 1024

    def descendants(self):
        """(pid, cmdline) of every process below the service (soffice forks soffice.bin: children are not enough)."""
        parent, cmd = {}, {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                stat = open(f"/proc/{d}/stat").read()
                fields = stat[stat.rindex(")") + 2:].split()
                if fields[0] == "Z":
                    continue
                # Both read before either is recorded: a process that exits between the two reads is skipped whole.
                ppid = int(fields[1])
                line = open(f"/proc/{d}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace").strip()
                parent[int(d)], cmd[int(d)] = ppid, line
            except (OSError, ValueError):
                continue
        out = []
        for p in parent:
            q = parent.get(p)
            while q and q > 1:
                if q == self.pid:
                    out.append((p, cmd[p]))
                    break
                q = parent.get(q)
        return out

    def tree_rss_mb(self):
        total = 0
        for p, _ in self.descendants():
            try:
                for line in open(f"/proc/{p}/status"):
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return self.rss_mb() + total / 1024

    def temp_entries(self):
        """What per-call work left in the instance's temp root (the owner file and the warm pool's profiles excepted)."""
        left = []
        for root in self.temp_base.glob("atsparser-*"):
            left += [e.name for e in root.iterdir() if e.name != ".owner" and not e.name.startswith("lo-pool-")]
        return left

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def load_average():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def smaps(pid):
    """RSS in MB by kind of mapping: anonymous (GC heap, malloc arenas, stacks), [heap] (brk), JIT code
    (doublemapper/memfd), shared libraries, other files."""
    kinds, kind = {}, None
    for line in open(f"/proc/{pid}/smaps"):
        head = line.split()
        if "-" in head[0] and not line.startswith(("Rss", "Pss")) and len(head) >= 5 and ":" not in head[0]:
            path = head[5] if len(head) > 5 else ""
            kind = ("anon" if not path else "[heap]" if path == "[heap]" else "jit code" if "doublemapper" in path or "memfd" in path
                    else "stack" if path.startswith("[stack") else ".so" if ".so" in path else "[other]" if path.startswith("[") else "files")
        elif line.startswith("Rss:") and kind:
            kinds[kind] = kinds.get(kind, 0) + int(head[1])
    return {k: v // 1024 for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])}
