#!/bin/sh
# Run as init by Linux and by Kerla from the same initramfs: BusyBox's file
# tools on a tmpfs (cp -a, mv, ln, find, tar, dd, du, df, stat, touch, ...),
# with their error messages. Everything between the markers must match, so it
# shows no current times, inode numbers, pids or memory sizes: only times set
# with touch -d, and relations ("grew: yes") for the rest. Directory listings
# are sorted, since the order of readdir is not something to compare.
echo "=== begin"
mkdir /proc /tmp
mkdir -p /dev
mount -t proc proc /proc && echo "proc mounted"
mount -t tmpfs tmpfs /tmp && echo "tmpfs mounted"
mount -t devtmpfs devtmpfs /dev && echo "devtmpfs mounted" # a background job's stdin is /dev/null
mount | grep -E '^(proc|tmpfs|devtmpfs) ' | cut -d' ' -f1-5
stat -f -c '%n %T %S %l' /tmp
echo "umask $(umask)"
mkdir /tmp/w && cd /tmp/w && pwd

# The properties of every file of a tree that do not depend on time or inodes.
# The size of a directory is left out here and shown by dirsizes.
lst() {
	(cd "$1" && find . | sort | while read -r f; do
		case $(stat -c %F "$f") in
		directory) stat -c '%n %a %h %F %u:%g' "$f" ;;
		"symbolic link") echo "$(stat -c '%n %a %h %F %s %u:%g' "$f") -> $(readlink "$f")" ;;
		*special*) stat -c '%n %a %h %F %t,%T %u:%g' "$f" ;;
		*) stat -c '%n %a %h %F %s %u:%g' "$f" ;;
		esac
	done)
}
sums() { (cd "$1" && find . -type f | sort | xargs md5sum); }
mtimes() { (cd "$1" && find . ! -type l | sort | xargs stat -c '%n %Y'); } # cp -a and tar x give symlinks the current time
blocks() { (cd "$1" && find . ! -type d | sort | xargs stat -c '%n %b'); }
dirsizes() { (cd "$1" && find . -type d | sort | xargs stat -c '%n %s'); }
T0='2020-01-02 03:04:05'
T1='2021-06-07 08:09:10'
T2='2022-11-12 13:14:15'

echo "--- creating and stat"
echo hello > f1
printf 'abc' > f2
: > empty
mkdir d1
stat -c '%n %a %h %F %s %u %g' f1 f2 empty d1
stat -c '%n %b %B' f1 empty d1
ls -ln f1 f2 empty | awk '{print $1, $2, $3, $4, $5, $NF}'
ls -lnd d1 | awk '{print $1, $2, $3, $4, $NF}'
ls -1 && ls -1a | head -2
ls -1F
(umask 077; : > um; mkdir umd; stat -c '%n %a' um umd)
mkdir -m 0700 m700 && stat -c '%n %a' m700
stat -c '%n %a %h' . ..

echo "--- touch"
touch -d "$T0" f1
stat -c '%n %y %Y %X' f1
touch -t 202106070809.10 f2
stat -c '%n %y %Y' f2
touch -r f1 f2
stat -c '%n %y %Y %X' f2
# Times have nanoseconds (a whole second now is all but impossible), and
# touch -r copies them whole.
touch fns && stat -c %y fns | grep -c '\.000000000 '
touch -r fns fns2 && [ "$(stat -c %y fns)" = "$(stat -c %y fns2)" ] && echo "touch -r copies the nanoseconds"
rm fns fns2
touch -m -d "$T1" f2
stat -c '%n %Y %X' f2
touch -a -d "$T2" f2
stat -c '%n %Y %X' f2
touch -c nosuch; echo "touch -c: $? $(ls nosuch 2>/dev/null | wc -l)"
touch -d "$T0" newfile && stat -c '%n %s %Y' newfile
[ $(stat -c %Z f1) -gt $(stat -c %Y f1) ] && echo "ctime is now after touch -d: yes"
cat f1 > /dev/null
[ $(stat -c %X f1) -gt $(stat -c %Y f1) ] && echo "relatime updated the old atime on read: yes"
echo more >> f1
[ $(stat -c %Y f1) -gt 1577934245 ] && echo "write moved mtime: yes"
touch -d "$T0" d1
: > d1/x
[ $(stat -c %Y d1) -gt 1577934245 ] && echo "creating a file moved the directory's mtime: yes"
touch -d "$T0" d1
rm d1/x
[ $(stat -c %Y d1) -gt 1577934245 ] && echo "removing a file moved the directory's mtime: yes"
touch -d "$T0" f2
truncate -s 1 f2
[ $(stat -c %Y f2) -gt 1577934245 ] && echo "truncate moved mtime: yes"
printf 'abc' > f2
touch -d "$T0" f1
ln -s f1 sl
touch -h -d "$T1" sl
stat -c '%n %Y' sl f1
stat -L -c '%n %Y' sl

echo "--- chmod and chown"
chmod 0750 f1 && stat -c '%n %a %A' f1
chmod 0604 f2 && stat -c '%n %a %A' f2
chmod u+x,g-r,o=w f2 && stat -c '%n %a' f2
chmod 6755 f2 && stat -c '%n %a %A' f2
chown 1000:1000 f2 && stat -c '%n %a %u %g' f2
chmod 2755 f2 && chown 1001 f2 && stat -c '%n %a %u %g' f2
chmod 1777 d1 && stat -c '%n %a %A' d1
chmod 0 empty && stat -c '%n %a %A' empty
chown 123:456 empty && stat -c '%n %u %g' empty
chown :789 empty && stat -c '%n %u %g' empty
chown -h 7:8 sl && stat -c '%n %u %g' sl f1
chown 9:10 sl && stat -c '%n %u %g' sl f1
mkdir sg && chown 0:50 sg && chmod 2775 sg
mkdir sg/sub && : > sg/file && mkdir -m 0700 sg/sub2
stat -c '%n %a %u %g' sg sg/sub sg/file sg/sub2
mkdir -p cr/a/b && : > cr/a/f && ln -s f cr/a/l
chmod -R 0700 cr && find cr | sort | xargs stat -c '%n %a'
chmod -R go+rX cr && find cr | sort | xargs stat -c '%n %a'
chown -R 11:12 cr && find cr | sort | xargs stat -c '%n %u %g'
rm -r cr sg empty

echo "--- links"
ln f1 hard && stat -c '%n %h' f1 hard
ln hard hard2 && stat -c '%n %h' f1
rm hard2 && stat -c '%n %h' f1
ln -s f1 soft && readlink soft && cat soft
stat -c '%n %F %s %a' soft
stat -c '%N' soft
ln -s nowhere dangling && readlink dangling && cat dangling 2>&1
ln -sf f2 soft && readlink soft
mkdir da db && ln -s da dl
ln -sfn db dl && readlink dl
ln -sf da dl && readlink dl && ls -1 db
ln -s /tmp/w/f1 abs && readlink abs
mkdir -p p/q/r && ln -s p/q ql && ln -s ../../f1 p/q/up
readlink -f ql/../p
readlink -f ql/r/../up
readlink -f p/q/up
realpath ql/r abs . .. / p/q/../q/./r
readlink f1; echo "readlink of a file: $?"
basename /a/b/c.txt .txt; basename /a/b/; basename /
dirname /a/b/c; dirname a; dirname /a; dirname /
ls -ln soft dangling | awk '{print $1, $2, $5, $9, $10, $11}'
ln -s $(printf '%0200d' 0) long && stat -c '%s %b' long
stat -c '%b' soft
rm soft dangling dl abs ql long hard
rm -r da db
rm -r p

echo "--- building a tree"
mkdir src src/sub src/sub/deep src/empty
printf 'file one\n' > src/a
cp src/a src/sub/c
printf 'deep\n' > src/sub/deep/d
ln src/a src/a.hard
ln -s a src/a.sym
ln -s sub/deep src/deep.sym
ln -s /nonexistent src/broken
seq 1 2000 > src/sub/numbers.txt
: > src/sub/empty.txt
truncate -s 1M src/sparse
printf 'x' | dd of=src/sparse bs=1 seek=100000 conv=notrunc status=none
mkfifo src/fifo
mknod src/null c 1 3
mknod -m 0640 src/blk b 7 0
chmod 0750 src/a
chmod 0604 src/sub/c
chmod 0711 src/sub
chmod 0555 src/sub/deep
chown 1000:100 src/sub/c
chown -h 33:33 src/a.sym
chown 55:66 src/empty
find src | sort -r | while read -r f; do touch -h -d "$T0" "$f"; done
touch -d "$T1" src/sub/c
touch -d "$T2" src/sub/numbers.txt
lst src
sums src
mtimes src
find src -type l | sort | xargs stat -c '%n %Y'
blocks src
dirsizes src

echo "--- cp"
cp -a src cpa && echo "cp -a: $?"
lst cpa
sums cpa
mtimes cpa
blocks cpa
dirsizes cpa
diff -r src cpa; echo "diff -r: $?"
cp -r src cpr 2>&1; echo "cp -r: $?"
lst cpr
cp src/a cp1 && stat -c '%n %a %h %s' cp1
cp -p src/sub/c cp2 && stat -c '%n %a %u %g %Y' cp2
cp -l src/a cpl && stat -c '%n %h' cpl src/a
cp -s /tmp/w/src/a cps && readlink cps
cp -L src/a.sym cpL && stat -c '%n %F %s' cpL
cp src/sparse cpsparse && stat -c '%n %s %b' cpsparse && cmp src/sparse cpsparse && echo same
mkdir into && cp src/a src/sub/c into/ && ls -1 into
echo new > cp1 && cp -f src/a cp1 && cat cp1
cp -n src/sub/c cp1 && cat cp1
cp cp1 cp1 2>&1; echo "cp onto itself: $?"
cp src/a.hard src/a 2>&1; echo "cp onto its hard link: $?"
cp src into 2>&1; echo "cp of a directory without -r: $?"
cp nosuch x 2>&1; echo "cp of a missing file: $?"
cp src/a nodir1/x 2>&1; echo "cp into a missing directory: $?"
rm -r cpr cp1 cp2 cpl cps cpL cpsparse into

echo "--- tar"
tar cf src.tar src && echo "tar c: $?"
tar tf src.tar | sort
tar cf ordered.tar --no-recursion $(find src | sort) && tar tvf ordered.tar
mkdir tx && tar xf src.tar -C tx && echo "tar x: $?"
lst tx/src
sums tx/src
(cd tx/src && find . ! -type d ! -type l | sort | xargs stat -c '%n %Y')
blocks tx/src
diff -r src tx/src; echo "diff -r: $?"
tar cf - -C src . | tar xf - -C cpa 2>&1; echo "tar over an existing tree: $?"
lst cpa
mkdir tp && (cd src && tar cf - sub a) | (cd tp && tar xf -) && find tp | sort
tar xf src.tar -C tp --strip-components 2 src/sub/deep 2>&1; find tp | sort
tar tf nosuch.tar 2>&1; echo "tar of a missing file: $?"
rm -r tx tp src.tar ordered.tar

echo "--- find"
find src -type f | sort
find src -type d | sort
find src -type l | sort
find src -type p -o -type c -o -type b | sort
find src -name '*.txt' | sort
find src -name 'a*' -type f | sort
find src -path '*sub*' -name d
find src -perm 0750 | sort
find src -perm -0004 ! -type l | sort
find src -perm /0111 -type f | sort
find src -links 2 | sort
find src -links +2 | sort
find src -size +1k -type f | sort
find src -size -2 -type f | sort
find src -size 9c | sort
find src -empty | sort
find src -newer src/a | sort
find src ! -newer src/sub/c -type f | sort
find src -user 1000 -o -group 66 | sort
find src -maxdepth 1 | sort
find src -mindepth 2 -type d | sort
find src -samefile src/a | sort
find src -name sub -prune -o -type f -print | sort
find src -type f -print0 | xargs -0 md5sum | sort
find src -name '*.txt' -exec wc -l {} + | sort
find src -name d -exec cat {} \;
find -L src -type d | sort
find src/deep.sym/ -type f
find src -name nomatch; echo "find no match: $?"
find nosuch 2>&1; echo "find missing: $?"
find src -mtime -1 | sort
find src -newer src/sub/numbers.txt; echo "newer than newest: $?"

echo "--- mv"
echo one > m1
mv m1 m2 && ls -1 m1 m2 2>&1; cat m2
mkdir md1 md2 && mv m2 md1/ && ls -1 md1
mv md1/m2 md2/m3 && ls -1 md1 md2
echo old > victim && ln victim victim.link && echo new > m4
mv m4 victim && cat victim victim.link && stat -c '%n %h' victim victim.link
mv md1 md3 && ls -1d md*
mv md3 md2 && find md2 | sort
mkdir -p mt/a && mkdir mt/b && : > mt/b/f && mkdir mt/c
mv -T mt/a mt/c && find mt | sort
mv -T mt/c mt/b 2>&1; echo "mv onto a directory that is not empty: $?"
mv mt mt/b 2>&1; echo "mv of a directory into itself: $?"
mv mt/b mt/b 2>&1; echo "mv onto itself: $?"
ln victim vl2 && mv victim vl2 2>&1; echo "mv onto a hard link of itself: $?"; ls -1 victim vl2 2>&1
: > plain && mkdir dird
mv dird plain 2>&1; echo "mv a directory onto a file: $?"
mv -T plain dird 2>&1; echo "mv a file onto a directory: $?"
mv nosuch x 2>&1; echo "mv of a missing file: $?"
mv plain nodir2/x 2>&1; echo "mv into a missing directory: $?"
chmod 0640 plain && chown 3:4 plain && touch -d "$T0" plain
mv plain / && stat -c '%n %a %u %g %Y %s' /plain && ls -1 plain 2>&1
mkdir -p xdev/in && echo inside > xdev/in/f && ln -s f xdev/in/l && touch -d "$T1" xdev/in/f xdev
mv xdev / && lst /xdev && cat /xdev/in/f && stat -c '%n %Y' /xdev /xdev/in/f
ln /plain /tmp/w/xlink 2>&1; echo "hard link across filesystems: $?"
mv /plain /xdev /tmp/w/ && ls -1d plain xdev
rm -r md2 mt vl2 victim.link plain xdev dird

echo "--- mkdir, rmdir, rm"
mkdir -p a/b/c/d && find a | sort
mkdir -p a/b/c/d && echo "mkdir -p again: $?"
mkdir a 2>&1; echo "mkdir existing: $?"
mkdir nodir3/x 2>&1; echo "mkdir in a missing directory: $?"
mkdir f1/x 2>&1; echo "mkdir under a file: $?"
mkdir -p f1/x/y 2>&1; echo "mkdir -p under a file: $?"
rmdir -p a/b/c/d && ls -1d a 2>&1
mkdir -p r/s && : > r/s/f
rmdir r/s 2>&1; echo "rmdir not empty: $?"
rmdir -p r/s 2>&1; echo "rmdir -p not empty: $?"
rmdir f1 2>&1; echo "rmdir a file: $?"
rmdir r/s/. 2>&1; echo "rmdir dot: $?"
rmdir nosuch 2>&1; echo "rmdir missing: $?"
rm r 2>&1; echo "rm a directory: $?"
unlink r 2>&1; echo "unlink a directory: $?"
rm nosuch 2>&1; echo "rm missing: $?"
rm -f nosuch; echo "rm -f missing: $?"
rm -r r && ls -1 r 2>&1
mkdir -p ro/in && : > ro/in/f && chmod 0 ro/in ro
rm -rf ro && ls -1 ro 2>&1
rmdir . 2>&1; echo "rmdir .: $?"
rm -r . 2>&1; echo "rm -r .: $?"
mkdir busy && cd busy && rmdir ../busy && echo "removed the current directory: $?"
ls -1 2>&1; echo "ls -1 in a removed directory: $?"
(: > x) 2>&1; echo "create in a removed directory: $?"
cd /tmp/w

echo "--- dd, truncate, fallocate"
printf '0123456789abcdef' > ds
dd if=ds of=d1o bs=4 count=2 skip=1 2>&1; cat d1o; echo
dd if=ds of=d2o bs=5 status=noxfer 2>&1; cmp ds d2o && echo same
dd if=ds bs=3 count=2 status=none; echo
dd if=ds of=d1o bs=2 seek=1 count=1 conv=notrunc status=none && cat d1o && echo
dd if=ds of=d1o bs=2 seek=1 count=1 status=none && cat d1o && echo && stat -c '%s' d1o
dd if=ds of=d1o bs=1 skip=14 seek=20 conv=notrunc status=none && od -An -c d1o
dd if=/dev/zero of=dz bs=1k count=64 status=none && stat -c '%n %s %b' dz
dd if=/dev/zero of=dz bs=4096 seek=100 count=1 status=noxfer 2>&1 && stat -c '%n %s %b' dz
dd if=ds ibs=4 obs=8 count=3 2>/dev/null | od -An -c
dd if=ds bs=4 iflag=skip_bytes skip=3 count=1 status=none; echo
dd if=ds bs=16 count=1 oflag=append conv=notrunc of=ds status=none && cat ds && echo
dd if=nosuch of=x 2>&1; echo "dd of a missing file: $?"
truncate -s 10 t1 && stat -c '%n %s %b' t1 && od -An -c t1
printf 'abcdefgh' > t2 && truncate -s 3 t2 && cat t2 && echo
truncate -s 2M t2 && stat -c '%n %s %b' t2 && tail -c 3 t2 | od -An -c
truncate -c -s 5 nosuch && ls -1 nosuch 2>&1
truncate -s 1 d1 2>&1; echo "truncate a directory: $?"
fallocate -l 8192 fa && stat -c '%n %s %b' fa
fallocate -o 16384 -l 4096 fa && stat -c '%n %s %b' fa
rm d1o d2o dz t1 t2 fa

echo "--- du, df, ls -ls"
du -s src
du -k src/a src/sub/numbers.txt src/sparse src/empty
du -a -l src | sort -k2
du -l -s src
du -c src/a src/sub/c | sort -k2
du -s -b src/sparse 2>&1
du -sk cpa
ls -ln src | head -1
ls -1s src
ls -1s src/sparse src/a
ls -lnR src | awk 'NF >= 9 {s=$1" "$2" "$3" "$4; if ($1 !~ /^[cb]/) s=s" "$5; print s, $NF; next} {print}' | sed '/^$/d'
df /tmp | tail -1 | awk '{print $1, $6}'
df -T /tmp 2>&1 | tail -1 | awk '{print $1, $2, $7}'
df -P /tmp | head -1
set -- $(df -k /tmp | tail -1); before=$3
dd if=/dev/zero of=mib bs=1k count=1024 status=none
set -- $(df -k /tmp | tail -1); after=$3
echo "used grew by $((after - before)) KiB after writing 1 MiB"
[ $2 -gt $3 ] && echo "size larger than used: yes"
rm mib
set -- $(df -k /tmp | tail -1); echo "used back after removing it: $((after - $3))"
set -- $(df -i /tmp | tail -1); used=$3
: > i1 && : > i2 && mkdir i3
set -- $(df -i /tmp | tail -1); echo "inodes used grew by $(($3 - used))"
rm -r i1 i2 i3

echo "--- text tools"
printf 'pear\napple\nfig\napple\nbanana\n10\n9\n100\n' > words
sort words
sort -u words | wc -l
sort -r words | head -3
sort -n words | head -4
printf 'b:2\na:10\nc:1\n' | sort -t: -k2 -n
sort words -o words && head -2 words
wc words; wc -l < words; wc -c -w words
head -n 2 words; head -c 5 words; echo
tail -n 2 words; tail -c 4 words; tail -n +7 words
seq 1 10000 > big && tail -n 1 big && tail -c 6 big && head -n 1 big && wc -l big
md5sum words big > sums && md5sum -c sums
echo changed >> words && md5sum -c sums 2>&1; echo "md5sum -c: $?"
cmp words words && echo "cmp same: $?"
printf 'abcdef' > c1; printf 'abXdef' > c2; printf 'abc' > c3
cmp c1 c2; echo "cmp: $?"
cmp -l c1 c2; cmp c1 c3 2>&1; echo "cmp shorter: $?"
cmp -s c1 c2; echo "cmp -s: $?"
printf 'one\ntwo\nthree\n' > e1; printf 'one\n2\nthree\nfour\n' > e2
touch -d "$T0" e1 e2
diff e1 e2; echo "diff: $?"
diff -q e1 e2; echo "diff -q: $?"
printf 'alpha\nbeta\n' > s1 && chmod 0640 s1 && chown 5:6 s1 && ln s1 s1.link
sed -i 's/beta/gamma/' s1 && cat s1 && stat -c '%n %a %u %g %h' s1 s1.link && cat s1.link
sed -i.bak -e '1d' s1 && cat s1 s1.bak
ls -1 | grep -c '^sed'
echo "a b  c" | xargs -n1
printf 'x\0y z\0' | xargs -0 -n1 echo arg
echo 1 2 3 | xargs sh -c 'echo $#' sh
seq 3 | tee teed | wc -l && cat teed
rm words big sums c1 c2 c3 e1 e2 s1 s1.bak s1.link teed

echo "--- fifo"
mkfifo ff && stat -c '%n %F %a %s' ff && ls -ln ff | cut -c1-10
(echo through the fifo > ff) &
cat ff
wait $!; echo "writer: $?"
(sleep 1; printf 'late\n' > ff) &
cat ff
wait $!; echo "late writer: $?"
mkfifo ff 2>&1; echo "mkfifo existing: $?"
rm ff

echo "--- errors"
cat d1 2>&1; echo "cat a directory: $?"
cat f1/x 2>&1; echo "cat under a file: $?"
cat nosuch 2>&1; echo "cat missing: $?"
ln -s loop1 loop2 && ln -s loop2 loop1
cat loop1 2>&1; echo "symlink loop: $?"
readlink -f loop1; echo "readlink -f loop: $?"
ln f1 d1 2>&1; ls -1 d1; echo "ln into a directory: $?"
ln f1 f2 2>&1; echo "ln onto an existing file: $?"
ln -s f1 f2 2>&1; echo "ln -s onto an existing file: $?"
ln d1 dlink 2>&1; echo "hard link to a directory: $?"
(: > $(printf '%0300d' 0)) 2>&1; echo "long name: $?"
touch $(printf '%0255d' 0) && ls -1 | grep -c 0000000000 && rm $(printf '%0255d' 0)
ln -s x $(printf '%0256d' 0) 2>&1; echo "long symlink name: $?"
echo x > d1 2>&1; echo "write to a directory: $?"
echo x > nodir4/x 2>&1; echo "write into a missing directory: $?"
chmod 644 nosuch 2>&1; echo "chmod missing: $?"
chown 1 nosuch 2>&1; echo "chown missing: $?"
stat nosuch 2>&1; echo "stat missing: $?"
ls -1 nosuch 2>&1; echo "ls -1 missing: $?"
touch nodir5/x 2>&1; echo "touch in a missing directory: $?"
rm loop1 loop2

echo "--- processes"
sleep 30 &
sleep=$!
sleep 1
ps </dev/null | head -1 | tr -s ' '
ps </dev/null | grep -c 'sleep 3[0]'
ps -o comm,args </dev/null | grep 'sleep 3[0]' | tr -s ' '
pidof sleep | wc -w
kill $sleep; wait $sleep 2>/dev/null; echo "killed sleep: $?" # "Terminated" or not depends on timing
ps </dev/null | grep -c 'sleep 3[0]'
top -bn1 </dev/null > top.out; echo "top: $?"
grep -c '^Mem: ' top.out
grep -c '^CPU: ' top.out
grep -c '^Load average: ' top.out
grep 'PID' top.out | tr -s ' '
grep -c ' top -bn1$' top.out
free | head -1 | tr -s ' '
free | awk '/^Mem:/ { print "total nonzero:", ($2 > 0) ? "yes" : "no"; print "used below total:", ($3 < $2) ? "yes" : "no"; print "free below total:", ($4 < $2) ? "yes" : "no" }'
free | grep '^Swap:' | tr -s ' '
uptime | grep -c 'load average: '
rm top.out

echo "--- a large directory"
# More entries than one getdents64 call returns: rm reads and removes as it goes.
mkdir big && i=0 && while [ $i -lt 2500 ]; do : > big/entry-with-a-long-name-$i; i=$((i+1)); done
ls big | wc -l
ls big | sort | md5sum
stat -c '%s' big
rm -r big && echo "removed"

echo "--- cleanup"
rm -r src cpa && ls -1
cd / && umount /tmp && echo "tmpfs unmounted"
echo "=== end"
poweroff -f
