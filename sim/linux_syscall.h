#pragma once

namespace sim {

// Registers native:sys ({syscall, platform}) for the engine.
void register_linux_syscall();

}  // namespace sim
