-- NUL bytes cannot hide in ids or text.
scenario { id = "nul\0bytes", title = "NUL bytes" }
role "soc\0x" { name = "SOC" }
role "ok" { name = "O\0K" }
