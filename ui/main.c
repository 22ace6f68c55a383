#include <stdio.h>
int main(void) { puts("ttxsim"); return 0; }
