# The installed SDK (docs/sdk.md): `cmake --install build --prefix P` or `make install` gives
#   P/bin/{umol4,umol4-cc,umol4-trace,umol4-bench}
#   P/lib/umol4/<isa>/     sigma0, loader, stub, crt0.o, l4.ld, libl4.a, libl4-trap.a, examples/, bench/
#   P/include/umol4/       common/ (libc, l4sys) and <arch>/ (l4/arch) headers
#   P/lib/pkgconfig/umol4-<isa>.pc, P/lib/cmake/umol4/ (find_package(umol4))
#   P/share/man/man1/, P/share/doc/umol4/ (docs, examples, the out-of-tree example project)
# Nothing installed names the prefix, the source or the build tree: each tool finds the others
# relative to itself, the .pc files through ${pcfiledir}, the CMake package through its own
# location. The directory names are fixed (not GNUInstallDirs' multiarch lib/) because the tools
# look for bin/../lib/umol4.
install(TARGETS umol4 umol4-trace umol4-bench RUNTIME DESTINATION bin)
install(PROGRAMS ${CMAKE_BINARY_DIR}/bin/umol4-cc DESTINATION bin)

foreach(isa ${UMOL4_ISAS})
  set(out ${UMOL4_LIBDIR}/${isa})
  install(FILES ${out}/sigma0.elf ${out}/roottask.elf ${out}/crt0.o ${out}/l4.ld ${out}/libl4.a
    ${out}/libl4-trap.a
    DESTINATION lib/umol4/${isa})
  install(PROGRAMS ${out}/stub DESTINATION lib/umol4/${isa}) # exec'd natively on x86
  install(DIRECTORY ${out}/examples ${out}/bench DESTINATION lib/umol4/${isa})
endforeach()

install(DIRECTORY user/include/ DESTINATION include/umol4/common)
foreach(arch ${UMOL4_ARCH_DIRS})
  install(DIRECTORY arch/${arch}/include/ DESTINATION include/umol4/${arch})
endforeach()

# pkg-config, one module per ISA. The compiler's own freestanding headers (stdarg.h, stdint.h)
# live in a Debian path that depends on the cross gcc, asked here as umol4-cc asks at run time.
# (in a function: the toolchain file's variables must not reach the host project)
function(umol4_pkgconfig isa)
  include(${CMAKE_SOURCE_DIR}/toolchains/${isa}.cmake)
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
    OUTPUT_VARIABLE UMOL4_PC_GCC_INCLUDE OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(UMOL4_PC_ISA ${isa})
  set(UMOL4_PC_CC ${CMAKE_C_COMPILER})
  set(UMOL4_PC_FLAGS "${UMOL4_ARCH_FLAGS} ${UMOL4_FREESTANDING_FLAGS}")
  string(REGEX REPLACE "^mips.*" "mips" UMOL4_PC_ARCH ${isa})
  configure_file(${CMAKE_SOURCE_DIR}/cmake/umol4.pc.in ${CMAKE_BINARY_DIR}/pkgconfig/umol4-${isa}.pc
    @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/pkgconfig/umol4-${isa}.pc DESTINATION lib/pkgconfig)
endfunction()
foreach(isa ${UMOL4_ISAS})
  umol4_pkgconfig(${isa})
endforeach()

# The CMake package: find_package(umol4) -> umol4_add_program(NAME ISA SOURCES...).
include(CMakePackageConfigHelpers)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/umol4ConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES cmake/umol4Config.cmake ${CMAKE_BINARY_DIR}/cmake/umol4ConfigVersion.cmake
  DESTINATION lib/cmake/umol4)
list(TRANSFORM UMOL4_ISAS PREPEND toolchains/ OUTPUT_VARIABLE _umol4_toolchains)
list(TRANSFORM _umol4_toolchains APPEND .cmake)
install(FILES ${_umol4_toolchains} DESTINATION lib/cmake/umol4/toolchains)

# Man pages, generated from each tool's --help by help2man (so they cannot drift from it) plus
# the sections in docs/man/<tool>.h2m. --version-string: the version alone, not the paths and
# qemu versions of the machine that built them.
set(UMOL4_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(pages)
foreach(tool umol4 umol4-cc umol4-trace umol4-bench)
  if(tool STREQUAL "umol4-cc")
    set(exe ${CMAKE_BINARY_DIR}/bin/umol4-cc)
    set(deps ${CMAKE_SOURCE_DIR}/user/umol4-cc.in)
  else()
    set(exe $<TARGET_FILE:${tool}>)
    set(deps ${tool})
  endif()
  add_custom_command(OUTPUT ${UMOL4_MAN_DIR}/${tool}.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${UMOL4_MAN_DIR}
    COMMAND help2man --no-info --no-discard-stderr --section=1
            --version-string=${PROJECT_VERSION} --source=umol4
            --include=${CMAKE_SOURCE_DIR}/docs/man/${tool}.h2m
            --output=${UMOL4_MAN_DIR}/${tool}.1 ${exe}
    DEPENDS ${deps} ${CMAKE_SOURCE_DIR}/docs/man/${tool}.h2m
    VERBATIM)
  list(APPEND pages ${UMOL4_MAN_DIR}/${tool}.1)
endforeach()
add_custom_target(umol4_man ALL DEPENDS ${pages})
install(FILES ${pages} DESTINATION share/man/man1)

# Documentation and examples: the docs as in the source tree, the example sources, and the
# out-of-tree example project (user/examples/sdk) that docs/sdk.md walks through.
install(FILES README.md DESTINATION share/doc/umol4)
install(DIRECTORY docs/ DESTINATION share/doc/umol4/docs PATTERN man EXCLUDE)
install(FILES user/examples/hello.c user/examples/demo.c user/examples/chief.c
  user/examples/server.c user/examples/counter.h user/examples/system.cfg
  DESTINATION share/doc/umol4/examples)
install(DIRECTORY user/examples/sdk DESTINATION share/doc/umol4/examples)

include(${CMAKE_SOURCE_DIR}/cmake/package.cmake)
