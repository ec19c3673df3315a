# jsk_embed_bytecode(SOURCE NAME SYMBOL OUT_CPP): JavaScript the kernel needs
# before (or without) reading any file, embedded in the binary precompiled.
# SOURCE evaluates to one function (an expression, e.g. "(function () {...})");
# build/jsbc (sim/jsbc_main.cpp) compiles it with the kernel's Duktape
# configuration, under the file name NAME (what stack traces show), and
# tools/embed_js.py turns the bytecode into `extern "C" const unsigned char
# SYMBOL[]` and `SYMBOL_length` in OUT_CPP. Loading bytecode instead of
# compiling at boot matters under QEMU TCG, where Duktape's compiler is slow.
function(jsk_embed_bytecode source name symbol out_cpp)
    get_filename_component(stem ${source} NAME_WE)
    set(jsbc ${CMAKE_CURRENT_BINARY_DIR}/${stem}.jsbc)
    set(cpp ${CMAKE_CURRENT_BINARY_DIR}/${stem}_js.cpp)
    add_custom_command(
        OUTPUT ${jsbc}
        COMMAND $<TARGET_FILE:jsbc> --expression ${source} ${name} ${jsbc}
        DEPENDS ${source} jsbc
        COMMENT "Precompiling ${name}")
    add_custom_command(
        OUTPUT ${cpp}
        COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/embed_js.py
                ${jsbc} ${cpp} ${symbol}
        DEPENDS ${jsbc} ${PROJECT_SOURCE_DIR}/tools/embed_js.py
        COMMENT "Embedding ${name} (bytecode)")
    set(${out_cpp} ${cpp} PARENT_SCOPE)
endfunction()
