# Run at build time (cmake -P): writes OUT, a header with the git revision of SRC, only when it
# changed, so a commit shows in --version without re-running cmake and without rebuilding
# everything on every build. VERSION is the project's release number.
execute_process(
  COMMAND git -C ${SRC} describe --always --dirty --abbrev=12 --exclude=*
  OUTPUT_VARIABLE rev OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
if(failed OR NOT rev)
  set(rev unknown)
endif()
set(text "#define UMOL4_VERSION \"${VERSION}\"\n#define UMOL4_GIT_REVISION \"${rev}\"\n")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUT} "${text}")
endif()
