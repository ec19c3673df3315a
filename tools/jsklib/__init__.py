"""jsklib: the machinery behind tools/jsk, shared with the tests/qemu scenarios.

Modules, each small and standard-library only:
  paths    where the repository, the build tree and the artifacts are
  deps     the Debian packages the project needs, and installing them
  build    configuring and building with CMake + Ninja
  console  reading a child's serial output with deadlines and patterns
  qemu     the QEMU command line, launching it, mapping its exit code
  gdb      attaching GDB to QEMU's gdbstub
  bochs    booting the ISO in Bochs
  bench    benchmarks (`jsk bench NAME`)
  testrun  running CTest and summarising its JUnit report
  cli      the argparse front end used by tools/jsk
"""
