/*
 * Bump allocator: see arena.h.  Blocks are chained; a request larger than
 * a block gets a block of its own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define ARENA_BLOCK	(32 * 1024)
#define ARENA_ALIGN	(sizeof(max_align_t))

struct arena_block {
	struct arena_block	*next;
	size_t			 size, used;
	max_align_t		 data[];
};

struct arena {
	struct arena_block	*head;
};

static struct arena_block *
arena_block_new(size_t size)
{
	struct arena_block	*b;

	b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	struct arena	*a;

	a = xmalloc(sizeof *a);
	a->head = arena_block_new(ARENA_BLOCK);
	return a;
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct arena_block	*b, *next, *keep = NULL;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (next == NULL && b->size == ARENA_BLOCK)
			keep = b;	/* the first block, at the tail */
		else
			free(b);
	}
	if (keep == NULL)
		keep = arena_block_new(ARENA_BLOCK);
	keep->used = 0;
	keep->next = NULL;
	a->head = keep;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_block	*b = a->head;
	void			*p;

	size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (size == 0)
		size = ARENA_ALIGN;
	if (b->size - b->used < size) {
		if (size > ARENA_BLOCK / 4) {
			/* big: its own block, behind the current one */
			b = arena_block_new(size);
			b->next = a->head->next;
			a->head->next = b;
			b->used = size;
			return b->data;
		}
		b = arena_block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
