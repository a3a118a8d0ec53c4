/*
 * applets/applets.h - every applet's entry point and help text.
 *
 * An applet is applets/NAME.c exporting NAME_main(argc, argv) and
 * NAME_help (the full --help text, usage line first).  main.c's table
 * lists them; argv[0] is the name the applet was invoked as.
 */
#ifndef APPLETS_APPLETS_H
#define APPLETS_APPLETS_H

int client_main(int argc, char **argv);
extern const char client_help[];
int connect_main(int argc, char **argv);
extern const char connect_help[];
int keygen_main(int argc, char **argv);
extern const char keygen_help[];
int server_main(int argc, char **argv);
extern const char server_help[];

/* "COMMIT ARCH" of this build (defined in main.c). */
const char *main_build_id(void);
int term_main(int argc, char **argv);
extern const char term_help[];

#endif
