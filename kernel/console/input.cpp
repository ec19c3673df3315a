#include "kernel/console/input.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/interrupts.h"
#include "kernel/console/serial.h"
#include "kernel/lib/ring_buffer.h"

namespace kernel::console_input {
namespace {

constexpr uint8_t kCom1Irq = 4;

RingBuffer<uint8_t, kCapacity> ring;
volatile uint64_t received_count;
bool ready;

void push_from_irq(uint8_t byte, void*) { push(byte); }

// Interrupt context, interrupts disabled: drain the FIFO, nothing else.
void on_com1(uint8_t, void*) { serial::drain_receive(serial::kCom1, push_from_irq, nullptr); }

}  // namespace

void init() {
    if (ready)
        return;
    ready = true;
    interrupts::set_irq_handler(kCom1Irq, on_com1, nullptr);
    serial::enable_receive_interrupt(serial::kCom1);
    // Bytes that arrived before the interrupt was on raise no new edge on
    // the PIC (the line may already be high): take them now.
    cpu::InterruptGuard guard;
    serial::drain_receive(serial::kCom1, push_from_irq, nullptr);
}

bool initialized() { return ready; }

bool push(uint8_t byte) {
    // One producer at a time: the ISR runs with interrupts off, and a push
    // from outside interrupt context blocks them for its duration.
    cpu::InterruptGuard guard;
    if (!ring.push(byte))
        return false;
    received_count = received_count + 1;
    return true;
}

size_t read(uint8_t* out, size_t length) {
    size_t n = 0;
    while (n < length && ring.pop(out[n]))
        n++;
    return n;
}

size_t available() { return ring.size(); }
uint64_t overflows() { return ring.overflows(); }
uint64_t received() { return received_count; }

}  // namespace kernel::console_input
