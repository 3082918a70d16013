# Installs the libraries, their headers and an exported CMake package so that
# another project can find_package(sievekit) and link sievekit::sievekit.
include(CMakePackageConfigHelpers)

get_property(_sievekit_libs GLOBAL PROPERTY SIEVEKIT_LIBRARIES)
add_library(sievekit INTERFACE)
add_library(sievekit::sievekit ALIAS sievekit)
target_link_libraries(sievekit INTERFACE ${_sievekit_libs})

install(TARGETS ${_sievekit_libs} sievekit EXPORT sievekitTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(dir common parser ir vm mail delivery extensions store editor sievekit)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${dir})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sievekit/${dir}
            FILES_MATCHING PATTERN "*.h")
  endif()
endforeach()
install(EXPORT sievekitTargets NAMESPACE sievekit::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/sievekit)
configure_package_config_file(cmake/sievekitConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/sievekitConfig.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/sievekit)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/sievekitConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/sievekitConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/sievekitConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/sievekit)
