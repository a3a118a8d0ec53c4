total 657940
drwxr-xr-x 47 root root     53248 Nov 23 23:42 [0m[01;34m.[0m
drwxr-xr-x 68 root root      4096 Nov 23 23:19 [01;34m..[0m
-rw-r--r--  1 root root       496 Apr 27  2026 Mcrt1.o
-rw-r--r--  1 root root      1632 Apr 27  2026 Scrt1.o
drwxr-xr-x  2 root root      4096 May 20  2026 [01;34maudit[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mavahi[0m
drwxr-xr-x  3 root root      4096 Sep 22 04:38 [01;34mbear[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mbfd-plugins[0m
drwxr-xr-x  2 root root      4096 Sep 22 04:38 [01;34mblas[0m
drwxr-xr-x  6 root root      4096 Jun  6 20:09 [01;34mcmake[0m
drwxr-xr-x  5 root root      4096 Sep 22 04:38 [01;34mcppcheck[0m
-rw-r--r--  1 root root      1768 Apr 27  2026 crt1.o
-rw-r--r--  1 root root      1072 Apr 27  2026 crti.o
-rw-r--r--  1 root root       648 Apr 27  2026 crtn.o
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mcryptsetup[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mdri[0m
drwxr-xr-x  2 root root      4096 May 20  2025 [01;34me2fsprogs[0m
drwxr-xr-x  2 root root      4096 May  9  2026 [01;34mengines-3[0m
drwxr-xr-x  3 root root      4096 Sep 22 04:38 [01;34mfpc[0m
drwxr-xr-x  3 root root     12288 May 20  2026 [01;34mgconv[0m
-rw-r--r--  1 root root      2520 Apr 27  2026 gcrt1.o
drwxr-xr-x  3 root root      4096 Jun 24  2025 [01;34mgdk-pixbuf-2.0[0m
drwxr-xr-x  2 root root      4096 Sep 22 04:38 [01;34mgettext[0m
drwxr-xr-x  3 root root      4096 Jun 24  2025 [01;34mgio[0m
drwxr-xr-x  2 root root      4096 May  9  2026 [01;34mgirepository-1.0[0m
drwxr-xr-x  2 root root      4096 May  9  2026 [01;34mglib-2.0[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mgprofng[0m
-rw-r--r--  1 root root      2232 Apr 27  2026 grcrt1.o
drwxr-xr-x  2 root root      4096 May  9  2026 [01;34mgstreamer-1.0[0m
drwxr-xr-x  3 root root      4096 May  9  2026 [01;34mgstreamer1.0[0m
drwxr-xr-x  4 root root      4096 Jun 24  2025 [01;34mgtk-2.0[0m
drwxr-xr-x  3 root root      4096 May  9  2026 [01;34micu[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mjni[0m
drwxr-xr-x  3 root root      4096 Jun 24  2025 [01;34mkrb5[0m
drwxr-xr-x  2 root root      4096 Sep 22 04:38 [01;34mlapack[0m
-rwxr-xr-x  1 root root    215000 Apr 27  2026 [01;32mld-linux-x86-64.so.2[0m
drwxr-xr-x  2 root root      4096 Jun 24  2025 [01;34mldscripts[0m
-rw-r--r--  1 root root      1790 Apr 27  2026 libBrokenLocale.a
lrwxrwxrwx  1 root root        42 Apr 27  2026 [01;36mlibBrokenLocale.so[0m -> /lib/x86_64-linux-gnu/libBrokenLocale.so.1
/etc:
[0m[01;34mPackageKit[0m/
[01;34mX11[0m/
adduser.conf
[01;34malternatives[0m/
[01;34mapache2[0m/
[01;34mapparmor.d[0m/
appstream.conf
[01;34mapt[0m/
bash.bashrc
[01;34mbash_completion.d[0m/
bindresvport.blacklist
[01;34mbinfmt.d[0m/
[01;34mca-certificates[0m/
ca-certificates.conf
[01;34mcron.d[0m/
[01;34mcron.daily[0m/
[01;34mcron.weekly[0m/
[01;34mdbus-1[0m/
[01;34mdconf[0m/
debconf.conf
debian_version
[01;34mdebuginfod[0m/
[01;34mdefault[0m/
deluser.conf
[01;34mdhcp[0m/
[01;34mdpkg[0m/
e2scrub.conf
environment
[01;34menvironment.d[0m/
ethertypes
[01;34mfonts[0m/
fpc-3.2.2.cfg
[01;36mfpc.cfg[0m@
fstab
gai.conf
[01;34mgdb[0m/
gitconfig
[01;34mglvnd[0m/
[01;34mgnucobol[0m/
gprofng.rc
[01;34mgroff[0m/
group
group-
gshadow
gshadow-
[01;34mgss[0m/
[01;34mgtk-2.0[0m/
host.conf
[01;32mhostname[0m*
[01;32mhosts[0m*
hosts.allow
hosts.deny
image.setuid-baseline
[01;34minit.d[0m/
inputrc
[01;34miproute2[0m/
issue
issue.net
[01;34mjava-17-openjdk[0m/
