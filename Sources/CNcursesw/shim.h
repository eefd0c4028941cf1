#ifndef NIANBAO_CNCURSESW_SHIM_H
#define NIANBAO_CNCURSESW_SHIM_H

// Wide-character ncurses: draws and reads Chinese text. Swift cannot import the macros
// below, so each has a small function here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *nianbao_stdscr(void) { return stdscr; }
static inline int nianbao_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int nianbao_a_bold(void) { return (int)A_BOLD; }
static inline int nianbao_a_reverse(void) { return (int)A_REVERSE; }
static inline int nianbao_a_underline(void) { return (int)A_UNDERLINE; }
static inline int nianbao_a_dim(void) { return (int)A_DIM; }
static inline int nianbao_a_normal(void) { return (int)A_NORMAL; }
static inline int nianbao_key_resize(void) { return KEY_RESIZE; }
static inline int nianbao_lines(void) { return LINES; }
static inline int nianbao_cols(void) { return COLS; }
static inline int nianbao_colors(void) { return COLORS; }
static inline WINDOW *nianbao_curscr(void) { return curscr; }
static inline int nianbao_key_btab(void) { return KEY_BTAB; }
static inline int nianbao_key_dc(void) { return KEY_DC; }

#endif
