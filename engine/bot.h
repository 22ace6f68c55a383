/*
 * Bots play the roles in a headless run: each recipient acknowledges an
 * inject after a delay drawn from its role's range, and the first
 * recipient of an inject with choices decides after a second such delay.
 * Their random numbers come from their own seeded stream, so a scenario's
 * use of random() does not change what the bots do, nor the reverse.
 */
#ifndef TTX_BOT_H
#define TTX_BOT_H

#include <stdint.h>

#include "error.h"

struct exercise;
struct bot;

enum bot_mode { BOT_RANDOM, BOT_FIRST };

/* Bots for ex; they listen from now until bot_free.  Call after the
 * exercise's declarations are loaded and before it starts. */
struct bot	*bot_new(struct exercise *ex, enum bot_mode mode,
		     uint64_t seed);
void		 bot_free(struct bot *b);	/* NULL: no-op */
/* Let bots play only the given role (call once per role); by default
 * they play every role.  -1 if there is no such role. */
int		 bot_play(struct bot *b, const char *role, struct error *e);
/* Make bots always take `choice' on `inject' ("INJECT=CHOICE" ids).
 * -1 with a message naming the unknown id. */
int		 bot_force(struct bot *b, const char *inject,
		     const char *choice, struct error *e);

#endif
