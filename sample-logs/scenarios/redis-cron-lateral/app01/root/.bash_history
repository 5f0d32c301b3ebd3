#1725285750
systemctl status app
#1725285790
journalctl -u app --since today | tail -n 40
#1725285900
ls -la /srv/app/releases
#1725286065
crontab -l
#1725286178
exit
