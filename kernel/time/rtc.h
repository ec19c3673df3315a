// The MC146818 real-time clock in CMOS: the date and time, to the second.
#pragma once

#include <stdint.h>

#include "kernel/lib/datetime.h"

namespace kernel::rtc {

// `century_register` comes from the ACPI FADT (0 when there is none).
// Returns false when the clock gives an impossible date.
bool read(uint8_t century_register, DateTime& out);

}  // namespace kernel::rtc
