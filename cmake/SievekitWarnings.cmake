# Warning flags shared by every sievekit target. sievekit_target_warnings(T)
# applies them; SIEVEKIT_WERROR turns them into errors (CI sets it).
# (-Wnull-dereference is left out: with GCC 12 it fires inside libstdc++
# stream code that sievec uses, so it would only teach people to ignore it.)
set(SIEVEKIT_WARNING_FLAGS
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)

function(sievekit_target_warnings target)
  target_compile_options(${target} PRIVATE ${SIEVEKIT_WARNING_FLAGS})
  if(SIEVEKIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# sievekit_library(NAME SOURCES... [DEPS ...] [PRIVATE_DEPS ...]) declares the
# static library sievekit_NAME with the alias sievekit::NAME, the repository
# root as its public include directory, and the project warnings.
function(sievekit_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(sievekit_${name} STATIC ${ARG_SOURCES})
  add_library(sievekit::${name} ALIAS sievekit_${name})
  set_target_properties(sievekit_${name} PROPERTIES EXPORT_NAME ${name}
                        POSITION_INDEPENDENT_CODE ON)
  target_include_directories(sievekit_${name} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/sievekit>)
  target_link_libraries(sievekit_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  sievekit_target_warnings(sievekit_${name})
  # Code built with the sanitizers needs their runtimes wherever it is
  # linked, also in projects that use an installed sanitized build (the
  # install test does).
  if(SIEVEKIT_SANITIZE)
    target_link_options(sievekit_${name} INTERFACE -fsanitize=address,undefined)
  endif()
  set_property(GLOBAL APPEND PROPERTY SIEVEKIT_LIBRARIES sievekit_${name})
endfunction()
