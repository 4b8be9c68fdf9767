#!/bin/sh
# Run as init by Linux and by Kerla from the same initramfs: mounts, /proc,
# /dev, signals between shell processes. Everything between the markers must
# match.
echo "=== begin"
stat -c '%n %h %F %a %u:%g %Y %s' /etc/data /etc/data-link /etc/fifo
[ /etc/data -ef /etc/data-link ] && echo "one file, two names"
mkdir /proc /tmp
mount -t proc proc /proc && echo "proc mounted"
mount -t tmpfs tmpfs /tmp && echo "tmpfs mounted"
mkdir /mnt
mount -t nosuchfs none /mnt 2>&1
echo "unknown type: $?"
readlink /proc/self/exe
cat /proc/self/comm
cut -d' ' -f2,3 /proc/self/stat
grep -E '^(proc|tmpfs) ' /proc/mounts | cut -d' ' -f1-3
grep -c '^MemTotal: ' /proc/meminfo
cat /proc/cmdline
hostname kerla-test && hostname && uname -n
grep -E '^(processor|vendor_id|cpu family|model|model name|stepping)[[:space:]]' /proc/cpuinfo
dmesg | grep -c 'Run /init as init process'
cat /proc/self/cmdline | tr '\0' ' '
echo
stat -f -c '%T' / /proc
# Descriptors, working directory and root, as /proc shows them.
readlink /proc/self/fd/0 /proc/self/cwd /proc/self/root
ls /proc/self/fd | tr '\n' ' '
echo
grep -E '^(pos|flags):' /proc/self/fdinfo/0
stat -c '%A' /proc/self/fd/0 /proc/self/fd/1
echo piped | readlink /proc/self/fd/0 | cut -c1-6
(cd /proc && readlink /proc/self/cwd && cat /proc/self/cwd/self/comm)
cat /proc/self/root/proc/sys/kernel/ostype
wc -w < /proc/self/statm
grep -c '^proc ' /proc/self/mounts
cat /proc/sys/kernel/hostname
echo renamed > /proc/sys/kernel/hostname && hostname
echo hello > /tmp/f && cat /tmp/f
mount -t devtmpfs devtmpfs /dev && echo "devtmpfs mounted"
stat -f -c '%T' /dev
stat -c '%n %F %t,%T %a' /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/console
stat -c '%n %F %t,%T %a' /dev/kmsg /dev/ptmx
mkdir /dev/pts && mount -t devpts devpts /dev/pts && echo "devpts mounted"
stat -c '%n %F %t,%T %a' /dev/pts/ptmx
stat -f -c '%T' /dev/pts
ls /dev/pts
umount /dev/pts && echo "devpts unmounted"
# /dev/kmsg: a message a read, "priority,sequence,time,-;text"; what is written is the user facility's.
echo "<4>kerla-kmsg-test" > /dev/kmsg && timeout 1 cat /dev/kmsg | grep kerla-kmsg-test | cut -d, -f1,4
echo "plain-kmsg-test" > /dev/kmsg && timeout 1 cat /dev/kmsg | grep plain-kmsg-test | cut -d, -f1,4
dmesg | grep -c kerla-kmsg-test
echo gone > /dev/null && cat /dev/null && echo "null swallowed it"
head -c 8 /dev/zero | od -An -tx1
head -c 100 /dev/urandom > /tmp/r && stat -c '%s random bytes' /tmp/r
echo full > /dev/full
echo "full: $?"
echo x > /dev/tty
echo "tty without a controlling terminal: $?"
foo=$(echo bar)
echo "foo=$foo"
echo one two three | tr ' ' '\n' | grep -c o
sleep 1 &
sleep 1 &
wait
echo "two background jobs waited for: $?"
# Whether the shell also reports "Terminated" depends on when the job dies:
# only the status is compared.
(sleep 10 & kill $!; wait $!; echo "a killed background job: $?") 2>&1 | grep 'killed background'
/bin/crash
echo "a program that crashed: $?"
umount /tmp && ls -1a /tmp
echo "init is $$, its parent $(cut -d' ' -f4 /proc/1/stat)"
trap 'echo caught USR1' USR1
kill -USR1 $$
sh -c 'kill $$'
echo "SIGTERM: $?"
timeout 1 sleep 10
echo "timeout: $?"
sh -c 'kill -SEGV $$'
echo "SIGSEGV: $?"
sh -c 'kill -ABRT $$'
echo "SIGABRT: $?"
sh -c 'trap "echo child caught TERM; exit 7" TERM; kill $$; echo not here'
echo "trapped TERM: $?"
echo "=== end"
cat /proc/version
poweroff -f
