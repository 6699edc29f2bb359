# `make package` (top level) or `cpack` in the build tree: umol4_<version>_amd64.deb, the SDK as
# installed under /usr. Depends names what the installed tools run: the kernel's shared
# libraries, qemu-user for ARM, MIPS and --emulate, and the cross compilers umol4-cc drives.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME umol4)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "umol4")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "user-mode L4 V2 microkernel for ia32, ARM and MIPS programs, with its SDK")
set(CPACK_PACKAGE_DESCRIPTION
  "umol4 runs L4 Version 2 programs as ordinary Linux processes: ia32 natively, ARM and\nMIPS under qemu-user. Includes umol4-cc, the per-ISA runtime, headers, pkg-config\nfiles, a CMake package, umol4-trace and umol4-bench.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "umol4 developers <umol4@localhost>")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libc6 (>= 2.34), libelf1 (>= 0.187), libdw1 (>= 0.187), libunwind8, libseccomp2, libvdeplug2, qemu-user, gcc-i686-linux-gnu, gcc-arm-linux-gnueabihf, gcc-mips-linux-gnu, gcc-mipsel-linux-gnu, gcc-riscv64-unknown-elf")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pkg-config, cmake (>= 3.20), make, vde2")
set(CPACK_STRIP_FILES OFF)
include(CPack)
