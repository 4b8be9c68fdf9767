#!/bin/sh
# The load average, /proc/stat and top follow what the system does: idle
# first, then with a busy loop running for more than one 5-second period.
mkdir -p /proc
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev # a background job's stdin is /dev/null
echo "idle load: $(cut -d' ' -f1 /proc/loadavg)"
set -- $(head -1 /proc/stat)
echo "user ticks before: $2"
(while true; do :; done) &
sleep 11
kill $!
echo "busy load: $(cut -d' ' -f1 /proc/loadavg)"
set -- $(head -1 /proc/stat)
echo "user ticks after: $2"
top -bn1 | grep -c '^Load average: '
uptime | grep -c 'load average: '
free | grep -c '^Mem: '
grep -c ' r-xp 00000000 00:00 0 .*/bin/busybox$' /proc/self/maps
grep -c ' rw-p 00000000 00:00 0 .*\[stack\]$' /proc/self/maps
echo "init's environment: $(tr '\0' ' ' < /proc/1/environ)"
poweroff -f
