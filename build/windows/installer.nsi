; MentorDesk's Windows installer, built on Linux with makensis (make package-windows).
; Per user: installs into the user's own programs folder without asking for administrator
; rights, adds a Start-menu entry and an uninstaller (Settings > Apps lists it). The director's
; data (%APPDATA%\MentorDesk) is never touched by installing, updating or uninstalling.
;
; makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRC=dist/windows -DOUT=dist/MentorDesk-setup.exe build/windows/installer.nsi
Target amd64-unicode ; MentorDesk is a 64-bit program: so is its installer
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z is required"
!endif

Name "MentorDesk"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\MentorDesk"
InstallDirRegKey HKCU "Software\MentorDesk" "InstallDir"
BrandingText "MentorDesk ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey "ProductName" "MentorDesk"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "MentorDesk setup"
VIAddVersionKey "CompanyName" "Cascade Youth Music Mentors"
VIAddVersionKey "LegalCopyright" "Cascade Youth Music Mentors"

!define MUI_ICON "mentordesk.ico"
!define MUI_UNICON "mentordesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\MentorDesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start MentorDesk"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MentorDesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "MentorDesk" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${SRC}/MentorDesk.exe"
  File "${SRC}/mentordesk-cli.exe"
  WriteUninstaller "$INSTDIR\Uninstall MentorDesk.exe"

  CreateShortcut "$SMPROGRAMS\MentorDesk.lnk" "$INSTDIR\MentorDesk.exe" "" "$INSTDIR\MentorDesk.exe" 0

  WriteRegStr HKCU "Software\MentorDesk" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "MentorDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Cascade Youth Music Mentors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\MentorDesk.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall MentorDesk.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall MentorDesk.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\MentorDesk.lnk"
  Delete "$INSTDIR\MentorDesk.exe"
  Delete "$INSTDIR\mentordesk-cli.exe"
  Delete "$INSTDIR\Uninstall MentorDesk.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\MentorDesk"
SectionEnd
