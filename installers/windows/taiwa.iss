; Inno Setup 6 script for Taiwa on Windows 10/11 (x64), after PyInstaller built dist\taiwa\:
;   iscc /DAppVersion=0.1.0 installers\windows\taiwa.iss     -> dist\Taiwa-0.1.0-windows-x64-setup.exe
; CI passes the version read from pyproject.toml (.github/workflows/installers.yml).
;
; Per-user install by default (no administrator rights: most managers' laptops are locked
; down), into %LOCALAPPDATA%\Programs\Taiwa; "Install for all users" asks for elevation. The
; vault (%LOCALAPPDATA%\Taiwa\vault) is never touched by install, upgrade or uninstall: notes
; survive an uninstall, and the key stays in the Windows Credential Locker.
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installers\windows\taiwa.iss
#endif

[Setup]
AppId={{6B1E6C7A-3F0E-4E7B-9D2A-7A1C5E0B9F41}
AppName=Taiwa
AppVersion={#AppVersion}
AppVerName=Taiwa {#AppVersion}
AppPublisher=Taiwa
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Taiwa
DefaultGroupName=Taiwa
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Taiwa-{#AppVersion}-windows-x64-setup
SetupIconFile=installers\icons\taiwa.ico
UninstallDisplayIcon={app}\taiwa.exe
UninstallDisplayName=Taiwa
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Signing: the workflow signs taiwa.exe and taiwa-cli.exe before this script packs them, and the
; setup program after it (.github/workflows/installers.yml); unsigned builds are for testing only
; (SmartScreen warns about them).

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\taiwa\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Taiwa"; Filename: "{app}\taiwa.exe"; AppUserModelID: "app.taiwa.Taiwa"
Name: "{autodesktop}\Taiwa"; Filename: "{app}\taiwa.exe"; Tasks: desktopicon; AppUserModelID: "app.taiwa.Taiwa"

[Run]
Filename: "{app}\taiwa.exe"; Description: "{cm:LaunchProgram,Taiwa}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder holds: never the vault or the user's settings.
Type: filesandordirs; Name: "{app}\_internal"
