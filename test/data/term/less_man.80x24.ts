[?1049h[22;0;0t[?1h=LS(1)                            User Commands                           LS(1)[m
[m
[1mNAME[0m[m
       ls - list directory contents[m
[m
[1mSYNOPSIS[0m[m
       [1mls[0m [[4mOPTION[24m]... [[4mFILE[24m]...[m
[m
[1mDESCRIPTION[0m[m
       List  information  about  the FILEs (the current directory by default).[m
       Sort entries alphabetically if none of [1m-cftuvSUX[0m nor [1m--sort[0m  is  speci‐[m
       fied.[m
[m
       Mandatory  arguments  to  long  options are mandatory for short options[m
       too.[m
[m
       [1m-a[0m, [1m--all[0m[m
              do not ignore entries starting with .[m
[m
       [1m-A[0m, [1m--almost-all[0m[m
              do not list implied . and ..[m
[m
       [1m--author[0m[m
[7m Manual page ls(1) line 1 (press h for help or q to quit)[27m[K[K              with [1m-l[0m, print the author of each file[m
[m
       [1m-b[0m, [1m--escape[0m[m
              print C-style escapes for nongraphic characters[m
[m
       [1m--block-size[0m=[4mSIZE[24m[m
              with  [1m-l[0m,  scale  sizes  by  SIZE  when  printing  them;   e.g.,[m
              '--block-size=M'; see SIZE format below[m
[m
       [1m-B[0m, [1m--ignore-backups[0m[m
              do not list implied entries ending with ~[m
[m
       [1m-c[0m     with [1m-lt[0m: sort by, and show, ctime (time of last modification of[m
              file status information); with [1m-l[0m: show ctime and sort by  name;[m
              otherwise: sort by ctime, newest first[m
[m
       [1m-C[0m     list entries by columns[m
[m
       [1m--color[0m[=[4mWHEN[24m][m
              color the output WHEN; more info below[m
[m
       [1m-d[0m, [1m--directory[0m[m
              list directories themselves, not their contents[m
[7m Manual page ls(1) line 24 (press h for help or q to quit)[27m[K[K[m
       [1m-D[0m, [1m--dired[0m[m
              generate output designed for Emacs' dired mode[m
[m
       [1m-f[0m     list all entries in directory order[m
[m
       [1m-F[0m, [1m--classify[0m[=[4mWHEN[24m][m
              append indicator (one of */=>@|) to entries WHEN[m
[m
       [1m--file-type[0m[m
              likewise, except do not append '*'[m
[m
       [1m--format[0m=[4mWORD[24m[m
              across  [1m-x[0m, commas [1m-m[0m, horizontal [1m-x[0m, long [1m-l[0m, single-column [1m-1[0m,[m
              verbose [1m-l[0m, vertical [1m-C[0m[m
[m
       [1m--full-time[0m[m
              like [1m-l[0m [1m--time-style[0m=[4mfull-iso[24m[m
[m
       [1m-g[0m     like [1m-l[0m, but do not list owner[m
[m
       [1m--group-directories-first[0m[m
              group directories before files; can be augmented with  a  [1m--sort[0m[m
[7m Manual page ls(1) line 47 (press h for help or q to quit)[27m[K[K/[Kss[Koo[Krr[Ktt[K[1;1H[m
[2;1H       [1m-D[0m, [1m--dired[0m[m
[3;1H              generate output designed for Emacs' dired mode[m
[4;1H[m
[5;1H       [1m-f[0m     list all entries in directory order[m
[6;1H[m
[7;1H       [1m-F[0m, [1m--classify[0m[=[4mWHEN[24m][m
[8;1H              append indicator (one of */=>@|) to entries WHEN[m
[9;1H[m
[10;1H       [1m--file-type[0m[m
[11;1H              likewise, except do not append '*'[m
[12;1H[m
[13;1H       [1m--format[0m=[4mWORD[24m[m
[14;1H              across  [1m-x[0m, commas [1m-m[0m, horizontal [1m-x[0m, long [1m-l[0m, single-column [1m-1[0m,[m
[15;1H              verbose [1m-l[0m, vertical [1m-C[0m[m
[16;1H[m
[17;1H       [1m--full-time[0m[m
[18;1H              like [1m-l[0m [1m--time-style[0m=[4mfull-iso[24m[m
[19;1H[m
[20;1H       [1m-g[0m     like [1m-l[0m, but do not list owner[m
[21;1H[m
[22;1H       [1m--group-directories-first[0m[m
[23;1H              group directories before files; can be augmented with  a  [1m--sort[0m[m
[24;1H[1;1H[m
[2;1H       [1m-D[0m, [1m--dired[0m[m
[3;1H              generate output designed for Emacs' dired mode[m
[4;1H[m
[5;1H       [1m-f[0m     list all entries in directory order[m
[6;1H[m
[7;1H       [1m-F[0m, [1m--classify[0m[=[4mWHEN[24m][m
[8;1H              append indicator (one of */=>@|) to entries WHEN[m
[9;1H[m
[10;1H       [1m--file-type[0m[m
[11;1H              likewise, except do not append '*'[m
[12;1H[m
[13;1H       [1m--format[0m=[4mWORD[24m[m
[14;1H              across  [1m-x[0m, commas [1m-m[0m, horizontal [1m-x[0m, long [1m-l[0m, single-column [1m-1[0m,[m
[15;1H              verbose [1m-l[0m, vertical [1m-C[0m[m
[16;1H[m
[17;1H       [1m--full-time[0m[m
[18;1H              like [1m-l[0m [1m--time-style[0m=[4mfull-iso[24m[m
[19;1H[m
[20;1H       [1m-g[0m     like [1m-l[0m, but do not list owner[m
[21;1H[m
[22;1H       [1m--group-directories-first[0m[m
[23;1H              group directories before files; can be augmented with  a  [1m--[0m[1m[7msort[27m[0m[m
[24;1H              option, but any use of [1m--[0m[1m[7msort[27m[0m=[4mnone[24m ([1m-U[0m) disables grouping[m
[m
       [1m-G[0m, [1m--no-group[0m[m
              in a long listing, don't print group names[m
[m
       [1m-h[0m, [1m--human-readable[0m[m
              with [1m-l[0m and [1m-s[0m, print sizes like 1K 234M 2G etc.[m
[m
       [1m--si[0m   likewise, but use powers of 1000 not 1024[m
[m
       [1m-H[0m, [1m--dereference-command-line[0m[m
              follow symbolic links listed on the command line[m
[m
       [1m--dereference-command-line-symlink-to-dir[0m[m
              follow  each  command line symbolic link that points to a direc‐[m
              tory[m
[m
       [1m--hide[0m=[4mPATTERN[24m[m
              do not list implied entries matching shell  PATTERN  (overridden[m
              by [1m-a[0m or [1m-A[0m)[m
[m
       [1m--hyperlink[0m[=[4mWHEN[24m][m
[7m Manual page ls(1) line 69 (press h for help or q to quit)[27m[K[K/[K              hyperlink file names WHEN[m
[7m Manual page ls(1) line 70 (press h for help or q to quit)[27m[K[K[HM              group directories before files; can be augmented with  a  [1m--[0m[1m[7msort[27m[0m[m
[HM       [1m--group-directories-first[0m[m
[HM[m
[HM       [1m-g[0m     like [1m-l[0m, but do not list owner[m
[HM[m
[HM              like [1m-l[0m [1m--time-style[0m=[4mfull-iso[24m[m
[HM       [1m--full-time[0m[m
[HM[m
[HM              verbose [1m-l[0m, vertical [1m-C[0m[m
[HM              across  [1m-x[0m, commas [1m-m[0m, horizontal [1m-x[0m, long [1m-l[0m, single-column [1m-1[0m,[m
[HM       [1m--format[0m=[4mWORD[24m[m
[HM[m
[HM              likewise, except do not append '*'[m
[HM       [1m--file-type[0m[m
[HM[m
[HM              append indicator (one of */=>@|) to entries WHEN[m
[HM       [1m-F[0m, [1m--classify[0m[=[4mWHEN[24m][m
[HM[m
[HM       [1m-f[0m     list all entries in directory order[m
[HM[m
[HM              generate output designed for Emacs' dired mode[m
[HM       [1m-D[0m, [1m--dired[0m[m
[HM[m
[24;1H[K[7m Manual page ls(1) line 47 (press h for help or q to quit)[27m[K