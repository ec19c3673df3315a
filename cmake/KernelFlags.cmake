# Compiler flags for code that runs in the kernel, as an INTERFACE library
# that kernel targets link against. Same compiler as the host build; what
# makes it a kernel build is:
#   -ffreestanding -nostdinc     no hosted C library, no glibc headers: only the
#                                compiler's own freestanding headers
#                                (stddef.h, stdint.h, stdarg.h, ...)
#   -fno-exceptions -fno-rtti    no C++ runtime support needed
#   -mno-red-zone                interrupts push onto the current stack
#   -mcmodel=kernel? no: the kernel is identity-mapped at 1 MiB, so the default
#                                small code model (everything below 2 GiB) fits
#   -fno-pic -no-pie             linked at a fixed address
#   -fno-omit-frame-pointer      backtraces walk the rbp chain
#   -fno-stack-protector         no __stack_chk_guard in a freestanding kernel
# SSE stays enabled: Duktape computes with doubles, and boot.S turns SSE on
# before any C++ runs. Interrupt entry saves the FPU/SSE state (fxsave).
execute_process(
    COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=include
    OUTPUT_VARIABLE KERNEL_COMPILER_INCLUDE
    OUTPUT_STRIP_TRAILING_WHITESPACE)

add_library(kernel_flags INTERFACE)
target_compile_options(kernel_flags INTERFACE
    -ffreestanding -nostdinc -isystem ${KERNEL_COMPILER_INCLUDE}
    -fno-pic -fno-pie -mno-red-zone -mcmodel=small
    -fno-omit-frame-pointer -fno-stack-protector -fno-builtin-exit
    -fno-asynchronous-unwind-tables -fno-unwind-tables
    $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit>
    -Wall -Wextra -Wno-unused-parameter)
target_compile_definitions(kernel_flags INTERFACE JSK_KERNEL=1)
target_include_directories(kernel_flags INTERFACE ${PROJECT_SOURCE_DIR})

# Host builds of the same portable sources (kernel/lib) for GoogleTest.
add_library(host_flags INTERFACE)
target_compile_options(host_flags INTERFACE -Wall -Wextra -Wno-unused-parameter)
target_include_directories(host_flags INTERFACE ${PROJECT_SOURCE_DIR})
