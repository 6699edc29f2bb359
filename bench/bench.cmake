# The host side of the benchmark suite (docs/performance.md): umol4-bench, built into bin/ next to
# umol4, and its smoke test. The L4 programs are built per ISA by bench/l4/CMakeLists.txt.
add_executable(umol4-bench bench/host/umol4_bench.c bench/host/figures.c bench/host/baseline.c
  bench/host/baseline_map.c bench/host/pfsplit.c bench/host/report.c bench/host/scale.c
  bench/host/scale_proc.c bench/host/scale_report.c bench/host/net.c)
target_compile_definitions(umol4-bench PRIVATE _GNU_SOURCE)
target_link_libraries(umol4-bench PRIVATE m Threads::Threads)
target_sources(umol4-bench PRIVATE os/linux/version.c)
target_include_directories(umol4-bench PRIVATE ${CMAKE_SOURCE_DIR} ${UMOL4_GENERATED})
add_dependencies(umol4-bench umol4_version_header)

# Runs, writes JSON with the expected keys and SVGs, rejects bad options; speed is not asserted.
add_test(NAME bench_smoke
  COMMAND sh ${CMAKE_SOURCE_DIR}/bench/smoke_test.sh $<TARGET_FILE:umol4-bench>)
set_tests_properties(bench_smoke PROPERTIES RUN_SERIAL ON TIMEOUT 600)

# --cluster: four instances on a vxvde network of their own, one pinging the others, on x86 and
# arm; the JSON keys, the answers and a clean stop, never a speed.
add_test(NAME bench_cluster_smoke
  COMMAND sh ${CMAKE_SOURCE_DIR}/bench/cluster_smoke_test.sh $<TARGET_FILE:umol4-bench>)
set_tests_properties(bench_cluster_smoke PROPERTIES TIMEOUT 300)
