#include <stdlib.h>

int atoi(const char *s)
{
	return (int)atol(s);
}
