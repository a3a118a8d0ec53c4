*   [33m2633f65[m[33m ([m[1;36mHEAD -> [m[1;32mmain[m[33m)[m Merge branch 'fix'
[31m|[m[32m\[m  
[31m|[m * [33mb52465e[m[33m ([m[1;32mfix[m[33m)[m fix
* [32m|[m   [33mcb73769[m[33m ([m[1;33mtag: v1[m[33m)[m Merge branch 'feature'
[33m|[m[34m\[m [32m\[m  
[33m|[m * [32m|[m [33m7d26198[m[33m ([m[1;32mfeature[m[33m)[m feature 2
[33m|[m * [32m|[m [33m8491e3e[m feature 1
[33m|[m [32m|[m[32m/[m  
* [32m/[m [33m335811c[m main 4
[32m|[m[32m/[m  
* [33m47e5256[m main 3
* [33mb712d0b[m main 2
* [33m2bce644[m main 1
[33mcommit 2633f6576a8fb76807584aa1a505b5bb1a2e1fcd[m
Merge: cb73769 b52465e
Author: T <t@example.org>
Date:   Mon Nov 23 23:43:34 2026 +0000

    Merge branch 'fix'

[33mcommit cb73769ce9d2c84e3e19e5800634dbd95867e760[m
Merge: 335811c 7d26198
Author: T <t@example.org>
Date:   Mon Nov 23 23:43:34 2026 +0000

    Merge branch 'feature'
