/*
 * A bump allocator for things that live exactly as long as one exercise
 * (declared ids, titles, bodies): many small allocations, one free.
 */
#ifndef TTX_ARENA_H
#define TTX_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *a);	/* NULL is a no-op */
/* Forget everything allocated, keeping the first block for reuse. */
void		 arena_reset(struct arena *a);
/* Memory valid until arena_reset or arena_free; never NULL. */
void		*arena_alloc(struct arena *a, size_t size);
char		*arena_strdup(struct arena *a, const char *s);
char		*arena_strndup(struct arena *a, const char *s, size_t n);

#endif
