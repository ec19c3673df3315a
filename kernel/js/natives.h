// The kernel's native modules for JavaScript (bare metal only):
//
//   native:sys     the system-call table: syscall(nr, a0..a5), register,
//                  lock, platform 'jskernel'. unode reaches the machine only
//                  through syscall (stdlib/sys); the services in js-drivers/
//                  fill the table.
//   native:kernel  what those services need from the kernel: console I/O,
//                  the event pump, clocks, random bytes, exit, uname.
//
// Both are documented in docs/syscalls.md.
#pragma once

namespace kernel::js {

// Registers native:sys and native:kernel with the engine; called from
// engine::platform::register_native_modules() for each new heap. Also
// turns on console input (the COM1 receive interrupt).
void register_natives();

}  // namespace kernel::js
