# umol4-trace (tools/): compares, converts and summarises event traces (docs/tracing.md).
# A host tool in C11 with no dependency beyond libc: trace_read.h says why its JSON parser is
# hand-written.
add_executable(umol4-trace
  tools/umol4_trace.c tools/trace_read.c tools/trace_format.c tools/trace_timeline.c
  tools/trace_diff.c tools/trace_chrome.c tools/trace_summary.c tools/trace_svg.c)
target_compile_definitions(umol4-trace PRIVATE _GNU_SOURCE)
target_sources(umol4-trace PRIVATE os/linux/version.c)
target_include_directories(umol4-trace PRIVATE ${CMAKE_SOURCE_DIR} ${UMOL4_GENERATED})
add_dependencies(umol4-trace umol4_version_header)
