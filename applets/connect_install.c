/*
 * applets/connect_install.c - what the connect applet can copy to a
 * remote host (this executable and its siblings for other architectures)
 * and the POSIX sh script that runs there.
 *
 * The script is the ssh remote command (run as `sh -c SCRIPT ARGS`, so a
 * csh or fish login shell only has to pass one single-quoted word: the
 * script is one line without single quotes or backslash pairs).  It
 * speaks to us in lines starting "MOSH-STATIC " on its stdout:
 *
 *   MOSH-STATIC SEND ARCH SIZE   send the binary for ARCH now, then EOF
 *   MOSH-STATIC USING KIND PATH  KIND is path, cache or upload; the
 *                                server (PATH) starts next (or, with the
 *                                hidden --install-only, the script ends)
 *   MOSH-STATIC NOARCH OS MACHINE  we have no binary for this machine
 *   MOSH-STATIC NOTE TEXT        something worth telling the user
 *   MOSH-STATIC ERROR TEXT       the script gave up (exit status 1)
 *
 * The upload is framed by EOF: we write exactly SIZE bytes to ssh's stdin
 * and close it; the script's `cat` ends there.  The file is created mode
 * 600, checked for size and SHA-256 with sha256sum, busybox sha256sum,
 * openssl or shasum, and only then made executable (700) and renamed into
 * place.  If the remote has none of those tools, the fresh upload checks
 * itself (`connect --sha256 FILE`): that still catches a truncated or
 * corrupted transfer, but a cached copy is then never reused unverified
 * (it is uploaded again).  Directories are created 700 and used only when
 * owned by the user, so a copy that passed the check can be changed only
 * by the user or root.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/connect.h"
#include "core/io.h"
#include "core/log.h"

/*
 * $1 mode (auto|always)  $2 flags (r: print SSH_CONNECTION, o: install
 * only)  $3 our version  $4 the PATH server name, then per binary we have:
 * ARCH SHA256 SIZE SUBDIR, then --, then the server's arguments (new ...).
 */
static const char script[] =
    "mode=$1; fl=$2; ver=$3; srv=$4; shift 4; set -f; "
    "nl=$(printf \"\\nx\"); IFS=${nl%x}; "
    "say() { printf MOSH-STATIC; printf \" %s\" \"$@\"; echo; }; "
    "case $fl in *r*) [ -n \"$SSH_CONNECTION\" ] && "
    "printf \"\\nMOSH SSH_CONNECTION %s\\n\" \"$SSH_CONNECTION\";; esac; "
    "go() { k=$1; shift; say USING \"$k\" \"$1\"; "
    "case $fl in *o*) exit 0;; esac; exec \"$@\" </dev/null; }; "
    "s=$(uname -s 2>/dev/null); m=$(uname -m 2>/dev/null); "
    "case $m in x86_64|amd64) a=x86_64;; aarch64|arm64) a=aarch64;; "
    "armv7*|armv8l|armhf) a=armv7;; *) a=;; esac; "
    "[ \"$s\" = Linux ] || a=; "
    "want=; size=; sub=; "
    "while [ $# -gt 0 ]; do if [ \"$1\" = -- ]; then shift; break; fi; "
    "if [ \"$1\" = \"$a\" ]; then want=$2; size=$3; sub=$4; fi; shift 4; "
    "done; "
    "if [ \"$mode\" = auto ]; then "
    "p=$(command -v mosh-static 2>/dev/null); "
    "if [ -n \"$p\" ]; then case $(\"$p\" --version </dev/null 2>/dev/null) in "
    "\"mosh-static $ver \"*) go path \"$p\" server \"$@\";; esac; fi; "
    "p=$(command -v \"$srv\" 2>/dev/null); "
    "if [ -n \"$p\" ]; then go path \"$p\" \"$@\"; fi; "
    "fi; "
    "if [ -z \"$want\" ]; then say NOARCH \"${s:-unknown}\" \"${m:-unknown}\"; "
    "exit 1; fi; "
    "h() { { sha256sum \"$1\" || busybox sha256sum \"$1\" || "
    "openssl dgst -sha256 -r \"$1\" || shasum -a 256 \"$1\"; } "
    "2>/dev/null </dev/null | { IFS=\" \" read -r x y; echo \"$x\"; }; }; "
    "ht=$(h /dev/null); "
    "[ \"$ht\" = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ]"
    " || ht=; "
    "u=${USER:-${LOGNAME:-$(id -u 2>/dev/null)}}; "
    "dirs=; [ -n \"$XDG_CACHE_HOME\" ] && dirs=$XDG_CACHE_HOME/mosh-static$IFS; "
    "[ -n \"$HOME\" ] && dirs=$dirs$HOME/.cache/mosh-static$IFS; "
    "dirs=$dirs/tmp/mosh-static-$u$IFS/var/tmp/mosh-static-$u$IFS"
    "/dev/shm/mosh-static-$u; "
    "for d in $dirs; do f=$d/$sub/mosh-static; [ -f \"$f\" ] || continue; "
    "if [ -z \"$ht\" ]; then say NOTE \"no sha256 tool here: not reusing "
    "unverified $f\"; "
    "elif [ \"$(h \"$f\")\" = \"$want\" ] && [ -O \"$d\" ]; then "
    "chmod 700 \"$f\" 2>/dev/null; "
    "if \"$f\" --version </dev/null >/dev/null 2>&1; then "
    "go cache \"$f\" server \"$@\"; fi; "
    "say NOTE \"cannot execute $f\"; "
    "else say NOTE \"$f does not match its SHA-256: replacing it\"; "
    "rm -f \"$f\"; fi; done; "
    "d=; tried=; for c in $dirs; do tried=\"$tried $c\"; "
    "if mkdir -p \"$c\" 2>/dev/null && [ -O \"$c\" ] && chmod 700 \"$c\" "
    "2>/dev/null; then "
    "t=$c/.probe.$$; rm -f \"$t\"; "
    "printf \"\\043\\041/bin/sh\\nexit 0\\n\" >\"$t\" 2>/dev/null && "
    "chmod 700 \"$t\" && \"$t\" </dev/null >/dev/null 2>&1; r=$?; "
    "rm -f \"$t\"; if [ $r = 0 ]; then d=$c; break; fi; "
    "say NOTE \"cannot write and run programs in $c\"; "
    "else say NOTE \"cannot use $c (not writable or not ours)\"; fi; done; "
    "if [ -z \"$d\" ]; then say ERROR \"no writable and executable "
    "directory for the server (tried:$tried)\"; exit 1; fi; "
    "dd=$d/$sub; t=$dd/.upload.$$; "
    "mkdir -p \"$dd\" && chmod 700 \"$dd\" && rm -f \"$t\" && "
    "(umask 077; : >\"$t\") || { say ERROR \"cannot write in $dd\"; exit 1; }; "
    "say SEND \"$a\" \"$size\"; "
    "cat >\"$t\" || { rm -f \"$t\"; say ERROR \"writing $t failed\"; exit 1; }; "
    "n=$(wc -c <\"$t\" 2>/dev/null) && n=$((n + 0)) && [ \"$n\" != \"$size\" ]"
    " && { rm -f \"$t\"; say ERROR \"upload incomplete: $n of $size bytes\"; "
    "exit 1; }; "
    "if [ -n \"$ht\" ]; then v=$(h \"$t\"); else chmod 700 \"$t\"; "
    "v=$(\"$t\" connect --sha256 \"$t\" </dev/null 2>/dev/null); "
    "say NOTE \"no sha256 tool here: the upload checked its own hash\"; fi; "
    "if [ \"$v\" != \"$want\" ]; then rm -f \"$t\"; say ERROR \"SHA-256 "
    "mismatch after upload (got ${v:-nothing}): not running it\"; exit 1; fi; "
    "chmod 700 \"$t\" && mv -f \"$t\" \"$dd/mosh-static\" || { rm -f \"$t\"; "
    "say ERROR \"cannot install into $dd\"; exit 1; }; "
    "go upload \"$dd/mosh-static\" server \"$@\"";

const char *
connect_install_script(void)
{
	return script;
}

char *
connect_self_path(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n < 0) {
		core_log(CORE_LOG_ERROR, "cannot find this executable "
		    "(/proc/self/exe): %s", strerror(errno));
		return NULL;
	}
	buf[n] = '\0';
	return xstrdup(buf);
}

const char *
connect_native_arch(void)
{
#if defined(__x86_64__)
	return "x86_64";
#elif defined(__aarch64__)
	return "aarch64";
#elif defined(__arm__)
	return "armv7";
#else
	return "unknown";
#endif
}

const char *
connect_map_arch(const char *m)
{
	if (!strcmp(m, "x86_64") || !strcmp(m, "amd64")) {
		return "x86_64";
	}
	if (!strcmp(m, "aarch64") || !strcmp(m, "arm64")) {
		return "aarch64";
	}
	if (!strncmp(m, "armv7", 5) || !strcmp(m, "armv8l") ||
	    !strcmp(m, "armhf")) {
		return "armv7";
	}
	return NULL;
}

int
connect_hash_file(const char *path, char hex[CRYPTO_SHA256_HEX_LEN + 1],
    off_t *size)
{
	uint8_t d[CRYPTO_SHA256_LEN];
	struct crypto_sha256 c;
	char buf[65536];
	off_t total = 0;
	ssize_t r;
	int fd;

	if ((fd = core_open(path, 0, 0)) < 0) {
		return -1;
	}
	crypto_sha256_init(&c);
	while ((r = core_read(fd, buf, sizeof buf)) > 0) {
		crypto_sha256_update(&c, buf, (size_t)r);
		total += r;
	}
	core_close(fd);
	if (r < 0) {
		return -1;
	}
	crypto_sha256_final(&c, d);
	crypto_sha256_hex(d, hex);
	if (size != NULL) {
		*size = total;
	}
	return 0;
}

static int
add_bin(struct connect_bin *b, const char *arch, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		return 0;
	}
	if (connect_hash_file(path, b->sha, &b->size) != 0) {
		core_log(CORE_LOG_WARN, "cannot read %s: %s", path,
		    strerror(errno));
		return 0;
	}
	snprintf(b->arch, sizeof b->arch, "%s", arch);
	b->path = xstrdup(path);
	CORE_LOG(CORE_LOG_DEBUG, "%s binary: %s (%lld bytes, sha256 %s)",
	    arch, path, (long long)b->size, b->sha);
	return 1;
}

int
connect_find_bins(const struct connect_opts *o, struct connect_bin *bins)
{
	static const char *const arches[] = { "x86_64", "aarch64", "armv7" };
	const char *native = connect_native_arch();
	char *self = connect_self_path(), *slash;
	char path[PATH_MAX];
	int n = 0;
	size_t i;

	if (self != NULL) {
		n += add_bin(&bins[n], native, self);
	}
	for (i = 0; i < sizeof arches / sizeof arches[0]; i++) {
		if (!strcmp(arches[i], native)) {
			continue;
		}
		if (o->server_binaries != NULL &&
		    snprintf(path, sizeof path, "%s/mosh-static-%s",
		    o->server_binaries, arches[i]) < (int)sizeof path &&
		    add_bin(&bins[n], arches[i], path)) {
			n++;
			continue;
		}
		if (self != NULL && (slash = strrchr(self, '/')) != NULL &&
		    snprintf(path, sizeof path, "%.*s/mosh-static-%s",
		    (int)(slash - self), self, arches[i]) < (int)sizeof path) {
			n += add_bin(&bins[n], arches[i], path);
		}
	}
	free(self);
	return n;
}

void
connect_free_bins(struct connect_bin *bins, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(bins[i].path);
		bins[i].path = NULL;
	}
}

char *
connect_install_command(const struct connect_opts *o,
    const struct connect_bin *bins, int nbins, char *const *server_args,
    size_t nserver_args)
{
	struct sv w = { 0 };
	char *quoted, *out;
	size_t i, len;
	int b;

	sv_push(&w, "sh");
	sv_push(&w, "-c");
	sv_push(&w, script);
	sv_push(&w, "mosh-static");
	sv_push(&w, o->install == INSTALL_ALWAYS ? "always" : "auto");
	sv_pushf(&w, "-%s%s", o->remote_ip == RIP_REMOTE ? "r" : "",
	    o->install_only ? "o" : "");
	sv_push(&w, MOSH_VERSION);
	sv_push(&w, o->server != NULL ? o->server : "mosh-server");
	for (b = 0; b < nbins; b++) {
		sv_push(&w, bins[b].arch);
		sv_push(&w, bins[b].sha);
		sv_pushf(&w, "%lld", (long long)bins[b].size);
		sv_pushf(&w, "%s-%.16s", MOSH_VERSION, bins[b].sha);
	}
	sv_push(&w, "--");
	for (i = 0; i < nserver_args; i++) {
		sv_push(&w, server_args[i]);
	}
	/* "sh" and "-c" need no quotes; the rest do. */
	quoted = shell_quote_words(w.v + 2, w.n - 2);
	len = strlen(quoted) + 8;
	out = xmalloc(len);
	snprintf(out, len, "sh -c %s", quoted);
	free(quoted);
	sv_free(&w);
	return out;
}
