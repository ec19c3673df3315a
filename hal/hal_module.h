// The HAL as JavaScript objects: the native module "hal" (require('hal') on
// bare metal). See docs/hal.md and ../shared/DESIGN.md.
#pragma once

namespace hal {

// Registers the native module "hal" (called from register_natives()).
void register_native();

}  // namespace hal
