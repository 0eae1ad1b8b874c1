"""What the side-by-side HTTP scripts share: a service's CPU time and the `name=port:pid` arguments."""


def cpu_ms(pid):
    """utime + stime of the process, in ms (100 Hz clock ticks)."""
    s = open(f"/proc/{pid}/stat").read()
    x = s[s.rfind(")") + 2:].split()
    return (int(x[11]) + int(x[12])) * 10.0


def services_and_files(args, files):
    """Splits positional arguments into services (`name=port:pid`) and file paths (anything else; `--` skipped)."""
    services = []
    for s in args:
        if s == "--":
            continue
        if "=" not in s:
            files.append(s)
            continue
        name, rest = s.split("=", 1)
        port, pid = rest.split(":")
        services.append((name, int(port), int(pid)))
    return services
