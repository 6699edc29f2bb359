# The security tests on every variant (label "security"); included by tests/CMakeLists.txt.
foreach(variant x86 x86-emu arm mips mipsel)
  set(isa ${variant})
  set(mode)
  if(variant STREQUAL "x86-emu")
    set(isa x86)
    set(mode --emulate)
  endif()
  add_test(NAME sec_escape_${variant}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/escape_test.sh $<TARGET_FILE:umol4>
            ${UMOL4_LIBDIR}/${isa} ${mode})
  set_tests_properties(sec_escape_${variant} PROPERTIES LABELS "security;${variant}")
endforeach()
