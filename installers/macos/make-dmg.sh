#!/usr/bin/env bash
# Sign, notarize and package dist/Taiwa.app (built by PyInstaller on macOS) as a .dmg:
#
#   installers/macos/make-dmg.sh VERSION            -> dist/Taiwa-VERSION-macos-ARCH.dmg
#
# Signing happens only when MACOS_SIGN_IDENTITY is set ("Developer ID Application: ..."), with
# the hardened runtime and installers/macos/entitlements.plist; notarization only when
# MACOS_NOTARY_PROFILE names a `xcrun notarytool store-credentials` profile. Without them the
# .dmg is unsigned (for testing: Gatekeeper refuses it on other Macs).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?usage: make-dmg.sh VERSION}
app=dist/Taiwa.app
[ -d "$app" ] || { echo "make-dmg: no $app (run pyinstaller installers/taiwa.spec first)" >&2; exit 2; }
arch=$(uname -m)
dmg=dist/Taiwa-$version-macos-$arch.dmg

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # Inside out: every library and plugin first, then the app (codesign --deep is deprecated).
  find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY"
  codesign --force --timestamp --options runtime \
    --entitlements installers/macos/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --strict --deep --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"   # drag Taiwa onto Applications
rm -f "$dmg"
hdiutil create -volname "Taiwa $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "make-dmg: $dmg ($(du -m "$dmg" | cut -f1) MB)"
