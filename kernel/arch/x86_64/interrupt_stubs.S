/*
 * Interrupt entry stubs: one per vector we use (exceptions 0-31, PIC IRQs
 * 32-47). Each pushes a uniform frame (see InterruptFrame in
 * interrupts.h) and jumps to interrupt_common, which saves the FPU/SSE
 * state too (the kernel uses SSE, e.g. Duktape's doubles), calls
 * interrupt_dispatch(frame) and returns with iretq.
 */

/* Exceptions for which the CPU pushes an error code (SDM vol. 3, 6.15). */
.macro STUB_WITH_ERROR vector
    .global interrupt_stub_\vector
interrupt_stub_\vector:
    pushq $\vector
    jmp interrupt_common
.endm

.macro STUB_NO_ERROR vector
    .global interrupt_stub_\vector
interrupt_stub_\vector:
    pushq $0                /* fake error code keeps the frame uniform */
    pushq $\vector
    jmp interrupt_common
.endm

    .text
    .balign 16
interrupt_common:
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    mov %rsp, %rdi          /* argument: the frame */
    mov %rsp, %rbx          /* callee-saved: where the frame is */
    sub $512, %rsp
    and $-16, %rsp          /* fxsave needs 16-byte alignment; so does the ABI */
    fxsave (%rsp)
    cld
    call interrupt_dispatch
    fxrstor (%rsp)
    mov %rbx, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    add $16, %rsp           /* vector and error code */
    iretq

STUB_NO_ERROR 0
STUB_NO_ERROR 1
STUB_NO_ERROR 2
STUB_NO_ERROR 3
STUB_NO_ERROR 4
STUB_NO_ERROR 5
STUB_NO_ERROR 6
STUB_NO_ERROR 7
STUB_WITH_ERROR 8
STUB_NO_ERROR 9
STUB_WITH_ERROR 10
STUB_WITH_ERROR 11
STUB_WITH_ERROR 12
STUB_WITH_ERROR 13
STUB_WITH_ERROR 14
STUB_NO_ERROR 15
STUB_NO_ERROR 16
STUB_WITH_ERROR 17
STUB_NO_ERROR 18
STUB_NO_ERROR 19
STUB_NO_ERROR 20
STUB_WITH_ERROR 21
STUB_NO_ERROR 22
STUB_NO_ERROR 23
STUB_NO_ERROR 24
STUB_NO_ERROR 25
STUB_NO_ERROR 26
STUB_NO_ERROR 27
STUB_NO_ERROR 28
STUB_WITH_ERROR 29
STUB_WITH_ERROR 30
STUB_NO_ERROR 31
.irp vector, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
STUB_NO_ERROR \vector
.endr

/* Table of stub addresses, indexed by vector, for idt.cpp. */
    .section .rodata
    .balign 8
    .global interrupt_stub_table
interrupt_stub_table:
.irp vector, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
    .quad interrupt_stub_\vector
.endr
