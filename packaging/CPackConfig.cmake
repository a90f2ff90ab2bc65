# Debian package of Rectrack (DESIGN.md §10), built from a build tree with
#     cpack -G DEB            (or: cpack --config CPackConfig.cmake -G DEB)
# Built for Debian 12 (bookworm) and systems built on it. Included at the end of the top-level
# CMakeLists.txt; the install rules of the data files (desktop entry, icons, MIME type, man pages,
# changelog, copyright) are in packaging/install-files.cmake.

include(${CMAKE_CURRENT_LIST_DIR}/install-files.cmake)

set(CPACK_PACKAGE_NAME "rectrack")
set(CPACK_PACKAGE_VENDOR "Rectrack maintainers")
set(CPACK_PACKAGE_CONTACT "Rectrack maintainers <maintainers@users.noreply.r-seed-2862f689.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "inspection rectification supervision register (巡察整改监督台账)")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "rectrack")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_SET_DESTDIR OFF)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME "rectrack")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The control file's extended description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before it as
# the synopsis and indents every line. No double quotes: CPack mangles them.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Rectrack keeps the one-platform-two-ledgers register of an inspection
office: every problem an inspection feeds back is registered, its
rectification is supervised until it is verified and closed out, and the
office gets completion-rate figures, charts and reports for committee
meetings. It runs offline; one SQLite file (*.rtreg) holds a whole
register, evidence included.
.
This package contains the desktop application (rectrack) and the batch
command line (rectrack-cli). The interface speaks Chinese by default.")

# Libraries from dpkg-shlibdeps, plus what it cannot see: the Qt SQLite driver and platform
# plugins (loaded at run time), the font the PDF reports and charts use, and Qt's own Chinese
# translations (qtbase_zh_CN.qm, loaded by resources/i18n.cpp; Rectrack's own .qm files are
# compiled into the programs).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-wqy-microhei, qt6-translations-l10n")
# Without it a Qt 6 program takes no Chinese input under fcitx5.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fcitx5-frontend-qt6")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Package files owned by root, directories 0755 (lintian).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

include(CPack)
