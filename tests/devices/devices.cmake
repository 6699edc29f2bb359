# Several hosts on one machine (docs/cluster.md): network namespaces as hosts, a bridge between
# them, instances of every variant exchanging frames across them over vxvde. Status 77: the
# machine does not let the test create namespaces (not root), reported as skipped.
umol4_script_test(devices_cluster_netns ${CMAKE_CURRENT_LIST_DIR}/netns_test.sh)
foreach(variant ${UMOL4_VARIANTS})
  set_tests_properties(devices_cluster_netns_${variant} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()

# ia32 string I/O (ins, outs; docs/devices.md): every form on the UART and the test device, page
# faults on the memory operand, I/O faults of a child at its pager.
l4_test(ioports_string 0 OPTS --no-loader SKIP arm mips mipsel riscv)
