#1725350440
redis-cli info memory
#1725350490
sudo systemctl status redis
#1725350530
tail -n 20 /var/log/redis/redis.log
#1725350580
df -h /var/lib/redis
#1725350698
exit
