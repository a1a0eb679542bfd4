#ifndef TANDEM_CNCURSESW_SHIM_H
#define TANDEM_CNCURSESW_SHIM_H
/* No _XOPEN_SOURCE here, unlike the usual recipe: it renames fields of glibc structs
   (fd_set, ucontext) in this module, and a Swift module that also sees them through
   Foundation (Dispatch) then fails to build with "not present in definition". Wide-character
   curses needs only NCURSES_WIDECHAR; wcwidth, which glibc declares only under X/Open, is
   declared below. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
extern int wcwidth(wchar_t c);
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>

/* Swift 6 imports neither ncurses' macros nor its mutable globals: every one the
   backend uses is wrapped below in a `static inline` function. */

/* ---- Screen and terminal ---- */

/* Whether the terminal can move its cursor (terminfo "cup"): "dumb" cannot. Call after newterm. */
static inline int tandem_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* Opens the terminal on stdout/stdin; NULL (never exit) when TERM is unknown. */
static inline SCREEN *tandem_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *tandem_stdscr(void) { return stdscr; }
static inline WINDOW *tandem_curscr(void) { return curscr; }
static inline int tandem_lines(void) { return LINES; }
static inline int tandem_cols(void) { return COLS; }
static inline int tandem_colors(void) { return COLORS; }
static inline int tandem_color_pairs(void) { return COLOR_PAIRS; }
static inline int tandem_err(void) { return ERR; }
static inline int tandem_ok(void) { return OK; }
static inline int tandem_key_code_yes(void) { return KEY_CODE_YES; }
static inline void tandem_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy; *x = xx;
}
/* Takes the locale from the environment, so wide characters work (before newterm). */
static inline void tandem_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
static inline int tandem_set_escape_delay(int ms) { return set_escdelay(ms); }
static inline int tandem_is_terminal(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }
/* $TERM, or "" when unset. */
static inline const char *tandem_term_name(void) {
    const char *term = getenv("TERM");
    return term ? term : "";
}
static inline int tandem_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- Attributes and colors ---- */

static inline attr_t tandem_a_normal(void) { return A_NORMAL; }
static inline attr_t tandem_a_bold(void) { return A_BOLD; }
static inline attr_t tandem_a_dim(void) { return A_DIM; }
static inline attr_t tandem_a_italic(void) { return A_ITALIC; }
static inline attr_t tandem_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tandem_a_reverse(void) { return A_REVERSE; }
static inline attr_t tandem_color_pair(int pair) { return COLOR_PAIR(pair); }

/* Writes one grapheme (base character then combining marks, NUL-terminated, at most
   CCHARW_MAX) with attributes and a color pair at y,x. `insert` uses wins_wch, which
   does not advance the cursor: the bottom-right cell then does not scroll the screen. */
static inline int tandem_put(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs,
                             int pair, int insert) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, 0, &pair) == ERR) return ERR;
    if (wmove(win, y, x) == ERR) return ERR;
    return insert ? wins_wch(win, &cell) : wadd_wch(win, &cell);
}

/* ---- Mouse (asked for only when the config turns it on) ---- */

static inline int tandem_key_mouse(void) { return KEY_MOUSE; }
/* Asks for left clicks, double clicks and the wheel (on = 1), or for nothing (on = 0), so the
   terminal keeps its own text selection. */
static inline void tandem_set_mouse(int on) {
    mmask_t mask = 0;
    if (on) {
        mask = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
        mask |= BUTTON5_PRESSED;
#endif
    }
    mousemask(mask, NULL);
    mouseinterval(on ? 200 : 0);
}
/* The mouse event after KEY_MOUSE: 1 a click, 2 a double click, 3 the wheel up, 4 the wheel
   down, 0 anything else (or none); its cell in *x, *y. */
static inline int tandem_get_mouse(int *x, int *y) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return 0;
    *x = ev.x; *y = ev.y;
    if (ev.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (ev.bstate & BUTTON1_CLICKED) return 1;
    if (ev.bstate & BUTTON4_PRESSED) return 3;
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED) return 4;
#endif
    return 0;
}

/* ---- Keys ---- */

static inline int tandem_key_resize(void) { return KEY_RESIZE; }
static inline int tandem_key_btab(void) { return KEY_BTAB; }
static inline int tandem_key_up(void) { return KEY_UP; }
static inline int tandem_key_down(void) { return KEY_DOWN; }
static inline int tandem_key_left(void) { return KEY_LEFT; }
static inline int tandem_key_right(void) { return KEY_RIGHT; }
static inline int tandem_key_home(void) { return KEY_HOME; }
static inline int tandem_key_end(void) { return KEY_END; }
static inline int tandem_key_ppage(void) { return KEY_PPAGE; }
static inline int tandem_key_npage(void) { return KEY_NPAGE; }
static inline int tandem_key_dc(void) { return KEY_DC; }
static inline int tandem_key_backspace(void) { return KEY_BACKSPACE; }
static inline int tandem_key_enter(void) { return KEY_ENTER; }
static inline int tandem_key_f(int n) { return KEY_F(n); }

/* Codes of our own for modified arrows, above KEY_MAX and the codes ncurses gives
   terminfo's extended key names (those stay below KEY_MAX + 1000). */
static inline int tandem_key_ctrl_left(void) { return KEY_MAX + 0x1000; }
static inline int tandem_key_ctrl_right(void) { return KEY_MAX + 0x1001; }
static inline int tandem_key_alt_left(void) { return KEY_MAX + 0x1002; }
static inline int tandem_key_alt_right(void) { return KEY_MAX + 0x1003; }
/* Bracketed paste's markers, bound with define_key to codes of our own. */
static inline int tandem_key_paste_start(void) { return KEY_MAX + 0x1004; }
static inline int tandem_key_paste_end(void) { return KEY_MAX + 0x1005; }

/* Makes ncurses report `seq` as `code` (replacing any binding of that sequence). */
static inline void tandem_bind_sequence(const char *seq, int code) { define_key(seq, code); }
/* Same for the string of a terminfo key capability (e.g. "kLFT5"), when the terminal has one. */
static inline void tandem_bind_capability(const char *name, int code) {
    char *seq = tigetstr(name);
    if (seq != NULL && seq != (char *)-1 && seq[0] != '\0') define_key(seq, code);
}

/* ---- Signals and process ---- */

/* The signal that asked us to quit (SIGTERM, SIGHUP, SIGINT), 0 if none. Weak, so every
   object file that inlines the functions below shares the one variable. */
__attribute__((weak)) volatile sig_atomic_t tandem_terminate_signal = 0;

static void tandem_record_terminate_signal(int sig) { tandem_terminate_signal = sig; }

/* Installs async-signal-safe handlers that only record the signal. No SA_RESTART:
   a blocked read returns with EINTR. */
static inline void tandem_install_terminate_handlers(void) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = tandem_record_terminate_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}
static inline int tandem_pending_terminate_signal(void) { return tandem_terminate_signal; }

/* Writes a string to stdout with write(2), after whatever stdio holds. */
static inline void tandem_write_string(const char *s) {
    fflush(stdout);
    size_t left = strlen(s);
    while (left > 0) {
        ssize_t n = write(STDOUT_FILENO, s, left);
        if (n <= 0) break;
        s += n; left -= (size_t)n;
    }
}

static void tandem_restore_terminal(void) {
    if (!isendwin()) endwin();
    tandem_write_string("\033[?2004l");
}
/* Restores the terminal when the process exits with the screen still in curses mode. */
static inline void tandem_restore_terminal_at_exit(void) { atexit(tandem_restore_terminal); }

/* Stops the process as Ctrl-Z would (default SIGTSTP action), and returns on SIGCONT
   with the previous SIGTSTP handler back in place. */
static inline void tandem_stop_process(void) {
    struct sigaction dfl, old;
    sigemptyset(&dfl.sa_mask);
    dfl.sa_flags = 0;
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &old);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &old, NULL);
}

/* ---- Crash: restore the terminal on a trap or fatal signal ---- */

/* The terminal modes before curses started, and what to write to undo curses' screen
   modes, both prepared before any crash so the handler only calls async-signal-safe
   functions (tcsetattr, write, sigaction, sigprocmask, raise). Weak, shared by every
   object file that includes this header. */
__attribute__((weak)) struct termios tandem_saved_modes = {0};
__attribute__((weak)) volatile sig_atomic_t tandem_saved_modes_valid = 0;
__attribute__((weak)) char tandem_crash_reset[512] = {0};
__attribute__((weak)) volatile sig_atomic_t tandem_crash_reset_length = 0;
__attribute__((weak)) volatile sig_atomic_t tandem_in_curses = 0;

/* Saves the terminal's modes as they are now (call before newterm). */
static inline void tandem_save_terminal_modes(void) {
    if (tcgetattr(STDIN_FILENO, &tandem_saved_modes) == 0) tandem_saved_modes_valid = 1;
}

/* Puts back the modes saved by tandem_save_terminal_modes (after a refused start). */
static inline void tandem_restore_saved_terminal_modes(void) {
    if (tandem_saved_modes_valid) tcsetattr(STDIN_FILENO, TCSANOW, &tandem_saved_modes);
}

/* Marks whether curses owns the screen, so a crash outside it (after shutdown, in the
   external editor) leaves the terminal alone. */
static inline void tandem_set_in_curses(int on) { tandem_in_curses = on; }

static inline void tandem_crash_reset_append(const char *s) {
    if (s == NULL || s == (char *)-1) return;
    size_t have = (size_t)tandem_crash_reset_length, add = strlen(s);
    if (have + add >= sizeof tandem_crash_reset) return;
    memcpy(tandem_crash_reset + have, s, add);
    tandem_crash_reset[have + add] = 0;
    tandem_crash_reset_length = (sig_atomic_t)(have + add);
}

/* A terminfo string, or `fallback` when the terminal has none. */
static inline const char *tandem_tigetstr_or(const char *name, const char *fallback) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1 || s[0] == 0) ? fallback : s;
}

/* Whether the terminal has an alternate screen to draw on (`smcup`): vt100 and the Linux
   console have none, so the last frame stays on the one screen after `endwin`. */
static inline int tandem_has_alternate_screen(void) {
    char *s = tigetstr("smcup");
    return (s == NULL || s == (char *)-1 || s[0] == 0) ? 0 : 1;
}

static void tandem_crash_handler(int sig) {
    if (tandem_in_curses) {
        if (tandem_saved_modes_valid) tcsetattr(STDIN_FILENO, TCSANOW, &tandem_saved_modes);
        const char *s = tandem_crash_reset;
        size_t left = (size_t)tandem_crash_reset_length;
        while (left > 0) {
            ssize_t n = write(STDOUT_FILENO, s, left);
            if (n <= 0) break;
            s += n; left -= (size_t)n;
        }
        tandem_in_curses = 0;
    }
    /* Again with the default action: the exit status and core dump are the signal's. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, sig);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(sig);
}

/* Installs the crash handler for SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT (a
   Swift trap is SIGILL or SIGTRAP), on a stack of its own so a stack overflow is caught
   too. Call after newterm: the reset sequence is taken from the terminal's terminfo
   (cursor visible, attributes off, leave the alternate screen), plus bracketed paste and
   mouse reporting off. */
static inline void tandem_install_crash_handlers(void) {
    tandem_crash_reset_length = 0;
    tandem_crash_reset[0] = 0;
    tandem_crash_reset_append("\033[?2004l\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1015l");
    tandem_crash_reset_append(tandem_tigetstr_or("sgr0", "\033[0m"));
    tandem_crash_reset_append(tandem_tigetstr_or("cnorm", "\033[?25h"));
    tandem_crash_reset_append(tandem_tigetstr_or("rmcup", "\033[?1049l"));
    tandem_crash_reset_append("\r\n");

    static char *alternate = NULL;
    if (alternate == NULL) {
        size_t size = SIGSTKSZ > 65536 ? SIGSTKSZ : 65536;
        alternate = malloc(size);
        if (alternate != NULL) {
            stack_t ss;
            ss.ss_sp = alternate;
            ss.ss_size = size;
            ss.ss_flags = 0;
            sigaltstack(&ss, NULL);
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    sa.sa_handler = tandem_crash_handler;
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &sa, NULL);
}
#endif
