# Several hosts on one machine (docs/cluster.md): network namespaces as hosts, a bridge between
# them, instances of every variant exchanging frames across them over vxvde. Status 77: the
# machine does not let the test create namespaces (not root), reported as skipped.
umol4_script_test(devices_cluster_netns ${CMAKE_CURRENT_LIST_DIR}/netns_test.sh)
foreach(variant ${UMOL4_VARIANTS})
  set_tests_properties(devices_cluster_netns_${variant} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
