/* The kernel's symbol table (see kernel/lib/symbolizer.h), produced by
 * tools/mksyms.py from the first link and embedded in the second. */
    .section .ksyms, "a"
    .balign 16
    .incbin KSYMS_FILE
