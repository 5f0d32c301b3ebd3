#!/usr/bin/env python3
"""Writes a journalctl -o export stream of N entries for bench/journal.sh (systemd-journal-remote turns it
into a binary journal). A busy Debian 12 host: sshd brute force (invalid users, failed passwords, PAM),
logins, sudo, CRON sessions and commands, a miner's stdout, systemd service messages; each entry with the
field set journald 252 writes for its transport, shared values (_HOSTNAME, _SYSTEMD_UNIT, _EXE …) and a
unique MESSAGE, like a real journal. Usage: gen-journal-export.py ENTRIES OUT
"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(13)
boot = "7b2c9d4e1f3a4b5c8d6e0f1a2b3c4d5e"
machine = "2f6d0e9a4c8b47f1a35e6b7c9d0e1f24"
t0, m0 = 1714543200000000, 2_000_000_000
users = ["admin", "oracle", "test", "ubuntu", "postgres", "git", "deploy", "pi", "user", "ftp"]


def syslog(ident, pid, prio, fac, msg, comm, exe, cmdline, unit, uid="0"):
    return [("PRIORITY", prio), ("SYSLOG_FACILITY", fac), ("SYSLOG_IDENTIFIER", ident), ("SYSLOG_PID", pid),
            ("_TRANSPORT", "syslog"), ("_UID", uid), ("_GID", uid), ("_COMM", comm), ("_EXE", exe), ("_CMDLINE", cmdline),
            ("_CAP_EFFECTIVE", "1ffffffffff"), ("_SYSTEMD_CGROUP", "/system.slice/" + unit), ("_SYSTEMD_UNIT", unit),
            ("_SYSTEMD_SLICE", "system.slice"), ("_PID", pid), ("MESSAGE", msg)]


def entry(i):
    kind = rnd.random()
    pid = str(2000 + rnd.randrange(30000))
    ip = f"203.0.113.{rnd.randrange(1, 255)}"
    port = str(rnd.randrange(30000, 65000))
    ssh = dict(comm="sshd", exe="/usr/sbin/sshd", unit="ssh.service")
    if kind < 0.45:
        user = rnd.choice(users)
        return syslog("sshd", pid, "6", "4", f"Failed password for invalid user {user} from {ip} port {port} ssh2", cmdline="sshd: unknown [priv]", **ssh)
    if kind < 0.60:
        return syslog("sshd", pid, "6", "4", f"Invalid user {rnd.choice(users)} from {ip} port {port}", cmdline="sshd: unknown [priv]", **ssh)
    if kind < 0.70:
        return syslog("sshd", pid, "5", "10", f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user=root", cmdline="sshd: root [priv]", **ssh)
    if kind < 0.73:
        return syslog("sshd", pid, "6", "4", f"Accepted publickey for deploy from {ip} port {port} ssh2: ED25519 SHA256:Qm9vdGxlZ0tleUZvclRpbWVsaW5lU2FtcGxl", cmdline="sshd: deploy [priv]", **ssh)
    if kind < 0.76:
        return syslog("sudo", pid, "5", "10", f"  deploy : TTY=pts/{rnd.randrange(4)} ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart app{rnd.randrange(9)}", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo systemctl restart app", unit="session-7.scope", uid="1000")
    if kind < 0.86:
        cron = dict(comm="cron", exe="/usr/sbin/cron", cmdline="/usr/sbin/cron -f", unit="cron.service")
        msg = rnd.choice(["pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", "(root) CMD (/var/tmp/.x/upd >/dev/null 2>&1)", "pam_unix(cron:session): session closed for user root"])
        return syslog("CRON", pid, "6", "9" if "CMD" in msg else "10", msg, **cron)
    if kind < 0.96:
        return [("PRIORITY", "6"), ("SYSLOG_FACILITY", "3"), ("_UID", "0"), ("_GID", "0"), ("_CAP_EFFECTIVE", "0"),
                ("_SYSTEMD_SLICE", "system.slice"), ("_TRANSPORT", "stdout"), ("_STREAM_ID", "9e4b7a1c3d2f4e6a8b0c1d2e3f4a5b6c"),
                ("SYSLOG_IDENTIFIER", "kworkerds"), ("_PID", "3240"), ("_COMM", "kworkerds"), ("_EXE", "/var/tmp/.x/kworkerds"),
                ("_CMDLINE", "/var/tmp/.x/kworkerds -o pool.hashvault.example:443 --tls"), ("_SYSTEMD_CGROUP", "/system.slice/kworkerds.service"),
                ("_SYSTEMD_UNIT", "kworkerds.service"), ("_SYSTEMD_INVOCATION_ID", "4c1e0b7d9a2f4e3c8b6d5a1f0e9c7b2a"),
                ("MESSAGE", f"[2024-05-01 06:01:42.{i % 1000:03d}]  miner    speed 10s/60s/15m {1000 + rnd.random() * 400:.1f} n/a n/a H/s max {1400 + rnd.random() * 20:.1f} H/s")]
    unit = f"app{rnd.randrange(9)}.service"
    return [("PRIORITY", "6"), ("SYSLOG_FACILITY", "3"), ("SYSLOG_IDENTIFIER", "systemd"), ("UNIT", unit),
            ("MESSAGE_ID", "39f53479d3a045ac8e11786248231fbf"), ("_TRANSPORT", "journal"), ("_PID", "1"), ("_UID", "0"), ("_GID", "0"),
            ("_COMM", "systemd"), ("_EXE", "/usr/lib/systemd/systemd"), ("_CMDLINE", "/sbin/init"), ("_SYSTEMD_CGROUP", "/init.scope"),
            ("_SYSTEMD_UNIT", "init.scope"), ("_SYSTEMD_SLICE", "-.slice"), ("MESSAGE", f"Started {unit} - Application {i % 9}.")]


with open(out, "w", encoding="utf-8") as f:
    t, m = t0, m0
    for i in range(n):
        step = rnd.randrange(1, 400_000)
        t, m = t + step, m + step
        f.write(f"__REALTIME_TIMESTAMP={t}\n__MONOTONIC_TIMESTAMP={m}\n_BOOT_ID={boot}\n_MACHINE_ID={machine}\n_HOSTNAME=web04\n")
        for name, value in entry(i):
            f.write(f"{name}={value}\n")
        f.write("\n")
