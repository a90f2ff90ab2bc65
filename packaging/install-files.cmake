# Install rules of Rectrack's data files (the programs are installed by app/CMakeLists.txt).
# Paths follow the FHS under CMAKE_INSTALL_PREFIX (/usr in the .deb).
include(GNUInstallDirs)

set(_rt_res ${CMAKE_SOURCE_DIR}/resources)
set(_rt_pkg ${CMAKE_SOURCE_DIR}/packaging)

# Desktop entry, MIME type of register files (*.rtreg), icons (application and MIME type).
install(FILES ${_rt_res}/rectrack.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_rt_res}/mime/rectrack.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(DIRECTORY ${_rt_res}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
        FILES_MATCHING PATTERN "rectrack.png" PATTERN "rectrack.svg")
install(FILES ${_rt_res}/icons/hicolor/scalable/apps/rectrack.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
        RENAME application-x-rectrack-register.svg)

# Man pages and the Debian changelog, compressed as Debian policy wants (gzip -9n: no name,
# no timestamp, so the package builds reproducibly).
find_program(RECTRACK_GZIP gzip REQUIRED)
set(_rt_gz)
foreach(_src IN ITEMS man/rectrack.1 man/rectrack-cli.1 debian/changelog)
    get_filename_component(_name ${_src} NAME)
    set(_out ${CMAKE_BINARY_DIR}/packaging/${_name}.gz)
    add_custom_command(OUTPUT ${_out}
        COMMAND ${CMAKE_COMMAND} -E copy ${_rt_pkg}/${_src} ${CMAKE_BINARY_DIR}/packaging/${_name}
        COMMAND ${RECTRACK_GZIP} -9nf ${CMAKE_BINARY_DIR}/packaging/${_name}
        DEPENDS ${_rt_pkg}/${_src} VERBATIM)
    list(APPEND _rt_gz ${_out})
endforeach()
add_custom_target(rectrack_packaging_files ALL DEPENDS ${_rt_gz})
install(FILES ${CMAKE_BINARY_DIR}/packaging/rectrack.1.gz ${CMAKE_BINARY_DIR}/packaging/rectrack-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rectrack RENAME changelog.Debian.gz)
install(FILES ${_rt_pkg}/debian/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rectrack)

# The user manual as PDF (issue #28), Chinese and English, written by the freshly built
# rectrack-cli from the Markdown compiled into it (docs/manual), so the .deb and the offline bundle
# carry the manual of exactly this build.
file(GLOB _rt_manual_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/manual/*/*.md)
set(_rt_manual_zh ${CMAKE_BINARY_DIR}/packaging/rectrack-manual.pdf)
set(_rt_manual_en ${CMAKE_BINARY_DIR}/packaging/rectrack-manual-en.pdf)
add_custom_command(OUTPUT ${_rt_manual_zh} ${_rt_manual_en}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND $<TARGET_FILE:rectrack-cli> manual -o ${_rt_manual_zh} --lang zh_CN
    COMMAND $<TARGET_FILE:rectrack-cli> manual -o ${_rt_manual_en} --lang en
    DEPENDS rectrack-cli ${_rt_manual_sources}
    COMMENT "Writing the user manual (PDF, zh_CN and en)" VERBATIM)
add_custom_target(rectrack_manual_pdf ALL DEPENDS ${_rt_manual_zh} ${_rt_manual_en})
install(FILES ${_rt_manual_zh} ${_rt_manual_en} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rectrack)
