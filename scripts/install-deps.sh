#!/bin/sh
# Installs the Debian 12 packages umol4 needs, and only those that are missing.
# ia32 programs are built with Debian's i686 cross compiler rather than gcc-multilib:
# gcc-multilib conflicts with every gcc-*-linux-gnu cross compiler package.
set -eu
PKGS="cmake make gcc pkg-config libelf-dev libdw-dev libunwind-dev libseccomp-dev qemu-user
      qemu-user-static
      gcc-i686-linux-gnu gcc-arm-linux-gnueabihf gcc-mips-linux-gnu gcc-mipsel-linux-gnu
      binutils-i686-linux-gnu binutils-arm-linux-gnueabihf binutils-mips-linux-gnu
      binutils-mipsel-linux-gnu gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
      picolibc-riscv64-unknown-elf procps python3 help2man man-db gdb-multiarch
      libc6-dev-i386-cross libc6-dev-armhf-cross libc6-dev-mips-cross libc6-dev-mipsel-cross
      libvdeplug-dev vde2 iproute2"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "umol4: missing Debian packages:$missing (run 'make' as root, or install them)" >&2
  exit 1
fi
echo "umol4: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -q --no-install-recommends $missing
