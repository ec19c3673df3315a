// Faults on purpose, selected with `fault=KIND` on the kernel command line,
// so tests can prove that every kind of crash is reported loudly.
#pragma once

namespace kernel {

// Triggers the fault named `kind`; returns only when `kind` is unknown
// (after printing the known kinds).
void run_deliberate_fault(const char* kind);

// Each fault lives in its own function so the backtrace can name it.
void deliberate_page_fault();
void deliberate_invalid_opcode();
void deliberate_general_protection();
void deliberate_divide_error();
void deliberate_panic();
void deliberate_stack_overflow();

}  // namespace kernel
