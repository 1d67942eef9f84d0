; Régua's Windows installer: the program in Program Files, Start menu and desktop
; shortcuts, an uninstaller in "Aplicativos instalados". The store's data lives in the
; user's AppData (Regua\Regua\data) and is kept when Régua is uninstalled.
; Built by packaging/windows/build.sh: makensis -DVERSION=… -DEXE=… -DOUTFILE=… regua.nsi
Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is required (-DVERSION=0.1.0)"
!endif
!ifndef EXE
  !error "EXE is required: the regua.exe to install"
!endif
!ifndef OUTFILE
  !define OUTFILE "Regua-Setup-${VERSION}.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Regua"

Name "Régua ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Régua"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "Régua ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1046 "ProductName" "Régua"
VIAddVersionKey /LANG=1046 "FileDescription" "Instalador do Régua"
VIAddVersionKey /LANG=1046 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1046 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1046 "LegalCopyright" "Régua"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\regua.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Abrir o Régua"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "PortugueseBR"
!insertmacro MUI_LANGUAGE "English"

Section "Régua" SectionMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "/oname=regua.exe" "${EXE}"
  File "/oname=Guia.md" "${GUIDE}"
  File "/oname=LEIA-ME.md" "${README}"
  WriteUninstaller "$INSTDIR\Desinstalar.exe"
  CreateDirectory "$SMPROGRAMS\Régua"
  CreateShortcut "$SMPROGRAMS\Régua\Régua.lnk" "$INSTDIR\regua.exe"
  CreateShortcut "$SMPROGRAMS\Régua\Desinstalar o Régua.lnk" "$INSTDIR\Desinstalar.exe"
  CreateShortcut "$DESKTOP\Régua.lnk" "$INSTDIR\regua.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "Régua"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Régua"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\regua.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Desinstalar.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only what the installer put there: the database and its copies stay in AppData.
Section "Uninstall"
  SetShellVarContext all
  Delete "$INSTDIR\regua.exe"
  Delete "$INSTDIR\Guia.md"
  Delete "$INSTDIR\LEIA-ME.md"
  Delete "$INSTDIR\Desinstalar.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Régua\Régua.lnk"
  Delete "$SMPROGRAMS\Régua\Desinstalar o Régua.lnk"
  RMDir "$SMPROGRAMS\Régua"
  Delete "$DESKTOP\Régua.lnk"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
