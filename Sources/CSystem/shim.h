// glibc calls that Swift's Glibc module does not bring.
#ifndef LESSONGEN_CSYSTEM_SHIM_H
#define LESSONGEN_CSYSTEM_SHIM_H

#include <malloc.h>  // mallopt: malloc tuning
#include <fcntl.h>
#include <stdio.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <unistd.h>

// renameat2(2) with RENAME_EXCHANGE (Linux 3.15): swaps two paths in one step. Called
// through syscall(2) because glibc declares renameat2 only under _GNU_SOURCE.
static inline int lessongen_rename_exchange(const char *a, const char *b) {
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 1u << 1);
}

#endif
