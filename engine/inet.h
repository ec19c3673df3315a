// native:inet (engine/inet.cpp): byte work of the network stack.
#pragma once

namespace engine {

void register_inet_module();

}  // namespace engine
