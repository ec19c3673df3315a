#include "kernel/console/console.h"

#include "kernel/console/serial.h"
#include "kernel/console/vga_text.h"
#include "kernel/lib/format.h"

namespace kernel::console {
namespace {

bool serial_present;

void write_serial(const char* data, size_t length) {
    if (!serial_present)
        return;
    size_t start = 0;
    for (size_t i = 0; i < length; i++) {
        if (data[i] == '\n') {
            serial::write(serial::kCom1, data + start, i - start);
            serial::write(serial::kCom1, "\r\n", 2);
            start = i + 1;
        }
    }
    serial::write(serial::kCom1, data + start, length - start);
}

// vformat produces one character at a time; batch them so the serial
// driver can fill its FIFO.
struct LineBuffer {
    char data[256];
    size_t length;
};

void flush(LineBuffer& buffer) {
    write(buffer.data, buffer.length);
    buffer.length = 0;
}

void buffer_put(char c, void* context) {
    auto& buffer = *static_cast<LineBuffer*>(context);
    buffer.data[buffer.length++] = c;
    if (buffer.length == sizeof(buffer.data) || c == '\n')
        flush(buffer);
}

}  // namespace

void init() {
    serial_present = serial::init(serial::kCom1);
    vga_text::init();
}

void write(const char* data, size_t length) {
    write_serial(data, length);
    vga_text::write(data, length);
}

void vprint(const char* fmt, va_list args) {
    LineBuffer buffer;
    buffer.length = 0;
    vformat(buffer_put, &buffer, fmt, args);
    flush(buffer);
}

void print(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vprint(fmt, args);
    va_end(args);
}

}  // namespace kernel::console
