#!/usr/bin/env python3
"""Writes a synthetic traditional-syslog auth.log of N lines for the ingest benchmark.

The mix follows what a brute-forced server logs: sshd failures, invalid users, preauth
disconnects, PAM failures, some accepted logins with sessions, sudo, cron PAM sessions.
Deterministic (seeded), documentation IP ranges only.
"""
import random
import sys

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = sys.argv[2] if len(sys.argv) > 2 else "auth-1m.log"
    rnd = random.Random(42)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    users = ["root", "admin", "ubuntu", "test", "oracle", "postgres", "git", "user", "pi", "deploy"]
    t = 0  # seconds since Jan 1
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            t += rnd.choice((0, 0, 1, 1, 2, 3))
            day, rem = divmod(t, 86400)
            month = min(day // 30, 11)
            dom = day - month * 30 + 1
            hh, rem = divmod(rem, 3600)
            mm, ss = divmod(rem, 60)
            stamp = f"{months[month]} {dom:2d} {hh:02d}:{mm:02d}:{ss:02d}"
            ip = f"203.0.113.{rnd.randrange(1, 255)}"
            port = rnd.randrange(1024, 65535)
            pid = rnd.randrange(1000, 60000)
            user = rnd.choice(users)
            k = rnd.random()
            if k < 0.35:
                msg = f"sshd[{pid}]: Failed password for {user} from {ip} port {port} ssh2"
            elif k < 0.50:
                msg = f"sshd[{pid}]: Invalid user {user}{rnd.randrange(100)} from {ip} port {port}"
            elif k < 0.62:
                msg = f"sshd[{pid}]: Connection closed by authenticating user {user} {ip} port {port} [preauth]"
            elif k < 0.72:
                msg = f"sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={user}"
            elif k < 0.80:
                msg = f"sshd[{pid}]: Received disconnect from {ip} port {port}:11: Bye Bye [preauth]"
            elif k < 0.86:
                msg = f"CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by root(uid=0)"
            elif k < 0.90:
                msg = f"CRON[{pid}]: pam_unix(cron:session): session closed for user root"
            elif k < 0.93:
                msg = f"sshd[{pid}]: Accepted publickey for deploy from 198.51.100.{rnd.randrange(1, 255)} port {port} ssh2: ED25519 SHA256:Qm9ndXNGaW5nZXJwcmludEV4YW1wbGUxMjM0NTY3OA"
            elif k < 0.95:
                msg = f"sudo[{pid}]:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"
            elif k < 0.97:
                msg = f"systemd-logind[812]: New session {rnd.randrange(1, 9999)} of user deploy."
            else:
                msg = f"sshd[{pid}]: Disconnected from invalid user {user} {ip} port {port} [preauth]"
            f.write(f"{stamp} web01 {msg}\n")

if __name__ == "__main__":
    main()
