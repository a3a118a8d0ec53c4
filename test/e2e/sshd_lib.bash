# test/e2e/sshd_lib.bash - a throwaway OpenSSH or Dropbear server on
# 127.0.0.1 and a throwaway user for the connect tests.  Source after
# lib.sh.  Needs root (useradd, a host key, a high port).
#
#   sshd_user_create        user $RUSER with a fresh home $RHOME whose
#                           login shell sources $T/renv first (tests set
#                           PATH there to hide or show servers)
#   sshd_start              OpenSSH on $SSHD_PORT
#   dropbear_start          Dropbear on $DB_PORT
#   $SSH                    the --ssh command for OpenSSH; $SSH_DB for
#                           Dropbear (both with the generated user key)

chmod 755 "$T"
RUSER=mst$$
RUSER=${RUSER:0:30}
RHOME=$T/home
SSHD_PORT=$((20000 + RANDOM % 10000))
DB_PORT=$((SSHD_PORT + 1))

sshd_user_create() {
	mkdir -p "$RHOME"
	cat >"$T/rshell" <<EOS
#!/bin/sh
. "$T/renv"
exec /bin/sh "\$@"
EOS
	chmod 755 "$T/rshell"
	echo 'PATH=/usr/local/bin:/usr/bin:/bin' >"$T/renv"
	useradd -M -d "$RHOME" -s "$T/rshell" "$RUSER" || return 1
	# At exit: end the user's leftover processes (servers nobody connected
	# to), by pid, then remove the user.
	at_exit "pids=\$(ps -o pid= -u $RUSER); [ -n \"\$pids\" ] && kill \$pids; sleep 0.2; userdel -f $RUSER"
	# "*": no password, but not locked (sshd refuses locked accounts).
	usermod -p '*' "$RUSER"
	chown "$RUSER:" "$RHOME"
	chmod 755 "$RHOME"
	ssh-keygen -q -t ed25519 -N '' -f "$T/userkey" || return 1
	cp "$T/userkey.pub" "$T/authorized_keys"
	chmod 644 "$T/authorized_keys"
	SSH="ssh -p $SSHD_PORT -i $T/userkey -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -F /dev/null"
}

sshd_start() {
	mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" || return 1
	cat >"$T/sshd_config" <<EOS
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $T/hostkey
PidFile none
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $T/authorized_keys
AllowUsers $RUSER
AcceptEnv LANG LC_*
PrintMotd no
EOS
	/usr/sbin/sshd -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
	SSHD_PID=$!
	at_exit "kill $SSHD_PID"
	wait_for 10 bash -c "echo >/dev/tcp/127.0.0.1/$SSHD_PORT"
}

dropbear_start() {
	dropbearkey -t ed25519 -f "$T/dbkey" >/dev/null 2>&1 || return 1
	# Dropbear reads ~/.ssh/authorized_keys only.
	mkdir -p "$RHOME/.ssh"
	cp "$T/userkey.pub" "$RHOME/.ssh/authorized_keys"
	chown -R "$RUSER:" "$RHOME/.ssh"
	chmod 700 "$RHOME/.ssh"
	chmod 600 "$RHOME/.ssh/authorized_keys"
	dropbear -F -E -s -p "127.0.0.1:$DB_PORT" -r "$T/dbkey" \
		2>"$T/dropbear.log" &
	DB_PID=$!
	at_exit "kill $DB_PID"
	SSH_DB="ssh -p $DB_PORT -i $T/userkey -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -F /dev/null"
	wait_for 10 bash -c "echo >/dev/tcp/127.0.0.1/$DB_PORT"
}
