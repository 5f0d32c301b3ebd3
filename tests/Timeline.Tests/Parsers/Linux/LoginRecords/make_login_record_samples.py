#!/usr/bin/env python3
"""Makes the login-record samples under sample-logs/linux/{utmp,lastlog,wtmpdb}/ (run from the repo root).

wtmp and btmp: `utmpdump -r` (util-linux) from the text dumps below, so the 384-byte x86_64 records are
written by the real tool. wtmp-s390x and btmp-aarch64: the same records re-packed here in the 400-byte
layout of glibc's struct utmp where ut_session and ut_tv are 64-bit (aarch64, s390x), s390x big-endian;
written by this script from the struct layout (utmp(5), glibc bits/utmp.h) because no tool on an x86_64
host writes them. lastlog: shadow's `lastlog -R ROOT -S -u bob` sets uid 1001 (line "lastlog", host
"localhost", the current time); uids 0, 1000 and 1002 are then written by this script at uid x 292 in
the x86_64 layout (32-bit ll_time, ll_line[32], ll_host[256]) and checked with `lastlog -R ROOT`;
lastlog-aarch64 is the same in the 296-byte layout (64-bit ll_time); lastlog-sparse is the file with
only uid 1001 (its first 64 KiB are a hole). wtmp.db: sqlite3 with wtmpdb's own CREATE TABLE (its
lib/sqlite.c) and rows of the same incident (Debian 12 has no wtmpdb package).
"""
import calendar, os, shutil, struct, subprocess, tempfile, time

WTMP = """\
[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2026-11-28T08:01:12,104233+00:00]
[1] [00051] [~~  ] [runlevel] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2026-11-28T08:01:19,552106+00:00]
[6] [00612] [tty1] [LOGIN   ] [tty1        ] [                    ] [0.0.0.0        ] [2026-11-28T08:01:20,000000+00:00]
[7] [00612] [tty1] [bob     ] [tty1        ] [                    ] [0.0.0.0        ] [2026-11-28T08:05:03,871000+00:00]
[7] [01500] [ts/0] [deploy  ] [pts/0       ] [192.0.2.10          ] [192.0.2.10     ] [2026-11-29T09:12:44,020311+00:00]
[8] [01500] [ts/0] [        ] [pts/0       ] [                    ] [0.0.0.0        ] [2026-11-29T09:40:02,771904+00:00]
[7] [02301] [ts/1] [root    ] [pts/1       ] [203.0.113.45        ] [203.0.113.45   ] [2026-11-30T03:15:02,118760+00:00]
[7] [02388] [ts/2] [admin   ] [pts/2       ] [2001:db8::7         ] [2001:db8::7    ] [2026-11-30T03:16:40,000912+00:00]
[8] [02301] [ts/1] [        ] [pts/1       ] [                    ] [0.0.0.0        ] [2026-11-30T03:27:41,600001+00:00]
[8] [02388] [ts/2] [        ] [pts/2       ] [                    ] [0.0.0.0        ] [2026-11-30T05:01:10,000000+00:00]
[7] [03012] [ts/3] [deploy  ] [pts/3       ] [bastion.example.net ] [198.51.100.7   ] [2026-12-01T10:00:05,250000+00:00]
[7] [03200] [:0  ] [alice   ] [pts/4       ] [:0                  ] [0.0.0.0        ] [2026-12-01T11:30:00,000000+00:00]
[8] [00612] [tty1] [        ] [tty1        ] [                    ] [0.0.0.0        ] [2026-12-01T12:00:00,000000+00:00]
[1] [00048] [~~  ] [shutdown] [~~          ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2026-12-01T18:22:07,330190+00:00]
[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2026-12-01T18:23:01,907744+00:00]
"""

def btmp_dump():
    # sshd records a failed login as LOGIN_PROCESS with the typed user name (OpenSSH loginrec.c).
    users = ["root", "admin", "test", "oracle", "ubuntu", "postgres", "git", "root", "root", "user", "pi", "root"]
    lines = []
    for i, user in enumerate(users):
        sec = 601 + i * 3
        ip = "203.0.113.45" if i < 10 else "2001:db8:bad::45"
        lines.append(f"[6] [{41000 + i * 7:05d}] [    ] [{user:<8}] [ssh:notty   ] [{ip:<20}] [{ip:<15}] "
                     f"[2026-11-30T03:{sec // 60:02d}:{sec % 60:02d},{(i * 137911) % 1000000:06d}+00:00]")
    return "\n".join(lines) + "\n"

def to400(src, dst, big):
    e = ">" if big else "<"
    data = open(src, "rb").read()
    out = bytearray()
    for i in range(0, len(data) - len(data) % 384, 384):
        r = data[i:i + 384]
        typ, = struct.unpack_from("<h", r, 0)
        pid, = struct.unpack_from("<i", r, 4)
        term, ex = struct.unpack_from("<hh", r, 332)
        sess, sec, usec = struct.unpack_from("<iIi", r, 336)
        rec = bytearray(400)
        struct.pack_into(e + "h", rec, 0, typ)
        struct.pack_into(e + "i", rec, 4, pid)
        rec[8:332] = r[8:332]            # ut_line, ut_id, ut_user, ut_host: bytes
        struct.pack_into(e + "hh", rec, 332, term, ex)
        struct.pack_into(e + "qqq", rec, 336, sess, sec, usec)
        rec[360:376] = r[348:364]        # ut_addr_v6: network order on every machine
        out += rec
    open(dst, "wb").write(out)

def ts(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%S"))

def lastlog(folder):
    root = tempfile.mkdtemp()
    os.makedirs(f"{root}/etc"); os.makedirs(f"{root}/var/log")
    open(f"{root}/etc/passwd", "w").write("root:x:0:0::/root:/bin/bash\ndeploy:x:1000:1000::/home/deploy:/bin/bash\n"
                                          "bob:x:1001:1001::/home/bob:/bin/bash\nalice:x:1002:1002::/home/alice:/bin/bash\n")
    open(f"{root}/var/log/lastlog", "wb").close()
    subprocess.run(["lastlog", "-R", root, "-S", "-u", "bob"], check=True)
    shutil.copy(f"{root}/var/log/lastlog", f"{folder}/lastlog-sparse")
    data = bytearray(open(f"{root}/var/log/lastlog", "rb").read())
    for uid, (when, line, host) in {0: ("2026-11-30T03:15:02", "pts/1", "203.0.113.45"),
                                    1000: ("2026-12-01T10:00:05", "pts/3", "2001:db8::7"),
                                    1002: ("2026-12-01T11:30:00", "tty1", "")}.items():
        data[uid * 292:uid * 292 + 292] = struct.pack("<I32s256s", ts(when), line.encode(), host.encode())
    open(f"{root}/var/log/lastlog", "wb").write(data)
    print(subprocess.run(["lastlog", "-R", root], check=True, capture_output=True, text=True).stdout)
    shutil.copy(f"{root}/var/log/lastlog", f"{folder}/lastlog")
    wide = bytearray(len(data) // 292 * 296)
    for i in range(len(data) // 292):
        r = data[i * 292:(i + 1) * 292]
        if any(r):
            wide[i * 296:(i + 1) * 296] = struct.pack("<q", struct.unpack_from("<I", r)[0]) + r[4:]
    open(f"{folder}/lastlog-aarch64", "wb").write(wide)

WTMPDB = """
CREATE TABLE IF NOT EXISTS wtmp(ID INTEGER PRIMARY KEY, Type INTEGER, User TEXT NOT NULL, Login INTEGER, Logout INTEGER, TTY TEXT, RemoteHost TEXT, Service TEXT) STRICT;
INSERT INTO wtmp (Type,User,Login,Logout,TTY,RemoteHost,Service) VALUES
 (1,'reboot',1795852872104233,1796149327330190,'~','6.1.0-18-amd64',NULL),
 (3,'bob',1795853103871000,1796126400000000,'tty1',NULL,'login'),
 (3,'deploy',1795943564020311,1795945202771904,'pts/0','192.0.2.10','sshd'),
 (3,'root',1796008502118760,1796009261600001,'pts/1','203.0.113.45','sshd'),
 (3,'admin',1796008600000912,1796014870000000,'pts/2','2001:db8::7','sshd'),
 (3,'deploy',1796119205250000,NULL,'pts/3','bastion.example.net','sshd'),
 (1,'reboot',1796149381907744,NULL,'~','6.1.0-18-amd64',NULL);
"""

def main():
    utmp = "sample-logs/linux/utmp"
    with tempfile.TemporaryDirectory() as work:
        for name, text in (("wtmp", WTMP), ("btmp", btmp_dump())):
            open(f"{work}/{name}.txt", "w").write(text)
            subprocess.run(["utmpdump", "-r", "-o", f"{utmp}/{name}", f"{work}/{name}.txt"], check=True)
    to400(f"{utmp}/wtmp", f"{utmp}/wtmp-s390x", big=True)
    to400(f"{utmp}/btmp", f"{utmp}/btmp-aarch64", big=False)
    lastlog("sample-logs/linux/lastlog")
    db = "sample-logs/linux/wtmpdb/wtmp.db"
    if os.path.exists(db): os.remove(db)
    subprocess.run(["sqlite3", db], input=WTMPDB, text=True, check=True)

if __name__ == "__main__":
    main()
