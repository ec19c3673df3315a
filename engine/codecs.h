// native:codecs: byte-to-string conversions that Duktape does slowly in
// JavaScript (stdlib/node/internal/buffer_codecs.js uses them when present).
#pragma once

namespace engine {

void register_codecs_module();

}  // namespace engine
