# The conformance programs, read by CMakeLists.txt (user side, builds them for one ISA) and by
# register.cmake (host side, registers them with ctest). A program's ID is the upper-cased part
# of its name before the first '_': ipc0001_call.c is IPC0001.
set(CONF_PROGRAMS
  ipc0001_call
  ipc0002_sendrecv
  ipc0003_nopartner
  ipc0004_zerotimeout
  ipc0005_atomic
  ipc0006_busy
  ipc0007_cancel
  ipc0008_sigma0
  ipc0009_dwords
  ipc0010_strings
  ipc0011_msgcut
  ipc0012_bufferfault
  ipc0013_pftimeout
  ipc0014_abort
  ipc0015_unmap
  ipc0016_irq
  ipc0020_pfnoanswer
  tim0001_sleep
  tim0002_partner
  tim0003_order
  tim0004_kipclock
  thr0001_create
  thr0002_exregs
  thr0003_switch
  thr0004_ids
  thr0005_schedule
  thr0006_preempt
  thr0007_fpu
  kdb0001_output
  kdb0002_unmapped
  mem0001_mapgrant
  mem0002_hotspot
  mem0003_readonly
  mem0004_flush
  mem0005_pool
  mem0006_exhaust
  mem0007_strbuf
  mem0008_mapmsg
  mem0009_upgrade
  mem0010_grantsame
  mem0011_fpagebit
)
# Not run on x86-emu: qemu-i386 7.2 itself loses the x87 registers across the first signal that a
# faulting instruction raises (bench/probes/qemu_i386_x87_signal.c shows it without umol4), and
# every ia32 system call is such a fault under qemu.
set(CONF_NOT_UNDER_QEMU_I386
  thr0007_fpu
)
# Prepared for kernel features that do not exist yet, or repros of open kernel bugs: built from
# pending/, never registered (docs/conformance.md says why each is pending).
set(CONF_PENDING
)
