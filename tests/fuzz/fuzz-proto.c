/*
 * The protocol line decoder, fed as the server feeds it: each line copied
 * into a buffer of exactly its size, with no NUL after it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct proto_request	 r;
	enum proto_error	 code;
	struct error		 e;
	char			*line = malloc(len ? len : 1);
	int			 kind;

	memcpy(line, data, len);
	memset(&r, 0, sizeof r);
	if (proto_decode(line, len, PROTO_LINE_MAX, &r, &code, &e) == 0)
		for (kind = PK_PLAYER; kind <= PK_OBSERVER; kind <<= 1)
			(void)proto_allowed(r.type, kind);
	proto_request_free(&r);
	free(line);
	return 0;
}
