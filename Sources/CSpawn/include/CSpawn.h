#ifndef NIANBAO_CSPAWN_H
#define NIANBAO_CSPAWN_H
#include <spawn.h>

// posix_spawn_file_actions_addclosefrom_np (glibc 2.34+), which Swift cannot see without
// _GNU_SOURCE: a spawned program gets no descriptor of ours beyond its standard three.
int nianbao_spawn_close_from(posix_spawn_file_actions_t *actions, int from);

#endif
