#1715616300
psql -U postgres -c '\l'
#1715616360
df -h
#1715617140
exit
