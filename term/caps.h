/*
 * term/caps.h - what the client assumes about the user's terminal from
 * $TERM alone.  We are static and carry no terminfo, so these are
 * heuristics over the name (stock mosh asks terminfo); every terminal we
 * draw on is assumed to be xterm-class (ECH, BCE, DEC private modes).
 */
#ifndef TERM_CAPS_H
#define TERM_CAPS_H

/*
 * The number of colours `mosh-client -c` prints for TERM (NULL: unset):
 * 256 for names containing "256color" and for truecolor terminals
 * ("*-direct", "*truecolor*", alacritty, kitty, foot, wezterm); 16 for
 * "*-16color"; 88 for "*-88color"; 0 for "dumb", empty or unset; 8 for
 * anything else (xterm, screen, tmux, rxvt, linux, vt220, ...).
 */
int caps_colors(const char *term);

/*
 * Nonzero if window titles may be written: TERM starts with xterm, rxvt,
 * kterm, Eterm, alacritty, screen or tmux (PROTOCOL.md 8.3).
 */
int caps_titles(const char *term);

#endif
