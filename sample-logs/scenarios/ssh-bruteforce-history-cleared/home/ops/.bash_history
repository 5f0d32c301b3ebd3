#1718693731
sudo apt-get update
#1718693788
sudo apt-get upgrade -y
#1718694063
systemctl status nginx
#1718694100
tail -n 50 /var/log/nginx/error.log
#1718694135
df -h
#1718694182
crontab -l
#1718694210
ls -la /var/www/html
#1718694295
exit
