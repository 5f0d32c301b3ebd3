#1712649670
systemctl status redis
#1712649690
redis-cli info memory
#1712649700
df -h
#1712649710
tail -n 50 /var/log/messages
#1712649890
exit
