// The thread control block that %fs points to.
//
// The kernel itself uses no thread-local storage, but musl's libc.a (linked
// for Duktape) is compiled with stack protection, which reads its canary
// from %fs:0x28, and musl finds "the current thread" at %fs:0. With %fs
// left at 0 those reads would hit the unmapped null page.
#pragma once

namespace kernel::thread_block {

// Points FS.base at a static block: itself at offset 0, a canary at 0x28.
void init();

}  // namespace kernel::thread_block
